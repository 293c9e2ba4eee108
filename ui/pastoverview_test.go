package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/model"
)

// A meeting that is over, opened from `qostop meetings --type past`,
// shows everyone who was in it, though all of them left hours ago, and
// names it by the ID a user would type, not its UUID.
func TestPastMeetingOverviewShowsEveryone(t *testing.T) {
	now := time.Date(2026, 11, 25, 19, 42, 38, 0, time.UTC)
	clock := func() time.Time { return now }
	zoom := simtest.Start(t, sim.Options{Seed: 1, Now: clock})
	h, _ := newTableHarness(t, zoom.Client(t), 120, 40, func(c *Config) { c.Now, c.Type, c.From, c.To = clock, model.Past, now, now })
	if !strings.Contains(h.a.content(), "Weekly ops sync") {
		t.Fatalf("the past list lacks the ended meeting:\n%s", h.a.content())
	}
	h.press("enter")
	view := h.a.content()
	if got := names(h); len(got) != 4 {
		t.Fatalf("the past meeting shows %q, want its 4 participants:\n%s", got, view)
	}
	for _, want := range []string{"4 participants", "meeting " + sim.EndedMeetingID, "Kavya Rao", "Mei Lin"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	for _, bad := range []string{"not shown", sim.EndedMeetingUUID, "no participants"} {
		if strings.Contains(view, bad) {
			t.Errorf("view has %q:\n%s", bad, view)
		}
	}
}
