package ui

import (
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// Watching with the chart screen (or the event log) open for five
// minutes sends exactly as many requests as watching without it, counted
// by the simulator: the views share the participant's one feed, so
// opening one sends nothing and starts no chain. Before the feed, the
// chart screen ran a second chain of its own, and under the event log
// polling stopped.
//
//	go test -run TestViewsOfAFeedCostNoRequests -v ./ui/
func TestViewsOfAFeedCostNoRequests(t *testing.T) {
	const minutes = 5
	alone := watchSimRequests(t, "", minutes)
	if alone < minutes {
		t.Fatalf("fixture: %d requests in %d minutes of watching", alone, minutes)
	}
	t.Logf("watching alone: %d requests in %d simulated minutes", alone, minutes)
	for _, k := range []string{"enter", "l"} {
		got := watchSimRequests(t, k, minutes)
		t.Logf("with %q pressed: %d requests", k, got)
		if got != alone {
			t.Errorf("watching with %q pressed: the simulator counted %d requests, %d without", k, got, alone)
		}
	}
}

// watchSimRequests watches the demo participant on the simulator for
// the given minutes of simulated time, with key pressed once the first
// answer is on screen ("" presses nothing), and returns the server's
// count of participant QoS requests. Opening the view must itself send
// nothing.
func watchSimRequests(t *testing.T, key string, minutes int) int {
	t.Helper()
	start := watchT0.Add(17 * time.Second)
	clock := newTestClock(start)
	zoom := simtest.Start(t, sim.Options{Seed: 3, Now: clock.Now, PublishLag: 20 * time.Second, PublishJitter: 15 * time.Second})
	client := zoom.Client(t, func(c *fetch.Config) { c.Timeout, c.Now = 10*time.Second, clock.Now })
	h := newHarness(t, nil, 120, 40, func(c *Config) {
		c.Source, c.Now = client, clock.Now
		c.MeetingID, c.ParticipantID, c.Topic = sim.DemoMeetingID, sim.DemoParticipantID, ""
	})
	h.clock = clock
	d := &soakDriver{t: t, h: h}
	d.run(h.a.Init())
	if key != "" {
		before := zoom.Sim.Stats().ParticipantQoS
		d.deliver(keyMsg(key))
		if got := h.a.top().name(); got == "watch" {
			t.Fatalf("%q opened nothing", key)
		}
		if after := zoom.Sim.Stats().ParticipantQoS; after != before {
			t.Fatalf("opening the %s screen sent %d requests", h.a.top().name(), after-before)
		}
	}
	d.runUntil(start.Add(time.Duration(minutes) * time.Minute))
	return zoom.Sim.Stats().ParticipantQoS
}
