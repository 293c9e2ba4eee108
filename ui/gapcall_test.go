package ui

import (
	"math"
	"time"

	"github.com/qostop/qostop/model"
)

// The gap call: three hours of per-minute audio and video ending at the
// harness's newest minute (19:39), with a 10-minute hole (19:10-19:19)
// when Zoom sent nothing, one audio send latency spike to 420 ms (over
// the 300 ms critical line) at 19:25, and an audio receive loss that
// wiggles between 0 and 0.06 %, which must draw flat.
var (
	gapEnd   = watchT0.Add(39 * time.Minute)
	gapHole  = [2]time.Time{watchT0.Add(10 * time.Minute), watchT0.Add(20 * time.Minute)}
	gapSpike = watchT0.Add(25 * time.Minute)
)

const gapMinutes = 180

func gapParticipant() model.Participant {
	p := callParticipant(false)
	p.Samples = nil
	r0 := func(v float64) model.Value { return model.Some(math.Round(v)) }
	for i := range gapMinutes {
		t := gapEnd.Add(-time.Duration(gapMinutes-1-i) * time.Minute)
		if !t.Before(gapHole[0]) && t.Before(gapHole[1]) {
			continue
		}
		lat := 70 + 15*wave(i, 0, 7)
		if t.Equal(gapSpike) {
			lat = 420
		}
		wiggle := 0.0
		if i%3 == 0 {
			wiggle = 0.06
		}
		s := model.Sample{Time: t, Streams: map[model.StreamKey]model.StreamStats{
			{Media: model.Audio, Dir: model.Send}: {LatencyMS: r0(lat), JitterMS: r0(8 + 3*wave(i, 1, 4)),
				AvgLossPct: model.Some(0.1), MaxLossPct: model.Some(0.3), BitrateKbps: r0(42 + 5*wave(i, 0, 5))},
			{Media: model.Audio, Dir: model.Receive}: {LatencyMS: r0(60 + 10*wave(i, 2, 6)), JitterMS: r0(6 + 2*wave(i, 0, 3)),
				AvgLossPct: model.Some(wiggle), MaxLossPct: model.Some(wiggle), BitrateKbps: r0(48 + 4*wave(i, 1, 5))},
			{Media: model.Video, Dir: model.Send}: {LatencyMS: r0(75 + 12*wave(i, 1, 6)), JitterMS: r0(10 + 4*wave(i, 0, 3)),
				AvgLossPct: model.Some(0.2), MaxLossPct: model.Some(0.6), BitrateKbps: r0(900 + 200*wave(i, 0, 4)),
				FrameRateFPS: r0(25 + 3*wave(i, 0, 6)), Width: model.Some(1280), Height: model.Some(720)},
			{Media: model.Video, Dir: model.Receive}: {LatencyMS: r0(80 + 10*wave(i, 3, 5)), JitterMS: r0(11 + 3*wave(i, 1, 3)),
				AvgLossPct: model.Some(0.2), MaxLossPct: model.Some(0.5), BitrateKbps: r0(1100 + 250*wave(i, 2, 4)),
				FrameRateFPS: r0(24 + 4*wave(i, 2, 6)), Width: model.Some(1280), Height: model.Some(720)},
		}}
		p.Samples = append(p.Samples, s)
	}
	return p
}

// withSample is p with one more sample a minute after its newest, a copy
// of that newest.
func withSample(p model.Participant) model.Participant {
	last := p.Samples[len(p.Samples)-1]
	next := model.Sample{Time: last.Time.Add(time.Minute), Streams: last.Streams}
	p.Samples = append(append([]model.Sample(nil), p.Samples...), next)
	return p
}
