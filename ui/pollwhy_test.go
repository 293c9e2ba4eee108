package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/poll"
)

// The screens word the next poll from the reason model.Cadence and
// fetch.Budget give (in UTC, for logs). These pin the opening words the
// screens go by: if a reason is reworded, this fails rather than the bar
// silently saying only "next".
func TestPollReasonsFromCadenceAndBudget(t *testing.T) {
	t0 := time.Date(2026, 3, 9, 14, 30, 17, 0, time.UTC)
	minute := func(m int) time.Time { return time.Date(2026, 3, 9, 14, 30+m, 0, 0, time.UTC) }
	c := model.Cadence{Interval: 10 * time.Second}
	got := map[poll.Why]string{}
	see := func(at time.Time, newest int) {
		n := c.Observe(model.Answer{At: at, Newest: minute(newest), Step: time.Minute})
		got[poll.Classify(n.Reason)] = n.Reason
	}
	see(t0, 0)                     // new data: every 10s
	see(t0.Add(50*time.Second), 0) // nothing new yet: due after the minute
	see(t0.Add(65*time.Second), 0) // the minute is late
	see(t0.Add(75*time.Second), 1) // found: the offset is learned
	see(t0.Add(80*time.Second), 1) // repeat before due
	see(t0.Add(10*time.Minute), 1) // nothing for long: quiet
	fixed := model.Cadence{Interval: 10 * time.Second, Fixed: true}
	got[poll.Classify(fixed.Observe(model.Answer{At: t0}).Reason)] = "fixed"

	b, err := fetch.OpenBudget(fetch.BudgetOptions{Dir: t.TempDir(), Cap: 5, Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	n := b.Delay(model.Next{At: t0.Add(time.Second), Reason: "next sample due 14:30:18"}, t0, 1)
	got[poll.Classify(n.Reason)] = n.Reason

	for _, w := range []poll.Why{poll.WhyInterval, poll.WhyDue, poll.WhyLate, poll.WhyQuiet, poll.WhyBudget} {
		if got[w] == "" {
			t.Errorf("no reason classified as %d; got %v", w, got)
		}
	}
}

// The bar says why the next poll is when it is, in local clock time, in
// few words; a budget that slows polling is said in the warning style.
func TestNextSegmentWords(t *testing.T) {
	ss := chrome.StatusStyles{Dash: "-"}
	for reason, want := range map[string]string{
		"next sample due 14:32:27":                                                   "next sample due 09:32:27",
		"sample of 14:32:00 is late: again in 5s":                                    "sample late - next try 09:32:27",
		"catching up: again in 5s":                                                   "sample late - next try 09:32:27",
		"no new sample since 14:20:00: every 1m0s":                                   "no new sample - next 09:32:27",
		"request budget: 5 left today (95 of --budget 100 used), one request per 2h": "budget: 5 left, next 09:32:27",
		"new data: every 10s":                                                        "next 09:32:27",
		"":                                                                           "next 09:32:27",
	} {
		if got := chrome.NextSegment(reason, "09:32:27", fetch.BudgetStatus{Used: 95, Cap: 100}, ss); got.Text != want {
			t.Errorf("%q: bar says %q, want %q", reason, got.Text, want)
		}
	}
}

// An interval chosen with + on the overview stays chosen on the watch
// screen it opens; without one, the watch screen follows Zoom's minute.
func TestChosenIntervalCarriesToTheWatchScreen(t *testing.T) {
	for _, chosen := range []bool{false, true} {
		h := crowdHarness(t, 3)
		if chosen {
			h.press("+")
		}
		h.press("enter")
		w := h.watch()
		if w.chain().Sched.Fixed != chosen || (chosen && w.chain().Interval != 15*time.Second) {
			t.Errorf("+ pressed %v: the watch screen polls fixed %v every %s", chosen, w.chain().Sched.Fixed, w.chain().Interval)
		}
	}
}

// The bar's figures of the day: today's count (against --budget when
// set) and the account's quota when Zoom said it, in warning colours
// under a tenth.
func TestBudgetSegmentsWords(t *testing.T) {
	ss := chrome.StatusStyles{}
	for _, tc := range []struct {
		b    fetch.BudgetStatus
		want string
	}{
		{fetch.BudgetStatus{Used: 1}, "today 1 request"},
		{fetch.BudgetStatus{Used: 1234}, "today 1,234 requests"},
		{fetch.BudgetStatus{Used: 1, Cap: 15000}, "today 1/15,000 requests"},
		{fetch.BudgetStatus{Used: 7, AccountKnown: true, AccountRemaining: 29993, AccountLimit: 30000},
			"today 7 requests | Zoom 29,993/30,000 left"},
		{fetch.BudgetStatus{Used: 7, AccountKnown: true, AccountRemaining: 12}, "today 7 requests | Zoom 12 left"},
	} {
		var texts []string
		for _, s := range chrome.BudgetSegments(tc.b, ss) {
			texts = append(texts, s.Text)
		}
		if got := strings.Join(texts, " | "); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.b, got, tc.want)
		}
	}
}

// The full help words the adaptive schedule by the cadence it learned:
// the demo's samples come every 3 s, and "just after Zoom's minute" was
// false of it. Each stage of a cadence, from the first answer to a quiet
// spell, is checked at Zoom's minute and at 3 s ("" checks only that a
// 3 s cadence is never called a minute).
func TestPollLineFollowsTheLearnedCadence(t *testing.T) {
	s0 := time.Date(2026, 3, 9, 14, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		period time.Duration
		want   [8]string
	}{
		{3 * time.Second, [8]string{
			"then just after each new sample (once their pace is learned).",
			"then just after each new sample (about every 3s).",
			"just after each new sample, about every 3s.",
			"just after each new sample, about every 3s (Zoom publishes each about 1s after its time).",
			"no new sample for a while, so once every 3s until one comes.",
			"", "", "just after each new sample, about every 3s (Zoom publishes each at its time).",
		}},
		{time.Minute, [8]string{
			"then just after each new sample (once their pace is learned).",
			"then just after each new sample (once a minute).",
			"just after each new sample, once a minute.",
			"just after each new sample, once a minute (Zoom publishes each about 20s after its time).",
			"no new sample for a while, so once a minute until one comes.",
			"", "", "just after each new sample, once a minute (Zoom publishes each at its time).",
		}},
	} {
		P := tc.period
		p := &poll.Chain{Interval: 10 * time.Second}
		p.Sched.Interval = p.Interval
		for i, a := range []model.Answer{
			{At: s0.Add(P / 3)},                                         // no sample yet
			{At: s0.Add(P / 3), Newest: s0, Step: P},                    // the first two: the period
			{At: s0.Add(2 * P / 3), Newest: s0},                         // nothing new, before it is due
			{At: s0.Add(P + P/3), Newest: s0.Add(P)},                    // the next, late by P/3: the offset
			{At: s0.Add(5 * P), Newest: s0.Add(P)},                      // nothing for three periods
			{At: s0.Add(5*P + time.Millisecond), Newest: s0.Add(5 * P)}, // found the moment it is out
			{At: s0.Add(6 * P), Newest: s0.Add(5 * P)},                  // nothing new
			{At: s0.Add(6*P + time.Millisecond), Newest: s0.Add(6 * P)}, // the offset is ~0
		} {
			p.Reason = p.Sched.Observe(a).Reason
			if got := chrome.PollLine(p, time.Time{}); !strings.Contains(got, tc.want[i]) || P != time.Minute && strings.Contains(got, "minute") {
				t.Errorf("%s cadence, answer %d (%q): help says %q, want %q", P, i, p.Reason, got, tc.want[i])
			}
		}
	}
}
