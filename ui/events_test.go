package ui

import (
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// One bad sample on a bad network moves every stream at once: one line
// per metric and level, naming the media and directions, with the worst
// value, instead of six.
func TestOneSampleCollapsesToOneLinePerMetric(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	sample := func(at time.Time, loss, videoLoss float64) model.Sample {
		s := model.Sample{Time: at, Streams: map[model.StreamKey]model.StreamStats{}}
		for _, k := range []model.StreamKey{{Media: model.Audio, Dir: model.Send}, {Media: model.Audio, Dir: model.Receive},
			{Media: model.Video, Dir: model.Receive}} {
			v := loss
			if k.Media == model.Video {
				v = videoLoss
			}
			s.Streams[k] = model.StreamStats{AvgLossPct: model.Some(v), LatencyMS: model.Some(40)}
		}
		return s
	}
	l := newEventLog()
	th := model.DefaultThresholds()
	l.observe([]model.Sample{sample(t0, 0.1, 0.1)}, th)
	if n := l.observe([]model.Sample{sample(t0.Add(time.Minute), 3.9, 4.3)}, th); n != 1 {
		t.Fatalf("%d events for one bad sample, want 1: %+v", n, l.events)
	}
	if got, want := l.events[0].text, "audio+video send and receive loss 4.3% warn"; got != want {
		t.Errorf("event %q, want %q", got, want)
	}
	l.observe([]model.Sample{sample(t0.Add(2*time.Minute), 0.2, 0.3)}, th)
	if got, want := l.events[0].text, "audio+video send and receive loss recovered 0.3%"; got != want {
		t.Errorf("recovery %q, want %q", got, want)
	}
}
