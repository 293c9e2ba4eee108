package exporter

import (
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
)

// A spent budget holds the exporter until it comes back: 00:00 UTC for
// the day's count, the end of Zoom's Daily-limit refusal when Zoom said
// it is sooner; an account quota Zoom never sent limits nothing.
func TestPlanWaitsForTheBudgetToComeBack(t *testing.T) {
	now := time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		st   fetch.BudgetStatus
		gap  time.Duration
		why  string
	}{
		{"nothing known", fetch.BudgetStatus{Used: 40}, 0, ""},
		{"Zoom's 200 said none left", fetch.BudgetStatus{AccountKnown: true, AccountLimit: 60000},
			12 * time.Hour, "request budget spent: polling resumes at 00:00 UTC"},
		{"a Daily-limit 429 until 12:00:20", fetch.BudgetStatus{AccountKnown: true, AccountUntil: now.Add(20 * time.Second)},
			20 * time.Second, "request budget spent: polling resumes at 12:00:20 UTC"},
		{"--budget spent as well", fetch.BudgetStatus{Cap: 10, Used: 10, AccountKnown: true, AccountUntil: now.Add(20 * time.Second)},
			12 * time.Hour, "request budget spent: polling resumes at 00:00 UTC"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := planFor(tc.st, now, 3, 3, true, time.Minute)
			if p.gap != tc.gap || p.why != tc.why || p.limited != (tc.gap > 0) {
				t.Errorf("plan %+v, want gap %v, %q", p, tc.gap, tc.why)
			}
		})
	}
}
