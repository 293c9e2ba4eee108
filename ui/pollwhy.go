package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/qostop/qostop/fetch"
)

// Why the next poll is when it is, in the status bar (short) and in the
// full help (long). model.Cadence and fetch.Budget give their reason as
// text for logs, with clock times in UTC; the screens show local clock
// times, so the reason is classified by its opening words (the
// TestPollReasons* tests pin them against the real Cadence and Budget)
// and worded here.

type pollWhy int

const (
	whyInterval pollWhy = iota // every interval: fixed, learning, or answers bring change
	whyDue                     // just after the next sample Zoom should publish
	whyLate                    // the expected minute is late: probing
	whyQuiet                   // nothing new for a while: once a period
	whyBudget                  // slowed to make the day's request budget last
)

func classify(reason string) pollWhy {
	switch {
	case strings.HasPrefix(reason, "request budget"):
		return whyBudget
	case strings.HasPrefix(reason, "next sample due"):
		return whyDue
	case strings.HasPrefix(reason, "sample of"), strings.HasPrefix(reason, "catching up"):
		return whyLate
	case strings.HasPrefix(reason, "no new sample since"):
		return whyQuiet
	}
	return whyInterval
}

// nextSegment is the status bar's word on the next poll, at clock.
func nextSegment(reason, clock string, budget fetch.BudgetStatus, ss statusStyles) segment {
	switch classify(reason) {
	case whyDue:
		return segment{"next sample due " + clock, ss.base, 1}
	case whyLate:
		return segment{"sample late " + ss.dash + " next try " + clock, ss.base, 1}
	case whyQuiet:
		return segment{"no new sample " + ss.dash + " next " + clock, ss.base, 1}
	case whyBudget:
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
func (p *poller) pollLine(next time.Time) string {
	at := ""
	if !next.IsZero() {
		at = " Next poll " + next.In(p.clk.now.Location()).Format("15:04:05") + "."
	}
	switch {
	case p.done:
		return "A past meeting: fetched once, nothing more to poll."
	case classify(p.why) == whyBudget:
		return "Polling slowed: " + p.why + "." + at
	case p.floor > 0:
		// Only the watch screen sets a floor, once its participant left:
		// the schedule would call the minute Zoom owes "late".
		return "They left the meeting, so no new samples will come: polling once a minute, " +
			"in case Zoom publishes a last one late." + at
	case p.sched.Fixed:
		return "Polling every " + fmtDur(p.interval) + " (a fixed interval: --interval, or + and -)." + at
	}
	// "Adaptive" is the status bar's word for this schedule: the help
	// says what it means now.
	fix := " + and - fix an interval." + at
	pace, every := p.samplePace()
	switch classify(p.why) {
	case whyDue:
		learned := ""
		switch off, ok := p.sched.Offset(); {
		case ok && off < time.Second: // "about 0s after" reads as a fault
			learned = " (Zoom publishes each at its time)"
		case ok:
			learned = " (Zoom publishes each about " + fmtDur(off) + " after its time)"
		}
		return "Adaptive polling: just after each new sample, " + pace + learned + "." + fix
	case whyLate:
		return "Adaptive polling: the sample Zoom was due to publish is late, so asking again soon, then less often." + fix
	case whyQuiet:
		return "Adaptive polling: no new sample for a while, so " + every + " until one comes." + fix
	}
	return "Adaptive polling: every " + fmtDur(p.interval) + " while answers bring change, then just after each new sample (" +
		pace + ")." + fix
}

// samplePace says how often samples come, as the schedule has learned
// it: pace for "just after each new sample, ...", every for "so ... until
// one comes". Zoom's are a minute apart, the demo's a few seconds, and
// the help must not say "Zoom's minute" of a 3 s cadence.
func (p *poller) samplePace() (pace, every string) {
	d, ok := p.sched.SamplePeriod()
	switch {
	case !ok:
		return "once their pace is learned", "once a minute"
	case d == time.Minute:
		return "once a minute", "once a minute"
	}
	return "about every " + fmtDur(d), "once every " + fmtDur(d)
}

// helpNotes are the full help's lines on polling and the request budget.
func (p *poller) helpNotes() []string {
	notes := []string{p.pollLine(p.nextPoll)}
	if p.budget != nil {
		notes = append(notes, budgetLine(p.spend))
	}
	return notes
}
