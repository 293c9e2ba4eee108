package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// The roster: everyone seen in a meeting, judged from their newest
// sample, kept across refreshes and ranked.

// RecentSamples is how far back the worst ranking looks to break ties
// between equal current levels: thirty samples, half an hour at Zoom's
// cadence and the watch screen's default window, so that someone whose
// call keeps going bad stays near the top between bad minutes.
const RecentSamples = 30

// How long the roster keeps people who left: an incident bridge that runs
// all day sees thousands come and go, and memory must stay bounded.
const (
	KeepLeftFor  = 30 * time.Minute
	KeepLeftMost = 500
)

// MediaReading is one medium's worst judged reading in a sample.
type MediaReading struct {
	Judged Judged
	V      Value
	Level  Level
	Ratio  float64 // V against its warn limit: breaks ties between levels
}

// WorstOfMedium is the worst judged reading of medium md in s, over both
// directions and every path; ok is false when s has no such stream.
func WorstOfMedium(s Sample, md Media, th Thresholds) (w MediaReading, ok bool) {
	for _, k := range StreamKeys {
		if k.Media != md {
			continue // before the lookup: a third of the keys are md's
		}
		st, has := s.Streams[k]
		if !has {
			continue
		}
		for _, j := range JudgedStreams {
			v := j.Stream(st)
			if !v.OK {
				continue
			}
			r := MediaReading{Judged: j, V: v, Level: th.Level(j.Metric, v), Ratio: v.V / max(th[j.Metric].Warn, 1e-9)}
			if !ok || r.Level > w.Level || (r.Level == w.Level && r.Ratio > w.Ratio) {
				w, ok = r, true
			}
		}
	}
	return w, ok
}

// Member is one participant of the roster.
type Member struct {
	P      Participant // identity; samples dropped
	Media  [3]MediaReading
	Has    [3]bool   // whether the newest sample had the medium
	Level  Level     // the worst of the three
	Recent Level     // the worst over the last RecentSamples samples
	Newest time.Time // the newest sample's time; zero when none
	Gone   bool      // missing from the latest answer, though seen before
	GoneAt time.Time // the answer that first missed them
	Seen   int       // order first seen, the last tie-break
	fold   string    // the display name lower-cased, for the name sort; "" until NewMember
}

// Left reports whether the member is no longer in the meeting.
func (mb Member) Left() bool { return mb.Gone || mb.P.Left() }

// leftAt is when they left, as far as we know.
func (mb Member) leftAt() time.Time {
	if mb.P.Left() {
		return mb.P.LeaveTime
	}
	return mb.GoneAt
}

// NewMember judges p's samples.
func NewMember(p Participant, th Thresholds) Member {
	mb := Member{P: p, fold: strings.ToLower(DisplayName(p))}
	mb.P.Samples = nil
	n := len(p.Samples)
	if n == 0 {
		return mb
	}
	newest := p.Samples[n-1]
	mb.Newest = newest.Time
	for i, md := range Medias {
		mb.Media[i], mb.Has[i] = WorstOfMedium(newest, md, th)
		mb.Level = max(mb.Level, mb.Media[i].Level)
	}
	for _, s := range p.Samples[max(0, n-RecentSamples):] {
		mb.Recent = max(mb.Recent, worstLevel(s, th))
	}
	return mb
}

// worstLevel is the worst level of any judged reading in s. It walks the
// streams s has rather than looking up every possible key: a refresh of
// 300 people judges 9,000 samples, and the order does not matter for a
// maximum.
func worstLevel(s Sample, th Thresholds) Level {
	var lv Level // Unknown, as WorstOfMedium says of a medium with no reading
	for _, st := range s.Streams {
		for _, j := range JudgedStreams {
			if v := j.Stream(st); v.OK {
				lv = max(lv, th.Level(j.Metric, v))
			}
		}
	}
	return lv
}

// foldOf is mb's lower-cased display name, computed once per member.
func foldOf(mb Member) string {
	if mb.fold != "" {
		return mb.fold
	}
	return strings.ToLower(DisplayName(mb.P))
}

// MemberKey names a participant across refreshes: Zoom's user_id, which
// is also what their QoS call takes.
func MemberKey(p Participant) string {
	if p.UserID != "" {
		return p.UserID
	}
	return "id:" + p.ID + "|" + p.JoinTime.String()
}

// Roster is everyone seen in one meeting.
type Roster struct {
	Members map[string]Member
	Dropped int // people who left and were forgotten (KeepLeftFor, KeepLeftMost)
}

// Merge folds an answer that arrived at `at` into the roster: everyone in
// it is updated, and everyone seen before but missing from it stays,
// marked gone, so a participant who left does not vanish from the table.
// When one user ID appears twice (left and rejoined), the one still
// present wins. Those who left more than KeepLeftFor ago, and beyond the
// KeepLeftMost who left last, are dropped and counted.
func (r *Roster) Merge(ps []Participant, at time.Time, th Thresholds) {
	old := r.Members
	next := make(map[string]Member, max(len(old), len(ps)))
	for _, p := range ps {
		k := MemberKey(p)
		if prev, dup := next[k]; dup && (!prev.P.Left() || (p.Left() && p.JoinTime.Before(prev.P.JoinTime))) {
			continue
		}
		mb := NewMember(p, th)
		mb.Seen = len(old) + len(next)
		if prev, ok := old[k]; ok {
			mb.Seen = prev.Seen
		}
		next[k] = mb
	}
	for k, mb := range old {
		if _, ok := next[k]; !ok {
			if !mb.Gone {
				mb.Gone, mb.GoneAt = true, at
			}
			next[k] = mb
		}
	}
	r.Members = next
	r.forget(at)
}

// forget drops those who left too long ago, or too many of them.
func (r *Roster) forget(at time.Time) {
	var left []string
	for k, mb := range r.Members {
		if !mb.Left() {
			continue
		}
		if at.Sub(mb.leftAt()) > KeepLeftFor {
			delete(r.Members, k)
			r.Dropped++
			continue
		}
		left = append(left, k)
	}
	if len(left) <= KeepLeftMost {
		return
	}
	slices.SortFunc(left, func(a, b string) int { // most recently left first
		return cmp.Or(r.Members[b].leftAt().Compare(r.Members[a].leftAt()), cmp.Compare(a, b))
	})
	for _, k := range left[KeepLeftMost:] {
		delete(r.Members, k)
		r.Dropped++
	}
}

// SortOrder is how the roster is ranked.
type SortOrder int

// The orders s cycles through.
const (
	ByWorst SortOrder = iota // worst first: the default
	ByName
	ByJoin
	NumSorts
)

func (o SortOrder) String() string {
	switch o {
	case ByName:
		return "by name"
	case ByJoin:
		return "by join time"
	}
	return "worst first"
}

// DisplayName is a participant's name made safe for a terminal, or, when
// Zoom sent none (external users, accounts without a BAA), "(hidden)"
// and the user ID, which is still enough to watch them.
func DisplayName(p Participant) string {
	if name := strings.TrimSpace(Sanitize(p.UserName)); name != "" {
		return name
	}
	return strings.TrimSpace("(hidden) " + Sanitize(p.UserID))
}

// Sorted lists the members in order o. Worst first puts those still in
// the meeting first, then by the current level, the recent worst and the
// name (so that among equals the order is stable and readable); by name,
// hidden names go last; by join time, the earliest first.
func (r Roster) Sorted(o SortOrder) []Member {
	out := make([]Member, 0, len(r.Members))
	for _, mb := range r.Members {
		out = append(out, mb)
	}
	byNameCmp := func(a, b Member) int {
		an, bn := a.P.UserName == "", b.P.UserName == ""
		if an != bn {
			if an {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(foldOf(a), foldOf(b)), cmp.Compare(a.Seen, b.Seen))
	}
	slices.SortFunc(out, func(a, b Member) int {
		switch o {
		case ByName:
			return byNameCmp(a, b)
		case ByJoin:
			if a.P.JoinTime.IsZero() != b.P.JoinTime.IsZero() {
				return cmp.Compare(boolInt(a.P.JoinTime.IsZero()), boolInt(b.P.JoinTime.IsZero()))
			}
			return cmp.Or(a.P.JoinTime.Compare(b.P.JoinTime), byNameCmp(a, b))
		}
		return cmp.Or(cmp.Compare(boolInt(a.Left()), boolInt(b.Left())),
			cmp.Compare(b.Level, a.Level), cmp.Compare(b.Recent, a.Recent), byNameCmp(a, b))
	})
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
