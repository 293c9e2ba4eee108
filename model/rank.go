package model

import (
	"cmp"
	"strings"
)

// Rank is what decides a participant's place in the overview's
// worst-first order, computed once per participant per poll so that
// sorting compares plain fields and allocates nothing.
type Rank struct {
	ID   string // a stable identity (participant or user ID): the last tie-break
	Name string // as shown: sanitised, and redacted when the screen is
	// Worst is the reading furthest past its threshold in the current
	// sample; HasWorst is false when that sample judged nothing, and such
	// a participant sorts after everyone with a reading.
	Worst    Reading
	HasWorst bool
	// Degraded is the share (0..1) of the recent samples spent at Warn or
	// worse: between two equally bad readings now, the one who has been
	// bad for longer is the more likely cause of the complaint.
	Degraded float64
	fold     string // Name case-folded once, not per comparison
}

// Rank judges one participant: current is the sample that counts as "now"
// (the zero Sample when there is none, or it is too old to trust), recent
// the window the degraded share is taken over, e.g. the last ten minutes.
func (t Thresholds) Rank(id, name string, current Sample, recent []Sample) Rank {
	return t.rank(id, name, current, t.marks(recent, nil))
}

// rank is Rank from the recent samples' marks (marks.go).
func (t Thresholds) rank(id, name string, current Sample, recent []mark) Rank {
	r := NewRank(id, name)
	r.Worst, r.HasWorst = t.WorstReading(current)
	r.Degraded = shareOf(recent)
	return r
}

// NewRank is a Rank with no readings, ordered by name alone; Thresholds.Rank
// fills in the readings.
func NewRank(id, name string) Rank {
	return Rank{ID: id, Name: name, fold: strings.ToLower(name)}
}

// CompareRanks orders worst first, for slices.SortFunc: a participant with
// a current reading before one without; higher current severity first;
// then the larger degraded share; then name, case-insensitively; then the
// name's exact bytes and the ID, so that the order is total and rows do not
// swap between polls (slices.SortFunc is not stable).
func CompareRanks(a, b Rank) int { return compareRanks(&a, &b) }

// compareRanks is CompareRanks without copying two Ranks a comparison:
// sorting 300 members compares some 2,500 pairs.
func compareRanks(a, b *Rank) int {
	if a.HasWorst != b.HasWorst {
		if a.HasWorst {
			return -1
		}
		return 1
	}
	if a.HasWorst {
		if c := cmp.Compare(b.Worst.Severity, a.Worst.Severity); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(b.Degraded, a.Degraded); c != 0 {
		return c
	}
	if c := strings.Compare(a.foldKey(), b.foldKey()); c != 0 {
		return c
	}
	if c := strings.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// foldKey is the precomputed key, or the name folded now for a Rank built
// as a literal rather than with NewRank.
func (r *Rank) foldKey() string {
	if r.fold == "" && r.Name != "" {
		return strings.ToLower(r.Name)
	}
	return r.fold
}
