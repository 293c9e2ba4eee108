package model

import "time"

// SampleGap is how often samples come: the smallest gap among the newest
// few (a gap can only be longer than the cadence, never shorter), or
// Zoom's minute when there are too few to tell. samples are in time order.
func SampleGap(samples []Sample) time.Duration {
	c := time.Duration(0)
	for i := max(1, len(samples)-6); i < len(samples); i++ {
		if g := samples[i].Time.Sub(samples[i-1].Time); g > 0 && (c == 0 || g < c) {
			c = g
		}
	}
	if c == 0 {
		return time.Minute
	}
	return c
}
