package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/qostop/qostop/model"
)

// The overview's cost per refresh at 300 participants, 120x40 (and
// 200x60, wide): what the
// Update of one answer does (merge into the roster, rows, view). "New"
// answers bring everyone's next minute, as Zoom's new minute does; "Repeat"
// answers are the same again (Zoom's minute not out yet), whose rows are
// kept. Issue 12's goal: 5 ms in 256 colours.
//
//	go test ./ui -run '^$' -bench Overview -benchmem
func BenchmarkOverviewNew256(b *testing.B)      { benchOverview(b, colorprofile.ANSI256, true, 120, 40) }
func BenchmarkOverviewNewAscii(b *testing.B)    { benchOverview(b, colorprofile.Ascii, true, 120, 40) }
func BenchmarkOverviewRepeat256(b *testing.B)   { benchOverview(b, colorprofile.ANSI256, false, 120, 40) }
func BenchmarkOverviewRepeatAscii(b *testing.B) { benchOverview(b, colorprofile.Ascii, false, 120, 40) }

// At 200x60 the overview is in its wide form (overview_wide.go): three
// reading columns, the MOS and a trend per row.
func BenchmarkOverviewNewWide256(b *testing.B) { benchOverview(b, colorprofile.ANSI256, true, 200, 60) }

func benchOverview(b *testing.B, profile colorprofile.Profile, changing bool, width, height int) {
	answers := [2][]model.Participant{crowd(300, 0), crowd(300, 1)}
	src := newTableSource()
	src.setPeople(answers[0])
	h, _ := newTableHarness(b, src, width, height, onBridge, func(c *Config) { c.Profile = profile })
	m := h.overview()
	at, th := h.clock.Now(), m.c.cfg.Thresholds
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if changing {
			i++
		}
		ps := answers[i%2]
		m.roster.Merge(ps, at, th)
		m.judge(ps)
		m.refill()
		_ = m.view()
	}
}

// crowd is n participants an hour into a call, as Zoom's answer holds
// them: a sample a minute since they joined, each with audio, video and
// screen share both ways. shift moves the newest minute on: a minute in
// both crowds has the same readings, as Zoom's past minutes do, and every
// member's newest sample differs.
func crowd(n, shift int) []model.Participant {
	ps := make([]model.Participant, 0, n)
	for i := range n {
		p := model.Participant{UserID: fmt.Sprint(16778241 + i), UserName: fmt.Sprintf("Person %03d", i),
			Device: "Mac", NetworkType: "Wifi", Location: "Oakland (US)", Health: "Good", JoinTime: watchT0}
		for k := range 60 {
			m := k + shift
			s := model.Sample{Time: watchT0.Add(time.Duration(m) * time.Minute), Streams: map[model.StreamKey]model.StreamStats{}}
			for j, key := range []model.StreamKey{{Media: model.Audio, Dir: model.Send}, {Media: model.Audio, Dir: model.Receive},
				{Media: model.Video, Dir: model.Send}, {Media: model.Video, Dir: model.Receive},
				{Media: model.Share, Dir: model.Send}, {Media: model.Share, Dir: model.Receive}} {
				v := float64((i*7 + m*13 + j*5) % 300)
				s.Streams[key] = model.StreamStats{LatencyMS: model.Some(20 + v), JitterMS: model.Some(v / 10),
					AvgLossPct: model.Some(float64((i+m+j)%7) / 2), MaxLossPct: model.Some(float64((i+m+j)%9) / 2),
					BitrateKbps: model.Some(50 + v)}
			}
			p.Samples = append(p.Samples, s)
		}
		ps = append(ps, p)
	}
	return ps
}
