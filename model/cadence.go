package model

import (
	"fmt"
	"time"
)

// Zoom produces one QoS sample per participant per minute (date_time at
// :00) and makes it visible some seconds later. A poll that finds no new
// minute is spent for nothing, so the cadence learns when the next minute
// appears and polls just after it.

// Defaults of a Cadence's zero fields.
const (
	DefaultPollInterval = 10 * time.Second
	DefaultProbe        = 5 * time.Second
	// cadenceStep is how much earlier the next minute is expected each
	// time one is found at the first try, so the learned offset follows a
	// lag that shrinks instead of only ever growing.
	cadenceStep = time.Second
	// minPollGap keeps any schedule from turning into a tight loop.
	minPollGap = time.Second
	// quietAfter periods without a new sample (someone left, the meeting
	// is winding down), polling drops to once per period.
	quietAfter = 2
)

// Cadence is an adaptive poll schedule for one source of samples (a
// participant or a meeting). Feed it every successful answer with Observe;
// it says when to poll next and why. Failed answers are the caller's
// (backoff); they do not reach the Cadence. The zero value polls
// adaptively with the defaults. A Cadence is not safe for concurrent use.
type Cadence struct {
	// Interval is the wait while answers bring change and while the
	// schedule is still learning; the only wait when Fixed.
	Interval time.Duration
	// Fixed polls every Interval, whatever the answers (--interval D).
	Fixed bool
	// Period is the time between samples. Zero learns it from the answers
	// (Answer.Step, or how far the newest sample moves).
	Period time.Duration
	// Probe is the first wait after a poll finds the expected minute not
	// yet there; it doubles on each further miss, up to Interval.
	Probe time.Duration

	newest time.Time     // newest sample seen
	period time.Duration // learned Period
	offset time.Duration // when a minute appears, after its date_time
	known  bool          // offset has been learned
	lastAt time.Time     // arrival of the previous answer
	missed bool          // an answer since newest arrived held nothing new
	misses int           // answers after the due time that held nothing new
}

// Answer is what one successful poll brought.
type Answer struct {
	At time.Time // when the answer arrived
	// Newest is the date_time of the newest sample in the answer; zero when
	// it held none.
	Newest time.Time
	// Step is the gap between the two newest samples, if the answer held
	// two; zero if not. It tells the period without waiting for a minute.
	Step time.Duration
}

// AnswerOf is what an answer holding ps, arrived at at, says to the
// cadence: the newest sample of anyone in it and the gap to the one
// before. One participant is a list of one; the exporter, the screens and
// the tests all read an answer this one way.
func AnswerOf(at time.Time, ps ...Participant) Answer {
	a := Answer{At: at}
	for _, p := range ps {
		n := len(p.Samples)
		if n == 0 || !p.Samples[n-1].Time.After(a.Newest) {
			continue
		}
		a.Newest, a.Step = p.Samples[n-1].Time, 0
		if n > 1 {
			a.Step = p.Samples[n-1].Time.Sub(p.Samples[n-2].Time)
		}
	}
	return a
}

// Next is when to poll again and why, in words a status line can show.
type Next struct {
	At     time.Time
	Reason string
}

// Later returns n postponed to t with reason why, if t is after n.At.
// Budgets and rate limits use it to slow a cadence down.
func (n Next) Later(t time.Time, why string) Next {
	if t.After(n.At) {
		return Next{At: t, Reason: why}
	}
	return n
}

// Offset is the learned time from a sample's date_time to its appearance,
// and whether it has been learned.
func (c *Cadence) Offset() (time.Duration, bool) { return c.offset, c.known }

// SamplePeriod is the time between samples, Period or as learned from
// the answers, and whether it is known: screens word the schedule by it
// (Zoom's minute, or the simulator's few seconds).
func (c *Cadence) SamplePeriod() (time.Duration, bool) {
	p := c.periodNow()
	return p, p > 0
}

func (c *Cadence) interval() time.Duration {
	if c.Interval > 0 {
		return c.Interval
	}
	return DefaultPollInterval
}

func (c *Cadence) probe() time.Duration {
	if c.Probe > 0 {
		return c.Probe
	}
	return DefaultProbe
}

func (c *Cadence) periodNow() time.Duration {
	if c.Period > 0 {
		return c.Period
	}
	return c.period
}

// Observe takes the answer a and returns the next poll.
func (c *Cadence) Observe(a Answer) Next {
	defer func() { c.lastAt = a.At }()
	iv := c.interval()
	if c.Fixed {
		return c.at(a.At, iv, "every "+iv.String()+" (fixed interval)")
	}
	if a.Step >= time.Second && (c.period == 0 || a.Step < c.period) {
		c.period = a.Step
	}
	switch {
	case a.Newest.IsZero():
		return c.at(a.At, iv, "no samples yet: every "+iv.String())
	case c.newest.IsZero():
		c.newest = a.Newest
		return c.fresh(a, iv)
	case a.Newest.After(c.newest):
		if step := a.Newest.Sub(c.newest); step >= time.Second && (c.period == 0 || step < c.period) {
			c.period = step
		}
		c.learn(a)
		c.newest, c.missed, c.misses = a.Newest, false, 0
		return c.fresh(a, iv)
	}
	c.missed = true
	return c.repeat(a, iv)
}

// learn updates the offset from an answer that brought a new sample. If
// the previous answer lacked it, the sample appeared between the two:
// its arrival is an upper bound, taken as the offset. If the first poll
// found it, it may have appeared earlier: expect it a little sooner.
func (c *Cadence) learn(a Answer) {
	upper := a.At.Sub(a.Newest)
	switch {
	case c.missed:
		c.offset, c.known = max(upper, 0), true
	case c.known:
		c.offset = max(c.offset-cadenceStep, 0)
	}
}

// fresh schedules after an answer that brought a new sample.
func (c *Cadence) fresh(a Answer, iv time.Duration) Next {
	p := c.periodNow()
	if !c.known || p == 0 {
		return c.at(a.At, iv, "new data: every "+iv.String())
	}
	due := c.newest.Add(p + c.offset)
	if due.Before(a.At.Add(minPollGap)) {
		// Behind: the next sample should be out already.
		return c.at(a.At, c.probe(), "catching up: again in "+c.probe().String())
	}
	return Next{At: due, Reason: "next sample due " + clock(due)}
}

// repeat schedules after an answer that brought nothing new.
func (c *Cadence) repeat(a Answer, iv time.Duration) Next {
	p := c.periodNow()
	if p == 0 {
		return c.at(a.At, iv, "learning the sample period: every "+iv.String())
	}
	// Until the offset is learned, the next sample can appear at the
	// earliest one period after the newest.
	due := c.newest.Add(p + c.offset)
	if a.At.Before(due) {
		return Next{At: due, Reason: "next sample due " + clock(due)}
	}
	c.misses++
	if late := a.At.Sub(c.newest.Add(p)); late > quietAfter*p {
		return c.at(a.At, p, fmt.Sprintf("no new sample since %s: every %s", clock(c.newest), p))
	}
	gap := min(c.probe()<<min(c.misses-1, 8), max(iv, c.probe()))
	return c.at(a.At, gap, fmt.Sprintf("sample of %s is late: again in %s", clock(c.newest.Add(p)), gap))
}

func (c *Cadence) at(t time.Time, d time.Duration, why string) Next {
	return Next{At: t.Add(max(d, minPollGap)), Reason: why}
}

func clock(t time.Time) string { return t.UTC().Format("15:04:05") }
