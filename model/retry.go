package model

import "time"

// The retry policy after a failed poll, one for every front end: the
// screens' polling chain (ui/poll) and the exporter (fetch/exporter) both
// wait RetryWait. What to make of an error (is it a rate limit, when may
// we ask again) is the caller's, from fetch's typed errors; the waiting
// is decided here.

// MaxBackoff caps the wait between retries after errors, unless the
// polling interval is longer.
const MaxBackoff = 2 * time.Minute

// Backoff is the wait after the n-th failure in a row (n >= 1): twice the
// interval, doubled per further failure and capped at MaxBackoff (or the
// interval, if longer), then spread by jitter over its upper half ("equal
// jitter") so clients that failed together do not retry together. It is
// never shorter than the interval: an error must not make qostop poll
// faster.
func Backoff(interval time.Duration, n int, jitter float64) time.Duration {
	ceiling := max(MaxBackoff, interval)
	d := interval
	for i := 0; i < n && d < ceiling; i++ {
		d *= 2
	}
	d = min(d, ceiling)
	return max(interval, d/2+time.Duration(jitter*float64(d/2)))
}

// RetryWait is how long to wait, from now, after the n-th failure in a
// row (n >= 1): the backoff, or until retryAt (a rate limit's
// Retry-After; zero when none was said), whichever is later.
func RetryWait(interval time.Duration, n int, jitter float64, now, retryAt time.Time) time.Duration {
	return max(Backoff(interval, n, jitter), retryAt.Sub(now))
}
