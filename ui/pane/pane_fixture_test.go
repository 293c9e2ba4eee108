package pane

import (
	"math"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// paneT0 is the first sample's time in every fixture.
var paneT0 = time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)

// testStyles are the dark theme on the given colour profile; Ascii gives
// colour-free output for golden files.
func testStyles(p colorprofile.Profile, ascii bool) theme.Styles {
	return theme.NewStyles(p, theme.Dark(), ascii)
}

func ms(v float64) model.Value { return model.Some(v) }

// streamAt is a plausible stream reading for minute i: latency and jitter
// drift, loss bursts now and then, video carries frame rate and size.
func streamAt(i int, video bool, phase float64) model.StreamStats {
	x := float64(i) + phase
	s := model.StreamStats{
		LatencyMS:   ms(math.Round(60 + 40*math.Sin(x/5))),
		JitterMS:    ms(math.Round(8 + 6*math.Sin(x/3))),
		AvgLossPct:  ms(math.Round(10*math.Max(0, math.Sin(x/7))) / 10),
		MaxLossPct:  ms(math.Round(30*math.Max(0, math.Sin(x/7))) / 10),
		BitrateKbps: ms(math.Round(40 + 15*math.Cos(x/4))),
	}
	if video {
		s.BitrateKbps = ms(math.Round(900 + 300*math.Cos(x/4)))
		s.FrameRateFPS = ms(math.Round(24 + 6*math.Cos(x/6)))
		s.Width, s.Height = ms(1280), ms(720)
	}
	return s
}

// fixture builds n per-minute samples holding the given streams.
func paneFixture(n int, keys ...model.StreamKey) []model.Sample {
	out := make([]model.Sample, n)
	for i := range out {
		s := model.Sample{Time: paneT0.Add(time.Duration(i) * time.Minute), Streams: map[model.StreamKey]model.StreamStats{}}
		for j, k := range keys {
			s.Streams[k] = streamAt(i, k.HasVideoFields(), float64(j))
		}
		s.CPU = model.CPU{ZoomMinPct: ms(8), ZoomAvgPct: ms(12), ZoomMaxPct: ms(18), SystemMaxPct: ms(40)}
		out[i] = s
	}
	return out
}

func skey(m model.Media, d model.Direction, p model.Path) model.StreamKey {
	return model.StreamKey{Media: m, Dir: d, Path: p}
}

// everyStream is a normal call: audio and video both ways on the client.
var everyStream = []model.StreamKey{
	skey(model.Audio, model.Send, model.Client), skey(model.Audio, model.Receive, model.Client),
	skey(model.Video, model.Send, model.Client), skey(model.Video, model.Receive, model.Client),
}

// newTestPane is a pane with Ascii-profile styles, sized and filled.
func newTestPane(m model.Media, w, h int, ascii bool, samples []model.Sample) Model {
	p := New(m)
	p.SetStyles(testStyles(colorprofile.Ascii, ascii))
	p.SetSize(w, h)
	p.SetData(samples)
	return p
}
