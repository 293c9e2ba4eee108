package exporter_test

import (
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/exporter"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// Zoom's per-second 429s (here a limit of one request in three seconds,
// under the exporter's pace of one a second) leave the exporter's plan alone:
// it goes on polling at Zoom's cadence, not limited by the budget, and
// claims no account quota that Zoom never sent. Before, the first 429
// read as the day spent, and the plan waited for 00:00 UTC.
func TestExporterPollsOnAfterQPSRefusals(t *testing.T) {
	start := time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC)
	z := simtest.StartAt(t, start, sim.Options{QPS: 0.3})
	b := budget(t, 0, z.Clock.Now)
	st := newStepper(z.Clock)
	r := startExporter(t, st.options(exporter.Options{Config: z.Config(), Budget: b}))
	waitFor(t, r, "tracking 3 meetings", func(all []series) bool {
		m := find(all, "qostop_exporter_meetings", nil)
		return len(m) == 1 && m[0].value == 3
	})
	answered := func(st sim.Stats) int { return st.APIRequests() - st.RateLimited }
	for range 3 {
		st.step(time.Minute)
	}
	early := z.Sim.Stats()
	if early.RateLimited == 0 {
		t.Fatalf("no QPS 429 in %d requests: the test proves nothing", early.APIRequests())
	}
	for range 7 {
		st.step(time.Minute)
	}
	stats := z.Sim.Stats()
	// Three meetings, seven minutes at Zoom's cadence: a poll a minute
	// each, give or take the ones a 429 put back; before, none at all.
	if n := answered(stats) - answered(early); n < 7 {
		t.Errorf("%d requests answered from 12:03 to 12:10; want polling to go on; log:\n%s", n, r.logs.String())
	}
	_, body := r.get(t, "/metrics")
	all := parseExposition(t, body)
	if got := find(all, "qostop_exporter_budget_limited", nil); len(got) != 1 || got[0].value != 0 {
		t.Errorf("after %d QPS 429s budget_limited is %v, want 0", stats.RateLimited, got)
	}
	// The simulator sends no X-RateLimit headers on its 200s, as Zoom
	// often does not: the account's quota is unknown, not 0.
	if got := find(all, "qostop_zoom_account_requests_remaining", nil); len(got) != 0 {
		t.Errorf("account remaining %v; Zoom never said it", got)
	}
	if got := find(all, "qostop_budget_requests_left", nil); len(got) != 0 {
		t.Errorf("requests left %v; neither a --budget nor Zoom limits them", got)
	}
}
