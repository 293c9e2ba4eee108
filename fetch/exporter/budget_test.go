package exporter_test

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/exporter"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// Forty live meetings (43 with the cast) and a budget of 500 requests for
// the 12 hours left of the day: the exporter spends most of it, never
// more (counted by the simulator), polls every meeting, and says in its
// metrics and its log that each is polled less often than Zoom's minute.
func TestExporterKeepsToASmallBudget(t *testing.T) {
	const cap = 500
	start := time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC)
	z := simtest.StartAt(t, start, sim.Options{ExtraMeetings: 40})
	b := budget(t, cap, z.Clock.Now)
	st := newStepper(z.Clock)
	r := startExporter(t, st.options(exporter.Options{Config: z.Config(), Budget: b}))
	waitFor(t, r, "tracking 43 meetings", func(all []series) bool {
		m := find(all, "qostop_exporter_meetings", nil)
		return len(m) == 1 && m[0].value == 43
	})
	// Run the rest of the day two minutes per step.
	var midday []series
	for z.Clock.Now().Before(start.Add(12*time.Hour - 2*time.Minute)) {
		st.step(2 * time.Minute)
		if midday == nil && !z.Clock.Now().Before(start.Add(6*time.Hour)) {
			_, body := r.get(t, "/metrics")
			midday = parseExposition(t, body)
		}
	}
	stats := z.Sim.Stats()
	sent := stats.APIRequests()
	t.Logf("sent %d of %d: %d meeting lists, %d QoS pages; budget says %d used",
		sent, cap, stats.ListMeetings, stats.ParticipantsQoS, b.Status().Used)
	if sent > cap {
		t.Fatalf("sent %d requests on a budget of %d", sent, cap)
	}
	if sent < cap*8/10 {
		t.Errorf("sent only %d of a budget of %d: the plan wastes it; log:\n%s", sent, cap, r.logs.String())
	}
	if got := find(midday, "qostop_exporter_budget_limited", nil); len(got) != 1 || got[0].value != 1 {
		t.Errorf("at 18:00 budget_limited is %v, want 1", got)
	}
	if got := find(midday, "qostop_exporter_poll_interval_seconds", nil); len(got) != 1 || got[0].value < 600 {
		t.Errorf("at 18:00 the poll interval is %v, want well over a minute", got)
	}
	_, body := r.get(t, "/metrics")
	all := parseExposition(t, body)
	if got := find(all, "zoom_meeting_participants", nil); len(got) != 43 {
		t.Errorf("%d of 43 meetings polled", len(got))
	}
	left, used := find(all, "qostop_budget_requests_left", nil), find(all, "qostop_budget_requests_used", nil)
	if len(left) != 1 || len(used) != 1 || left[0].value != cap-used[0].value {
		t.Errorf("budget left %v, used %v", left, used)
	}
	if logs := r.logs.String(); !strings.Contains(logs, "polling slowed to fit the budget") ||
		!strings.Contains(logs, `"meetings":43`) {
		t.Errorf("the log does not say the budget slowed polling:\n%s", logs)
	}
}
