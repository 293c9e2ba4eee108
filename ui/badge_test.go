package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/ui/feed"
)

// An unknown participant of a live meeting: the simulator answers 404
// code 1001, and will until the ID is fixed. The badge says NOT FOUND,
// never LIVE; the screen says what qostop does; the server sees at most
// one request a minute from then on, and r asks at once.
func TestUnknownParticipantIsNotFoundAndPolledOnceAMinute(t *testing.T) {
	now := time.Date(2026, 11, 25, 19, 42, 38, 0, time.UTC)
	zoom := simtest.Start(t, sim.Options{Seed: 1, Now: func() time.Time { return now }})
	s, client := zoom.Sim, zoom.Client(t)
	h := newHarness(t, nil, 80, 24, func(c *Config) {
		c.Source, c.MeetingID, c.ParticipantID, c.Topic = client, sim.DemoMeetingID, "99999999", ""
	})
	next := h.start()
	view := h.a.content()
	first := strings.SplitN(view, "\n", 2)[0]
	if !strings.Contains(first, "NOT FOUND") || strings.Contains(view, "LIVE") {
		t.Fatalf("the badge does not say NOT FOUND:\n%s", view)
	}
	if !strings.Contains(strings.Join(strings.Fields(view), " "), "asks again once a minute, or now if you press r") {
		t.Errorf("the screen does not say what qostop does now:\n%s", view)
	}
	delays, _ := h.pollDelays(next, 3)
	for _, d := range delays {
		if d < time.Minute {
			t.Errorf("polls came %v apart: want at least a minute each", delays)
			break
		}
	}
	if got := s.Stats().ParticipantQoS; got != 4 {
		t.Errorf("the server saw %d QoS requests for the first answer and 3 polls, want 4", got)
	}
	for _, msg := range h.key("r") {
		if f, ok := msg.(feed.FetchedMsg); ok {
			h.send(f)
		}
	}
	if got := s.Stats().ParticipantQoS; got != 5 {
		t.Errorf("r: the server saw %d requests, want 5: r asks at once", got)
	}
}
