package chrome

import (
	"fmt"
	"strconv"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// What the day's request budget (fetch.Budget) shows: today's count in
// the status bar, the account's quota when Zoom sent it, and everything
// in the full help. Figures are copied at each answer, so the bar
// changes when a request was made, not between.

// BudgetSegments are the bar's compact figures: "today 1,234/15,000"
// (qostop's requests of the UTC day, every process of the user, against
// --budget) and "Zoom 28,766/30,000 left" (the account's quota).
func BudgetSegments(b fetch.BudgetStatus, ss StatusStyles) []Segment {
	today := "today " + Thousands(b.Used)
	if b.Cap > 0 {
		today += "/" + Thousands(b.Cap)
	}
	word := " requests"
	if b.Used == 1 && b.Cap == 0 {
		word = " request"
	}
	segs := []Segment{{today + word, ss.Muted, 2}}
	if b.AccountKnown {
		st := ss.Muted
		if b.AccountLimit > 0 && b.AccountRemaining*10 < b.AccountLimit {
			st = ss.Warn // under a tenth of the account's day left: every app on it is near the cap
		}
		acct := "Zoom " + Thousands(b.AccountRemaining)
		if b.AccountLimit > 0 {
			acct += "/" + Thousands(b.AccountLimit)
		}
		segs = append(segs, Segment{acct + " left", st, 2})
	}
	return segs
}

// BudgetLine is the full help's account of the day's requests.
func BudgetLine(b fetch.BudgetStatus) string {
	s := fmt.Sprintf("Requests today (%s UTC): %s by qostop, %s of them by this process", b.Day, Thousands(b.Used), Thousands(b.Mine))
	if b.Cap > 0 {
		s += fmt.Sprintf("; --budget %s: %s left", Thousands(b.Cap), Thousands(max(b.Cap-b.Used, 0)))
	} else {
		s += " (no --budget of qostop's own)"
	}
	if b.AccountKnown {
		s += fmt.Sprintf(". Zoom's account quota, shared by every app: %s", Thousands(b.AccountRemaining))
		if b.AccountLimit > 0 {
			s += " of " + Thousands(b.AccountLimit)
		}
		s += " left today"
	} else {
		s += ". Zoom has not said the account's quota today (X-RateLimit-Remaining)"
	}
	s += "."
	if b.Err != nil {
		s += " Counting goes on in memory: " + model.Sanitize(b.Err.Error()) + "."
	}
	return s
}

// Thousands writes n with commas: 30,000.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}
