package poll

import "strings"

// Why the next poll is when it is, in the status bar (short) and in the
// full help (long). model.Cadence and fetch.Budget give their reason as
// text for logs, with clock times in UTC; the screens show local clock
// times, so the reason is classified by its opening words (the
// TestPollReasons* tests pin them against the real Cadence and Budget)
// and worded here.

// Why is the kind of reason a chain gives for its next poll's time.
type Why int

const (
	WhyInterval Why = iota // every interval: fixed, learning, or answers bring change
	WhyDue                 // just after the next sample Zoom should publish
	WhyLate                // the expected minute is late: probing
	WhyQuiet               // nothing new for a while: once a period
	WhyBudget              // slowed to make the day's request budget last
)

// Classify reads the kind of a chain's Reason by its opening words.
func Classify(reason string) Why {
	switch {
	case strings.HasPrefix(reason, "request budget"):
		return WhyBudget
	case strings.HasPrefix(reason, "next sample due"):
		return WhyDue
	case strings.HasPrefix(reason, "sample of"), strings.HasPrefix(reason, "catching up"):
		return WhyLate
	case strings.HasPrefix(reason, "no new sample since"):
		return WhyQuiet
	}
	return WhyInterval
}
