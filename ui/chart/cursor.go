package chart

import (
	"sort"
	"time"
)

// Stops are the times a cursor rests on, oldest first: every sample's
// time, and inside a hole where Zoom sent nothing (two samples further
// apart than one and a half cadences, which the chart draws as a gap)
// one stop per cadence after the sample before it. So stepping through
// a hole reads "no sample" where a sample was due, rather than jumping
// over it as if nothing was missing. The samples are read through At, so
// a screen need not copy its history to step through it.
type Stops struct {
	Len     int                   // how many samples
	At      func(i int) time.Time // the time of sample i, oldest first
	Cadence time.Duration         // how often samples come
}

func (s Stops) cadence() time.Duration {
	if s.Cadence <= 0 {
		return time.Minute
	}
	return s.Cadence
}

// holeStops is how many stops a hole from sample time a to sample time b
// holds: a due sample at a+k*cadence for k = 1.. while it is at least
// half a cadence before b. Next and Prev both count by it, so → then ←
// comes back to the same stop.
func (s Stops) holeStops(a, b time.Time) int {
	cad := s.cadence()
	if b.Sub(a) <= cad*3/2 {
		return 0
	}
	return int((b.Sub(a) - cad/2) / cad)
}

// first is the index of the first sample after t (strictly when after).
func (s Stops) first(t time.Time, after bool) int {
	return sort.Search(s.Len, func(i int) bool {
		if after {
			return s.At(i).After(t)
		}
		return !s.At(i).Before(t)
	})
}

// Next is the first stop after t, or t when there is none.
func (s Stops) Next(t time.Time) time.Time {
	i := s.first(t, true)
	if i == s.Len {
		return t
	}
	nx := s.At(i)
	if i == 0 {
		return nx
	}
	pv := s.At(i - 1) // at or before t
	if n := s.holeStops(pv, nx); n > 0 {
		k := int(t.Sub(pv)/s.cadence()) + 1
		if k <= n {
			return pv.Add(time.Duration(k) * s.cadence())
		}
	}
	return nx
}

// Prev is the last stop before t, or t when there is none.
func (s Stops) Prev(t time.Time) time.Time {
	i := s.first(t, false) // the first sample at or after t
	if i == 0 {
		return t
	}
	pv := s.At(i - 1)
	if i < s.Len {
		if n := s.holeStops(pv, s.At(i)); n > 0 {
			cad := s.cadence()
			k := min(n, int((t.Sub(pv)+cad-1)/cad)-1) // the last stop strictly before t
			if k >= 1 {
				return pv.Add(time.Duration(k) * cad)
			}
		}
	}
	return pv
}

// Step moves t by n stops: forward when n > 0, back when n < 0. It stops
// early at the oldest or newest sample.
func (s Stops) Step(t time.Time, n int) time.Time {
	for ; n > 0; n-- {
		t = s.Next(t)
	}
	for ; n < 0; n++ {
		t = s.Prev(t)
	}
	return t
}

// StepAtLeast moves t by whole stops until it has moved by at least d
// (back when d < 0), or reached the end of the samples: a far step
// that lands on a stop, whatever the zoom.
func (s Stops) StepAtLeast(t time.Time, d time.Duration) time.Time {
	from := t
	for {
		var to time.Time
		if d < 0 {
			to = s.Prev(t)
		} else {
			to = s.Next(t)
		}
		if to.Equal(t) {
			return t
		}
		t = to
		if moved := t.Sub(from); (d >= 0 && moved >= d) || (d < 0 && moved <= d) {
			return t
		}
	}
}

// Last is the newest stop at or before t: where a cursor starts, on the
// newest sample in view. With no sample at or before t it is the oldest
// sample, or t when there are none.
func (s Stops) Last(t time.Time) time.Time {
	i := s.first(t, true)
	switch {
	case s.Len == 0:
		return t
	case i == 0:
		return s.At(0)
	}
	if i < s.Len {
		// Inside a hole, the last due stop at or before t.
		pv := s.At(i - 1)
		if n := s.holeStops(pv, s.At(i)); n > 0 {
			k := min(n, int(t.Sub(pv)/s.cadence()))
			return pv.Add(time.Duration(k) * s.cadence())
		}
	}
	return s.At(i - 1)
}
