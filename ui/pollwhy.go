package ui

import (
	"strconv"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/ui/poll"
)

// nextSegment is the status bar's word on the next poll, at clock.
func nextSegment(reason, clock string, budget fetch.BudgetStatus, ss statusStyles) segment {
	switch poll.Classify(reason) {
	case poll.WhyDue:
		return segment{"next sample due " + clock, ss.base, 1}
	case poll.WhyLate:
		return segment{"sample late " + ss.dash + " next try " + clock, ss.base, 1}
	case poll.WhyQuiet:
		return segment{"no new sample " + ss.dash + " next " + clock, ss.base, 1}
	case poll.WhyBudget:
		// The one the user must understand: polling is slower on purpose.
		if left := budget.Left(); left >= 0 {
			return segment{"budget: " + strconv.Itoa(left) + " left, next " + clock, ss.warn, 0}
		}
		return segment{"budget: next " + clock, ss.warn, 0}
	}
	return segment{"next " + clock, ss.base, 1}
}

// pollLine is the full help's sentence on how the chain polls and why
// the next poll is at next (zero: none pending).
func pollLine(p *poll.Chain, next time.Time) string {
	at := ""
	if !next.IsZero() {
		at = " Next poll " + next.In(p.Now().Location()).Format("15:04:05") + "."
	}
	switch {
	case p.Done:
		return "A past meeting: fetched once, nothing more to poll."
	case poll.Classify(p.Reason) == poll.WhyBudget:
		return "Polling slowed: " + p.Reason + "." + at
	case p.Floor > 0:
		// Only the watch screen sets a floor, once its participant left:
		// the schedule would call the minute Zoom owes "late".
		return "They left the meeting, so no new samples will come: polling once a minute, " +
			"in case Zoom publishes a last one late." + at
	case p.Sched.Fixed:
		return "Polling every " + fmtDur(p.Interval) + " (a fixed interval: --interval, or + and -)." + at
	}
	// "Adaptive" is the status bar's word for this schedule: the help
	// says what it means now.
	fix := " + and - fix an interval." + at
	pace, every := samplePace(p)
	switch poll.Classify(p.Reason) {
	case poll.WhyDue:
		learned := ""
		switch off, ok := p.Sched.Offset(); {
		case ok && off < time.Second: // "about 0s after" reads as a fault
			learned = " (Zoom publishes each at its time)"
		case ok:
			learned = " (Zoom publishes each about " + fmtDur(off) + " after its time)"
		}
		return "Adaptive polling: just after each new sample, " + pace + learned + "." + fix
	case poll.WhyLate:
		return "Adaptive polling: the sample Zoom was due to publish is late, so asking again soon, then less often." + fix
	case poll.WhyQuiet:
		return "Adaptive polling: no new sample for a while, so " + every + " until one comes." + fix
	}
	return "Adaptive polling: every " + fmtDur(p.Interval) + " while answers bring change, then just after each new sample (" +
		pace + ")." + fix
}

// samplePace says how often samples come, as the schedule has learned
// it: pace for "just after each new sample, ...", every for "so ... until
// one comes". Zoom's are a minute apart, the demo's a few seconds, and
// the help must not say "Zoom's minute" of a 3 s cadence.
func samplePace(p *poll.Chain) (pace, every string) {
	d, ok := p.Sched.SamplePeriod()
	switch {
	case !ok:
		return "once their pace is learned", "once a minute"
	case d == time.Minute:
		return "once a minute", "once a minute"
	}
	return "about every " + fmtDur(d), "once every " + fmtDur(d)
}

// helpNotes are the full help's lines on polling and the request budget.
func helpNotes(p *poll.Chain) []string {
	notes := []string{pollLine(p, p.NextPoll)}
	if p.Budget != nil {
		notes = append(notes, budgetLine(p.Spend))
	}
	return notes
}
