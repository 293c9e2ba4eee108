package model

import "time"

// StaleAt is when data whose newest sample is from newest turns stale,
// for a screen polling every interval a source that samples every
// cadence. Three polls without a new sample is the idea, but Zoom samples
// once a minute and publishes each a little late, so polling every 10 s
// must not cry stale after 30 s: the bound is three polls or three
// samples, whichever is longer. Zero newest never turns stale.
func StaleAt(newest time.Time, interval, cadence time.Duration) time.Time {
	if newest.IsZero() {
		return time.Time{}
	}
	return newest.Add(max(3*interval, 3*cadence))
}

// ShortRetry is the longest wait before a retry that does not by itself
// make data stale: Zoom's per-second rate limit asks for a second or a
// few, and a screen that says STALE for that long, then live again, says
// nothing but noise.
const ShortRetry = 10 * time.Second

// StaleAfterRetry is when data turns stale that by the rule (StaleAt)
// does at stale, after a failed poll at failed put the next try off
// until retry: a wait of at most ShortRetry puts STALE off by ShortRetry,
// once (so retries that keep failing still end in STALE); a longer wait
// (a daily limit, a backoff grown to minutes) moves nothing.
func StaleAfterRetry(stale, failed, retry time.Time) time.Time {
	if stale.IsZero() || retry.IsZero() || retry.Sub(failed) > ShortRetry {
		return stale
	}
	return stale.Add(ShortRetry)
}
