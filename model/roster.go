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

// Member is one participant of the roster.
type Member struct {
	P       Participant // identity; samples dropped
	Current Sample      // the newest sample, what the row shows; zero when none
	Rank    Rank        // the worst-first place, from Current and the recent samples
	Level   Level       // the worst judged level of Current
	Newest  time.Time   // the newest sample's time; zero when none
	Gone    bool        // missing from the latest answer, though seen before
	GoneAt  time.Time   // the answer that first missed them
	Seen    int         // order first seen: the pseudonym's number, the last tie-break
	// Trend is the worst reading's stream and metric over the last
	// TrendWindow of samples (trend.go), when the roster keeps trends;
	// nil with no reading now.
	Trend []Point
	marks []mark // what the recent samples judged, for the next refresh (marks.go)
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

// NewMember judges p's samples: the newest is what counts now, and the
// last RecentSamples say how long they have been degraded.
func NewMember(p Participant, th Thresholds) Member { return newMember(p, th, nil) }

// newMember is NewMember taking the judgements of samples seen before
// from seen.
func newMember(p Participant, th Thresholds, seen []mark) Member {
	mb := Member{P: p}
	mb.P.Samples = nil
	n := len(p.Samples)
	var current Sample
	if n > 0 && !p.Left() { // someone who left has no "now" to rank by
		current = p.Samples[n-1]
	}
	if n > 0 {
		mb.Current, mb.Newest = p.Samples[n-1], p.Samples[n-1].Time
	}
	mb.marks = th.marks(p.Samples[max(0, n-RecentSamples):], seen)
	mb.Rank = th.rank(MemberKey(p), DisplayName(p), current, mb.marks)
	if mb.Rank.HasWorst {
		mb.Level = mb.Rank.Worst.Level
	}
	return mb
}

// wholeCall is the member of a meeting that is over: ranked by the
// share of all their samples spent degraded, not the last RecentSamples.
// Its marks are not kept: an ended meeting is asked once.
func wholeCall(p Participant, th Thresholds) Member {
	mb := newMember(p, th, nil)
	mb.Rank.Degraded = shareOf(th.marks(p.Samples, nil))
	mb.marks = nil
	return mb
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
	// Over is set for a meeting that has ended. Everyone in it has left,
	// most of them hours before the answer came, so "left long ago" would
	// forget the whole meeting: only KeepLeftMost holds. And with no "now"
	// to rank by, each member's degraded share is of their whole call.
	Over bool
	// Trends: each member keeps its worst reading's trend (Member.Trend),
	// for the overview's wide form; off, a refresh reads no more samples
	// than the ranking does.
	Trends bool
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
		prev, ok := old[k]
		mb := newMember(p, th, prev.marks)
		if r.Over {
			mb = wholeCall(p, th)
		}
		if r.Trends && mb.Rank.HasWorst {
			mb.Trend = trendOf(p.Samples, mb.Rank.Worst, &prev)
		}
		mb.Seen = len(old) + len(next)
		if ok {
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
		if !r.Over && at.Sub(mb.leftAt()) > KeepLeftFor {
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

// DisplayName is a participant's name made safe for a terminal, or, when
// Zoom sent none (external users, accounts without a BAA), "(hidden)"
// and the user ID, which is still enough to watch them.
func DisplayName(p Participant) string {
	if name := strings.TrimSpace(Sanitize(p.UserName)); name != "" {
		return name
	}
	return strings.TrimSpace("(hidden) " + Sanitize(p.UserID))
}
