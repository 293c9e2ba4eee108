package chrome

import (
	"strconv"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/poll"
)

// NextSegment is the status bar's word on the next poll, at clock.
func NextSegment(reason, clock string, budget fetch.BudgetStatus, ss StatusStyles) Segment {
	switch poll.Classify(reason) {
	case poll.WhyDue:
		return Segment{"next sample due " + clock, ss.Base, 1}
	case poll.WhyLate:
		return Segment{"sample late " + ss.Dash + " next try " + clock, ss.Base, 1}
	case poll.WhyQuiet:
		return Segment{"no new sample " + ss.Dash + " next " + clock, ss.Base, 1}
	case poll.WhyBudget:
		// The one the user must understand: polling is slower on purpose.
		if left := budget.Left(); left >= 0 {
			return Segment{"budget: " + strconv.Itoa(left) + " left, next " + clock, ss.Warn, 0}
		}
		return Segment{"budget: next " + clock, ss.Warn, 0}
	}
	return Segment{"next " + clock, ss.Base, 1}
}

// PollLine is the full help's sentence on how the chain polls and why
// the next poll is at next (zero: none pending).
func PollLine(p *poll.Chain, next time.Time) string {
	at := ""
	if !next.IsZero() {
		at = " Next poll " + next.In(p.Now().Location()).Format("15:04:05") + "."
	}
	switch {
	case p.Done:
		return "A past meeting: fetched once, nothing more to poll."
	case poll.Classify(p.Reason) == poll.WhyBudget:
		return "Polling slowed: " + p.Reason + "." + at
	case pushSays(p):
		return pushLine(p) + at
	case p.Floor > 0:
		// Only the watch screen sets a floor, once its participant left:
		// the schedule would call the minute Zoom owes "late".
		return "They left the meeting, so no new samples will come: polling once a minute, " +
			"in case Zoom publishes a last one late." + at
	case p.Failures > 0:
		return retryLine(p) + at
	case p.Sched.Fixed:
		return "Polling every " + FmtDur(p.Interval) + " (a fixed interval: --interval, or + and -)." + at
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
			learned = " (Zoom publishes each about " + FmtDur(off) + " after its time)"
		}
		return "Adaptive polling: just after each new sample, " + pace + learned + "." + fix
	case poll.WhyLate:
		return "Adaptive polling: the sample Zoom was due to publish is late, so asking again soon, then less often." + fix
	case poll.WhyQuiet:
		return "Adaptive polling: no new sample for a while, so " + every + " until one comes." + fix
	}
	return "Adaptive polling: every " + FmtDur(p.Interval) + " while answers bring change, then just after each new sample (" +
		pace + ")." + fix
}

// pushSays reports whether push decides how the chain polls: it
// delivers (a backstop), or it is down and polling carries the feed.
func pushSays(p *poll.Chain) bool {
	return p.Backstop() > 0 || (p.Push.On && !p.Push.Live && p.Push.Down != "")
}

// pushLine is the full help's sentence while a push subscription feeds
// the chain's feed: polling is a backstop, or carries the feed while
// push is down.
func pushLine(p *poll.Chain) string {
	if p.Backstop() > 0 {
		return "Zoom pushes each sample (QSS), so polling is only a backstop: at least " + FmtDur(p.Backstop()) +
			" apart, and once after each reconnection to fill what the push missed."
	}
	return "Zoom's push is down (" + p.Push.Down + "): polling carries the feed until it is back."
}

// retryLine is the full help's sentence on polling after a failure.
func retryLine(p *poll.Chain) string {
	if poll.Settled(p.LastErr) {
		return "Zoom's last answer will not change by itself: asking again once a minute, or now if you press r."
	}
	return "The last poll failed: backing off, each retry later than the one before (at most " +
		FmtDur(max(model.MaxBackoff, p.Interval)) + " apart), never before a rate limit allows."
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
	return "about every " + FmtDur(d), "once every " + FmtDur(d)
}

// PollNotes are the full help's lines on polling and the request budget.
func PollNotes(p *poll.Chain) []string {
	notes := []string{PollLine(p, p.NextPoll)}
	if p.Budget != nil {
		notes = append(notes, BudgetLine(p.Spend))
	}
	return notes
}

// PollStatus is the part of the status bar the chain knows.
func PollStatus(p *poll.Chain) StatusInfo {
	return StatusInfo{
		Now: p.Now(), Loc: p.Now().Location(),
		LastPoll: p.LastPoll, NextPoll: p.NextPoll,
		Inflight: p.Inflight, Asked: p.Asked, Paused: p.Paused, Done: p.Done,
		Interval: p.Interval, Fixed: p.Sched.Fixed, Requests: p.Requests, Why: p.Reason, Budget: p.Spend, Counted: p.Budget != nil,
		Limited: p.Limited, RetryAt: p.RetryAt, Limit: p.LimitType, Retrying: p.Failures > 0,
		Settled: p.Failures > 0 && poll.Settled(p.LastErr), Push: p.Push, Backstop: p.Backstop(),
	}
}
