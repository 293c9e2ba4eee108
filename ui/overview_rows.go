package ui

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// The overview's data: one member per participant ever seen in the
// meeting, judged from their newest sample, and the orders it sorts by.

// recentSamples is how far back the worst sort looks to break ties
// between equal current levels: thirty samples, half an hour at Zoom's
// cadence and the watch screen's default window, so that someone whose
// call keeps going bad stays near the top between bad minutes.
const recentSamples = 30

// reading is one medium's worst reading in a sample: which of latency,
// jitter and loss, its value and its level.
type reading struct {
	name, unit string
	v          model.Value
	level      model.Level
	ratio      float64 // v against its warn limit: breaks ties between levels
}

// judged are the readings the overview compares, by medium: latency,
// jitter and average loss, as in the event log (max loss follows average
// loss and would only repeat it).
var judged = []struct {
	name, unit string
	metric     model.Metric
	field      func(model.StreamStats) model.Value
}{
	{"lat", "ms", model.Latency, func(s model.StreamStats) model.Value { return s.LatencyMS }},
	{"jit", "ms", model.Jitter, func(s model.StreamStats) model.Value { return s.JitterMS }},
	{"loss", "%", model.AvgLoss, func(s model.StreamStats) model.Value { return s.AvgLossPct }},
}

// worstReading is the worst judged reading of medium md in s, over both
// directions and every path; ok is false when s has no such stream.
func worstReading(s model.Sample, md model.Media, th model.Thresholds) (w reading, ok bool) {
	for _, k := range model.StreamKeys {
		st, has := s.Streams[k]
		if k.Media != md || !has {
			continue
		}
		for _, j := range judged {
			v := j.field(st)
			if !v.OK {
				continue
			}
			r := reading{name: j.name, unit: j.unit, v: v, level: th.Level(j.metric, v), ratio: v.V / max(th[j.metric].Warn, 1e-9)}
			if !ok || r.level > w.level || (r.level == w.level && r.ratio > w.ratio) {
				w, ok = r, true
			}
		}
	}
	return w, ok
}

// text is "loss 8.5%" and the level's marker.
func (r reading) text() string {
	v := strconv.FormatFloat(math.Round(r.v.V*100)/100, 'f', -1, 64)
	return r.name + " " + v + r.unit + theme.Marker(r.level)
}

// member is one participant of the overview.
type member struct {
	p      model.Participant // identity; samples dropped
	media  [3]reading
	has    [3]bool     // whether the newest sample had the medium
	level  model.Level // the worst of the three
	recent model.Level // the worst over the last recentSamples samples
	newest time.Time   // the newest sample's time; zero when none
	gone   bool        // missing from the latest answer, though seen before
	seen   int         // order first seen, the last tie-break
}

func (mb member) left() bool { return mb.gone || mb.p.Left() }

// newMember judges p's samples.
func newMember(p model.Participant, th model.Thresholds) member {
	mb := member{p: p}
	mb.p.Samples = nil
	n := len(p.Samples)
	if n == 0 {
		return mb
	}
	newest := p.Samples[n-1]
	mb.newest = newest.Time
	for i, md := range model.Medias {
		mb.media[i], mb.has[i] = worstReading(newest, md, th)
		mb.level = max(mb.level, mb.media[i].level)
	}
	for _, s := range p.Samples[max(0, n-recentSamples):] {
		for _, md := range model.Medias {
			r, _ := worstReading(s, md, th)
			mb.recent = max(mb.recent, r.level)
		}
	}
	return mb
}

// memberKey names a participant across refreshes: Zoom's user_id, which
// is also what their QoS call takes.
func memberKey(p model.Participant) string {
	if p.UserID != "" {
		return p.UserID
	}
	return "id:" + p.ID + "|" + p.JoinTime.String()
}

// merge folds an answer into the members: everyone in it is updated,
// and everyone seen before but missing from it stays, marked gone, so a
// participant who left does not vanish from the table. When one user ID
// appears twice (left and rejoined), the one still present wins.
func merge(old map[string]member, ps []model.Participant, th model.Thresholds) map[string]member {
	next := make(map[string]member, max(len(old), len(ps)))
	for _, p := range ps {
		k := memberKey(p)
		if prev, dup := next[k]; dup && (!prev.p.Left() || (p.Left() && p.JoinTime.Before(prev.p.JoinTime))) {
			continue
		}
		mb := newMember(p, th)
		mb.seen = len(old) + len(next)
		if prev, ok := old[k]; ok {
			mb.seen = prev.seen
		}
		next[k] = mb
	}
	for k, mb := range old {
		if _, ok := next[k]; !ok {
			mb.gone = true
			next[k] = mb
		}
	}
	return next
}

// sortOrder is how the overview sorts; s cycles through them.
type sortOrder int

const (
	byWorst sortOrder = iota // worst first: the default
	byName
	byJoin
	numSorts
)

func (o sortOrder) String() string {
	switch o {
	case byName:
		return "by name"
	case byJoin:
		return "by join time"
	}
	return "worst first"
}

// sorted lists the members in order o. Worst first puts those still in
// the meeting first, then by the current level, the recent worst and the
// name (so that among equals the order is stable and readable); by name,
// hidden names go last; by join time, the earliest first.
func sorted(ms map[string]member, o sortOrder) []member {
	out := make([]member, 0, len(ms))
	for _, mb := range ms {
		out = append(out, mb)
	}
	byNameCmp := func(a, b member) int {
		an, bn := a.p.UserName == "", b.p.UserName == ""
		if an != bn {
			if an {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(strings.ToLower(displayName(a.p)), strings.ToLower(displayName(b.p))),
			cmp.Compare(a.seen, b.seen))
	}
	slices.SortFunc(out, func(a, b member) int {
		switch o {
		case byName:
			return byNameCmp(a, b)
		case byJoin:
			if a.p.JoinTime.IsZero() != b.p.JoinTime.IsZero() {
				return cmp.Compare(boolInt(a.p.JoinTime.IsZero()), boolInt(b.p.JoinTime.IsZero()))
			}
			return cmp.Or(a.p.JoinTime.Compare(b.p.JoinTime), byNameCmp(a, b))
		}
		return cmp.Or(cmp.Compare(boolInt(a.left()), boolInt(b.left())),
			cmp.Compare(b.level, a.level), cmp.Compare(b.recent, a.recent), byNameCmp(a, b))
	})
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
