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
