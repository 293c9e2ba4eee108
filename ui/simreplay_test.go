package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/model"
)

// The watch screen of a participant of a recording that the simulator
// replays (sim --replay, demo --replay) shows the readings recorded: the
// recorded call, as served over loopback, is what the screens draw.
func TestWatchShowsAReplayedRecording(t *testing.T) {
	recorded := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	zed := model.Participant{UserID: "777", UserName: "Zed Replayed", Location: "Reykjavik (IS)", JoinTime: recorded.Add(-time.Minute)}
	for i := range 12 {
		lat := 40.0
		if i >= 10 {
			lat = 321 // the incident: the last two minutes
		}
		zed.Samples = append(zed.Samples, model.Sample{Time: recorded.Add(time.Duration(i) * time.Minute),
			Streams: map[model.StreamKey]model.StreamStats{
				{Media: model.Audio, Dir: model.Send, Path: model.Client}: {LatencyMS: model.Some(lat), JitterMS: model.Some(4),
					AvgLossPct: model.Some(0.25), MaxLossPct: model.Some(1.5), BitrateKbps: model.Some(27.5)},
			}})
	}
	path := filepath.Join(t.TempDir(), "incident.jsonl")
	w, err := record.Create(path, record.Options{MeetingID: "86000000001", Type: model.Live, Thresholds: model.DefaultThresholds(),
		Now: func() time.Time { return recorded.Add(12 * time.Minute) }})
	if err != nil {
		t.Fatal(err)
	}
	w.Meeting(model.Meeting{ID: "86000000001", Topic: "Recorded incident", StartTime: recorded.Add(-2 * time.Minute)})
	w.Samples([]model.Participant{zed})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rec, err := record.Load(path)
	if err != nil {
		t.Fatal(err)
	}

	start := watchT0.Add(39*time.Minute + 38*time.Second)
	clock := newTestClock(start)
	zoom := simtest.Start(t, sim.Options{Now: clock.Now, Replay: &rec})
	client := zoom.Client(t, func(c *fetch.Config) { c.Timeout, c.Now = 10*time.Second, clock.Now })
	h := newHarness(t, nil, 120, 40, func(c *Config) {
		c.Source, c.Now, c.MeetingID, c.ParticipantID, c.Topic = client, clock.Now, "86000000001", "777", ""
	})
	h.clock = clock
	clock.set(start.Add(10*time.Minute + 30*time.Second)) // the replay has reached the last sample (19:50), still live
	h.settle(runCmd(h.a.Init()))
	screen := h.a.View().Content
	for _, want := range []string{"Zed Replayed", "Reykjavik (IS)", "321 ms", "0.25%", "27.5 kbps", "critical"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the watch screen lacks %q:\n%s", want, screen)
		}
	}
}
