package model

import "time"

// Hole is a stretch of a call in which Zoom sent no sample although
// samples come every cadence: From and To are the first and last times a
// sample was due, Missing how many were due.
type Hole struct {
	From, To time.Time
	Missing  int
}

// MinHoleSamples is the fewest missing samples that make a hole: one
// sample late or lost is Zoom's ordinary jitter, two in a row is time no
// one can see.
const MinHoleSamples = 2

// HoleBetween is the hole between two samples at prev and next (oldest
// first) when samples come every cadence, if at least MinHoleSamples
// were due between them. Samples are due a whole number of cadences
// after prev; a sample up to half a cadence late counts as on time.
func HoleBetween(prev, next time.Time, cadence time.Duration) (Hole, bool) {
	if cadence <= 0 || prev.IsZero() || !next.After(prev) {
		return Hole{}, false
	}
	gap := next.Sub(prev)
	missing := int((gap+cadence/2)/cadence) - 1
	if missing < MinHoleSamples {
		return Hole{}, false
	}
	return Hole{From: prev.Add(cadence), To: prev.Add(cadence * time.Duration(missing)), Missing: missing}, true
}
