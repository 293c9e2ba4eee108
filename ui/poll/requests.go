package poll

import "time"

// reqStamp is the Source's request count when an answer arrived.
type reqStamp struct {
	at time.Time
	n  int64
}

// LastMinute is how many requests the Source sent in the minute up to
// the last answer, measured: its counter then, less its counter at the
// newest answer a minute or more before (or when the screen opened).
func (p *Chain) LastMinute() int {
	if len(p.reqLog) == 0 {
		return 0
	}
	return int(p.reqLog[len(p.reqLog)-1].n - p.reqLog[0].n)
}
