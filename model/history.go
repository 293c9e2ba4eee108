package model

import (
	"sort"
	"time"
)

// DefaultHistoryCap keeps a day of Zoom's per-minute samples.
const DefaultHistoryCap = 24 * 60

// History is a bounded, time-ordered set of samples for one participant.
// Merging a sample whose time is already held replaces it, so polling the
// same minute again never adds a second point, and late samples land in
// order. When full, the oldest samples are dropped.
type History struct {
	cap      int
	samples  []Sample
	version  uint64
	rewrites uint64
}

// NewHistory returns an empty history that keeps at most capacity samples
// (DefaultHistoryCap when capacity <= 0).
func NewHistory(capacity int) *History {
	if capacity <= 0 {
		capacity = DefaultHistoryCap
	}
	return &History{cap: capacity}
}

// Merge adds samples, replacing any held sample with the same time, and
// reports how many new (not replacement) samples it now holds: one older
// than everything in a full history is dropped at once and not counted.
// Version changes only if the held samples did: a repeated sample with
// the same readings changes nothing.
func (h *History) Merge(samples ...Sample) (added int) {
	var fresh []time.Time
	replaced := false
	for _, s := range samples {
		if s.Time.IsZero() {
			continue // a sample without a time cannot be placed; Zoom always sends one
		}
		i := sort.Search(len(h.samples), func(i int) bool { return !h.samples[i].Time.Before(s.Time) })
		if i < len(h.samples) && h.samples[i].Time.Equal(s.Time) {
			// Zoom answers every poll with the minutes it already sent;
			// only a changed reading is a change worth redrawing for.
			if !h.samples[i].Equal(s) {
				h.samples[i] = s
				replaced = true
				h.rewrites++
			}
			continue
		}
		if i < len(h.samples) {
			h.rewrites++ // a late sample lands before newer ones
		}
		h.samples = append(h.samples, Sample{})
		copy(h.samples[i+1:], h.samples[i:])
		h.samples[i] = s
		fresh = append(fresh, s.Time)
	}
	if over := len(h.samples) - h.cap; over > 0 {
		// Reslicing, not copying: at a full history every poll would
		// otherwise copy a day of samples. append reallocates (and so
		// frees the dropped heads) once the backing array runs out, so
		// memory stays within about twice the cap.
		h.samples = h.samples[over:]
	}
	// Trimming drops the oldest, so a new sample survived iff it is not
	// older than the oldest one held.
	for _, t := range fresh {
		if !t.Before(h.samples[0].Time) {
			added++
		}
	}
	if replaced || added > 0 {
		h.version++
	}
	return added
}

// Rewrites counts the merges that changed more than the end: a sample
// replaced, or one landing before a newer one. While it stands still, a
// view that has drawn up to its newest sample can fold in only the
// samples after it.
func (h *History) Rewrites() uint64 { return h.rewrites }

// Clear drops every sample, as when a replay goes back in time: it
// counts as a change and a rewrite, so every view draws afresh.
func (h *History) Clear() {
	h.samples = nil
	h.version++
	h.rewrites++
}

// Len is the number of samples held.
func (h *History) Len() int { return len(h.samples) }

// Version changes whenever Merge changes the history, so views can cache
// what they drew from it.
func (h *History) Version() uint64 { return h.version }

// Samples returns the held samples, oldest first. The slice is shared:
// callers must not modify it.
func (h *History) Samples() []Sample { return h.samples }

// Latest returns the newest sample, if any.
func (h *History) Latest() (Sample, bool) {
	if len(h.samples) == 0 {
		return Sample{}, false
	}
	return h.samples[len(h.samples)-1], true
}

// Since returns the samples at or after t, oldest first (shared slice).
func (h *History) Since(t time.Time) []Sample {
	i := sort.Search(len(h.samples), func(i int) bool { return !h.samples[i].Time.Before(t) })
	return h.samples[i:]
}

// Point is one reading of a series at a time; V may be absent.
type Point struct {
	Time time.Time
	V    Value
}

// Series extracts one stream field across samples. A sample without the
// stream yields an absent point, so gaps stay gaps.
func Series(samples []Sample, k StreamKey, field func(StreamStats) Value) []Point {
	pts := make([]Point, len(samples))
	for i, s := range samples {
		pts[i].Time = s.Time
		if st, ok := s.Streams[k]; ok {
			pts[i].V = field(st)
		}
	}
	return pts
}
