package fetch

import (
	"context"
	"sync"
	"time"
)

// Zoom's per-second limits are per account, shared by every app on it.
// A client that polls in the background (the exporter) sets Config.Pace:
// a pacer then spaces its requests evenly, with no burst, so that many
// meetings falling due at one instant, or the pages of one meeting, go
// out one gap apart instead of together into a 429. One pacer serves
// every rate-limit category: Zoom counts Heavy and Resource-intensive
// calls apart, but staying under the pace in all keeps under it in
// each, and the exporter, which sends one request at a time, loses
// nothing by it. (Paced per category, the minute's meeting list met a
// QoS poll in the same second against a limit of one a second: a 429
// nearly every minute.)
//
// The account's real limit is unknown (10 a second on Pro, 40 on
// Business, less whatever other apps take), so a QPS 429 also widens the
// gap, up to maxPaceGap, and each calm spell after it narrows it again,
// never below the configured pace. A QPS refusal is a pace to keep, not
// a failure: the caller waits for Retry-After, exactly, and goes on.

// The paces Config.Validate accepts: 40 a second is Zoom's Heavy limit
// on Business accounts, more than any account allows; below one request
// in 100 s the pace, not the budget, would decide the day.
const (
	minPace = 0.01
	maxPace = 40
)

const (
	// maxPaceGap bounds how far QPS refusals slow the client: one
	// request every four seconds is still 21,600 a day, more than any
	// budget spends.
	maxPaceGap = 4 * time.Second
	// paceCalm is how long the client must go without a QPS refusal
	// before its gap narrows by half, down to the least gap.
	paceCalm = 2 * time.Minute
	// paceForget is how long it must then go calm before the least gap
	// narrows a fifth towards the configured pace: a limit found is not
	// tried again soon, but one that other apps caused is not kept all
	// day.
	paceForget = 30 * time.Minute
)

// pacer spaces requests at least gap apart on the client's clock. A
// refusal doubles gap at once; calm brings it back to least, which is
// half again the gap Zoom refused, not that gap itself: against a limit
// of one a second a pace of exactly one a second is refused whenever
// two requests' trips differ by a millisecond.
type pacer struct {
	mu      sync.Mutex
	base    time.Duration // the configured pace
	least   time.Duration // the narrowest gap calm brings back
	gap     time.Duration // the current one
	next    time.Time     // the earliest the next request may go
	changed time.Time     // the last refusal or narrowing
	widest  time.Duration // how far refusals may widen gap
}

func newPacer(perSecond float64) *pacer {
	gap := time.Duration(float64(time.Second) / perSecond)
	return &pacer{base: gap, least: gap, gap: gap, widest: max(maxPaceGap, gap)}
}

// slot reserves the next send time at or after now and returns it.
func (p *pacer) slot(now time.Time) time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	calm := now.Sub(p.changed)
	switch {
	case p.gap > p.least && calm >= paceCalm:
		p.gap, p.changed = max(p.least, p.gap/2), now
	case p.least > p.base && calm >= paceForget:
		p.least = max(p.base, p.least*4/5)
		p.gap, p.changed = p.least, now
	}
	at := now
	if p.next.After(at) {
		at = p.next
	}
	p.next = at.Add(p.gap)
	return at
}

// refused takes in a QPS 429 answered at now: nothing goes before
// until (its Retry-After), and the gap widens.
func (p *pacer) refused(now, until time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if until.After(p.next) {
		p.next = until
	}
	p.least = min(max(p.least, p.gap*3/2), p.widest)
	p.gap = min(2*p.gap, p.widest)
	p.changed = now
}

// pace waits for the next slot when the client is paced, else for the
// polite limiter.
func (c *Client) pace(ctx context.Context) error {
	if c.pacer == nil {
		return c.politeWait(ctx)
	}
	return c.waitUntil(ctx, c.pacer.slot(c.now()))
}

// waitUntil waits until t on the client's clock, or until ctx ends.
func (c *Client) waitUntil(ctx context.Context, t time.Time) error {
	if c.cfg.Wait != nil {
		return c.cfg.Wait(ctx, t)
	}
	return sleep(ctx, t.Sub(c.now()))
}
