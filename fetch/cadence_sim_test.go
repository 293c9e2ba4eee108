package fetch_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/model"
)

// The adaptive cadence against the simulator publishing like Zoom, each
// minute 20–35 s late: every request is real HTTP, counted by the
// server, and every lag is measured from the minute's appearance.
// Issue 12's goals: ≤ 1.5 requests per new sample, median lag ≤ 10 s.
//
//	go test -run TestCadenceAgainstSim -v ./fetch/
func TestCadenceAgainstSim(t *testing.T) {
	start := time.Date(2026, 3, 9, 14, 30, 17, 0, time.UTC)
	rig := simtest.StartAt(t, start, sim.Options{Seed: 3, PublishLag: 20 * time.Second, PublishJitter: 15 * time.Second})
	c := rig.Client(t, func(c *fetch.Config) { c.Now = rig.Clock.Now })
	ctx := context.Background()
	cad := &model.Cadence{Interval: 10 * time.Second}
	var seen time.Time
	var lags []time.Duration
	polls := 0
	for now := start; now.Before(start.Add(2 * time.Hour)); {
		rig.Clock.Set(now)
		ps, err := c.MeetingQoS(ctx, sim.DemoMeetingID, model.Live)
		if err != nil {
			t.Fatal(err)
		}
		polls++
		a := model.AnswerOf(now, ps...)
		if !seen.IsZero() {
			for m := seen.Add(time.Minute); !m.After(a.Newest); m = m.Add(time.Minute) {
				appeared, _ := rig.Sim.PublishedAt(sim.DemoMeetingID, m)
				lags = append(lags, now.Sub(appeared))
			}
		}
		seen = a.Newest
		now = cad.Observe(a).At
	}
	// Counted by the server: a retry after a token expired counts too.
	requests := rig.Sim.Stats().ParticipantsQoS
	slices.Sort(lags)
	per, median := float64(requests)/float64(len(lags)), lags[len(lags)/2]
	t.Logf("%d polls, %d requests for %d new samples: %.2f per sample; lag median %v, max %v",
		polls, requests, len(lags), per, median, lags[len(lags)-1])
	if len(lags) < 115 {
		t.Errorf("only %d of 120 minutes fetched", len(lags))
	}
	if per > 1.5 || median > 10*time.Second {
		t.Errorf("%.2f requests per new sample and median lag %v; want ≤ 1.5 and ≤ 10s", per, median)
	}
}
