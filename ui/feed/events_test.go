package feed

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
	l := newLog()
	th := model.DefaultThresholds()
	l.observe([]model.Sample{sample(t0, 0.1, 0.1)}, th, time.Minute)
	if n := l.observe([]model.Sample{sample(t0.Add(time.Minute), 3.9, 4.3)}, th, time.Minute); n != 1 {
		t.Fatalf("%d events for one bad sample, want 1: %+v", n, l.events)
	}
	if got, want := l.events[0].Text, "audio+video, both ways: loss 4.3% warn"; got != want {
		t.Errorf("event %q, want %q", got, want)
	}
	l.observe([]model.Sample{sample(t0.Add(2*time.Minute), 0.2, 0.3)}, th, time.Minute)
	if got, want := l.events[0].Text, "audio+video, both ways: loss recovered 0.3%"; got != want {
		t.Errorf("recovery %q, want %q", got, want)
	}
}

// A crossing names its streams in few words: one direction of some media
// as a phrase, and every medium ("all media") or both directions ("both
// ways") in two words before a colon, never the whole list.
func TestCrossingWording(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	a, v, s := model.Audio, model.Video, model.Share
	send, recv := model.Send, model.Receive
	both := []model.Direction{send, recv}
	for _, tc := range []struct {
		media []model.Media
		dirs  []model.Direction
		want  string
	}{
		{[]model.Media{a}, []model.Direction{send}, "audio send loss 1.8% warn"},
		{[]model.Media{v}, []model.Direction{recv}, "video receive loss 1.8% warn"},
		{[]model.Media{a, v}, []model.Direction{send}, "audio+video send loss 1.8% warn"},
		{[]model.Media{v, s}, []model.Direction{recv}, "video+screen share receive loss 1.8% warn"},
		{[]model.Media{a}, both, "audio, both ways: loss 1.8% warn"},
		{[]model.Media{a, s}, both, "audio+screen share, both ways: loss 1.8% warn"},
		{[]model.Media{a, v, s}, []model.Direction{send}, "all media, send: loss 1.8% warn"},
		{[]model.Media{a, v, s}, []model.Direction{recv}, "all media, receive: loss 1.8% warn"},
		{[]model.Media{a, v, s}, both, "all media, both ways: loss 1.8% warn"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			sample := func(at time.Time, loss float64) model.Sample {
				smp := model.Sample{Time: at, Streams: map[model.StreamKey]model.StreamStats{}}
				for _, md := range tc.media {
					for _, d := range tc.dirs {
						smp.Streams[model.StreamKey{Media: md, Dir: d}] = model.StreamStats{AvgLossPct: model.Some(loss)}
					}
				}
				return smp
			}
			l := newLog()
			th := model.DefaultThresholds()
			l.observe([]model.Sample{sample(t0, 0.1), sample(t0.Add(time.Minute), 1.8)}, th, time.Minute)
			if len(l.events) != 1 || l.events[0].Text != tc.want {
				t.Errorf("events %+v, want one %q", l.events, tc.want)
			}
		})
	}
}

// Two or more samples missing in a row are an event at the first one
// due, saying when and how many: "no samples 21:22–21:26 (5 due)"; one
// missing is not.
func TestHoleIsAnEvent(t *testing.T) {
	l := newLog()
	th := model.DefaultThresholds()
	t0 := time.Date(2026, 11, 25, 21, 21, 0, 0, time.UTC)
	at := func(min int) model.Sample {
		return model.Sample{Time: t0.Add(time.Duration(min) * time.Minute), Streams: map[model.StreamKey]model.StreamStats{
			{Media: model.Audio, Dir: model.Send}: {LatencyMS: model.Some(80)}}}
	}
	l.observe([]model.Sample{at(0), at(6), at(8)}, th, time.Minute)
	var holes []string
	for _, e := range l.Events() {
		if e.Hole.Missing > 0 {
			holes = append(holes, e.At.Format("15:04")+" "+e.Say(time.UTC, "15:04", "—"))
		}
	}
	if len(holes) != 1 || holes[0] != "21:22 no samples 21:22–21:26 (5 due)" {
		t.Errorf("hole events %q, want one: 21:22 no samples 21:22–21:26 (5 due) (one sample missing at 21:28 is not a hole)", holes)
	}
}
