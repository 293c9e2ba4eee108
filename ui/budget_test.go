package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// budgetRig is the simulator with an account cap (so its answers carry
// X-RateLimit-Limit and -Remaining) on the harness's clock, and the
// state directory every run opens its budget in.
type budgetRig struct {
	zoom  *simtest.Rig
	dir   string
	clock *testClock
}

func newBudgetRig(t *testing.T, mods ...func(*sim.Options)) *budgetRig {
	t.Helper()
	r := &budgetRig{dir: t.TempDir(), clock: newTestClock(watchT0.Add(39*time.Minute + 38*time.Second))}
	opts := sim.Options{Seed: 2, Now: r.clock.Now, DailyLimit: 30000}
	for _, m := range mods {
		m(&opts)
	}
	r.zoom = simtest.Start(t, opts)
	return r
}

// run opens the budget (cap: --budget) as a new qostop process would, and
// the watch screen of the demo participant on it.
func (r *budgetRig) run(t *testing.T, cap int, mods ...harnessOpt) (*harness, []any) {
	t.Helper()
	b, err := fetch.OpenBudget(fetch.BudgetOptions{Dir: r.dir, Cap: cap, Now: r.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	client := r.zoom.Client(t, func(c *fetch.Config) { c.Now, c.Budget = r.clock.Now, b })
	h := newHarness(t, nil, 120, 40, func(c *Config) {
		c.Source, c.Budget, c.Now, c.Fixed = client, b, r.clock.Now, true
		// A topic of its own, so the one request for the meeting's details
		// (ui/topic.go) stays out of the polls these tests count.
		c.MeetingID, c.ParticipantID, c.Topic = sim.DemoMeetingID, sim.DemoParticipantID, "Incident bridge"
		for _, m := range mods {
			m(c)
		}
	})
	h.clock = r.clock
	return h, nil
}

func budgetBar(h *harness) string {
	lines := strings.Split(h.a.content(), "\n")
	return lines[len(lines)-2] // above the help line
}

// Two runs one after the other add up in the day's count, which the bar
// shows with the account's quota as Zoom's headers said it; ? tells the
// run's own share apart.
func TestBudgetRunsAddUp(t *testing.T) {
	r := newBudgetRig(t)
	h, _ := r.run(t, 0)
	next := h.start()
	for range 4 {
		next = h.poll(next)
	}
	if bar := budgetBar(h); !strings.Contains(bar, "today 5 requests") || !strings.Contains(bar, "Zoom 29,995/30,000 left") {
		t.Fatalf("first run, 5 polls: bar %q", bar)
	}
	r.clock.set(r.clock.Now().Add(time.Minute)) // the first qostop quits; another starts

	h, _ = r.run(t, 0)
	next = h.start()
	h.poll(next)
	if bar := budgetBar(h); !strings.Contains(bar, "today 7 requests") || !strings.Contains(bar, "Zoom 29,993/30,000 left") {
		t.Fatalf("second run, 2 polls: bar %q", bar)
	}
	h.press("?")
	if v := h.a.content(); !strings.Contains(strings.Join(strings.Fields(v), " "),
		"Requests today (2026-11-25 UTC): 7 by qostop, 2 of them by this process (no --budget of qostop's own). "+
			"Zoom's account quota, shared by every app: 29,993 of 30,000 left today.") {
		t.Fatalf("? does not account for the day:\n%s", v)
	}
}

// Near the end of --budget, polling slows to make the rest last until
// 00:00 UTC, and the bar and ? say so; once spent, nothing is sent and
// the bar says until when.
func TestBudgetNearItsEndSlowsPolling(t *testing.T) {
	r := newBudgetRig(t)
	h, _ := r.run(t, 0)
	next := h.start()
	for range 5 {
		next = h.poll(next) // 6 requests of an earlier run
	}
	h, _ = r.run(t, 9) // --budget 9: 3 left
	next = h.start()   // the 7th: 2 left
	tm, _ := pollTimer(t, next)
	// Two requests left for the hours to midnight: one per half of them.
	midnight := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	gap := midnight.Sub(r.clock.Now()) / 2
	if tm.d < gap-time.Second || tm.d > gap {
		t.Fatalf("with 2 requests left today, the next poll is in %s, want %s", tm.d, gap)
	}
	at := r.clock.Now().Add(tm.d).Format("15:04:05")
	bar := budgetBar(h)
	if !strings.Contains(bar, "budget: 2 left, next "+at) || !strings.Contains(bar, "today 7/9 requests") {
		t.Fatalf("bar does not say why polling slowed: %q", bar)
	}
	h.press("?")
	if v := strings.Join(strings.Fields(h.a.content()), " "); !strings.Contains(v, "Polling slowed: request budget: 2 left today "+
		"(7 of --budget 9 used), one request per "+gap.Round(time.Second).String()+". Next poll "+at+".") {
		t.Fatalf("? does not say why polling slowed:\n%s", v)
	}
	h.press("esc")

	next = h.poll(next) // 8th
	next = h.poll(next) // 9th: spent
	tm, _ = pollTimer(t, next)
	if due := r.clock.Now().Add(tm.d); !due.Equal(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("budget spent: next poll at %v, want 00:00 UTC", due)
	}
	if bar := budgetBar(h); !strings.Contains(bar, "budget: 0 left, next 00:00:00") || !strings.Contains(bar, "today 9/9 requests") {
		t.Fatalf("bar once spent: %q", bar)
	}
	if got := r.zoom.Sim.Stats().ParticipantQoS; got != 9 {
		t.Fatalf("the simulator got %d requests; --budget 9 allows 9 today", got)
	}
}
