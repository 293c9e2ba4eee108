package exporter

import (
	"fmt"
	"time"

	"github.com/qostop/qostop/fetch"
)

// DefaultBudget is the exporter's daily request budget when none is
// given: half a Pro account's cap of 30,000 (a quarter of Business's
// 60,000), so people's own tools and other apps on the account keep the
// rest. After discovery (at most 1,440 a day) it polls 7 one-page
// meetings at Zoom's cadence all day (about 1.2 requests a minute each),
// or 141 at one poll each per 15 minutes.
const DefaultBudget = 15000

// discoveryShare is the most of the budget's rate the meeting list may
// take, so discovery never starves the polls it exists for.
const discoveryShare = 0.1

// plan is how fast the budget lets the exporter ask: the least time
// between two polls of one meeting, and between two meeting lists.
type plan struct {
	gap      time.Duration // per meeting
	discover time.Duration
	limited  bool // gap is longer than Zoom's sample period
	why      string
}

// planFor spreads what is left of today's budget over what is left of
// the UTC day: every meeting gets an equal share of polls, each poll
// costing its pages, and discovery at most discoveryShare.
func planFor(st fetch.BudgetStatus, now time.Time, meetings, pages int, discover bool, period time.Duration) plan {
	p := plan{discover: time.Minute}
	left := st.Left()
	if left < 0 {
		return p // no budget known: Zoom's limits and the cadence decide
	}
	if left == 0 {
		// Until 00:00 UTC, or until the end of Zoom's Daily-limit refusal.
		until, words := st.Resume(now)
		p.gap, p.discover, p.limited = until.Sub(now), until.Sub(now), true
		p.why = "request budget spent: polling resumes at " + words
		return p
	}
	rest := now.UTC().Truncate(24 * time.Hour).Add(24 * time.Hour).Sub(now)
	rate := float64(left) / rest.Seconds() // requests per second
	if discover {
		p.discover = max(time.Minute, time.Duration(float64(time.Second)/(discoveryShare*rate)))
		rate -= 1 / p.discover.Seconds()
	}
	if meetings == 0 || rate <= 0 {
		return p
	}
	p.gap = time.Duration(float64(max(pages, meetings)) / rate * float64(time.Second))
	if p.gap > period {
		p.limited = true
		p.why = fmt.Sprintf("request budget: %d left today for %d meetings (%d requests a round): each polled every %s, not every minute",
			left, meetings, max(pages, meetings), p.gap.Round(time.Second))
	}
	return p
}
