package model

import "time"

// What the overview shows of each member at wide widths: latency, jitter
// and loss side by side, each the worst stream of the newest sample, and
// a short trend of the member's worst reading. The member drops its
// samples once judged (roster.go), so the trend is taken at the merge.

// TrendWindow is how far back a member's trend goes: half an hour, the
// RecentSamples the ranking already reads at Zoom's cadence.
const TrendWindow = 30 * time.Minute

// FieldOf is the field that holds a judged metric's reading; ok is false
// for CPU and Wi-Fi, which are not per stream.
func FieldOf(m Metric) (f Field, ok bool) {
	for _, f := range judgedFields {
		if fm, _ := f.Metric(); fm == m {
			return f, true
		}
	}
	return 0, false
}

// WorstOf is the reading of f furthest past its threshold across the
// streams of s: which medium and direction has the worst latency, say.
// Ties go to the earlier stream, as in WorstReading. ok is false when no stream has a drawable reading of f
// or f is not judged.
func (t Thresholds) WorstOf(s Sample, f Field) (Reading, bool) {
	m, judged := f.Metric()
	if !judged {
		return Reading{}, false
	}
	var worst Reading
	found := false
	for k, st := range s.Streams {
		v := f.Of(st)
		sev, ok := t.Severity(m, v)
		if !ok || (found && (sev < worst.Severity || (sev == worst.Severity && k.order() >= worst.Stream.order()))) {
			continue
		}
		worst, found = Reading{Stream: k, Metric: m, Value: v, Level: t.Level(m, v), Severity: sev}, true
	}
	return worst, found
}

// keptPoints appends to dst the points of prev's trend that are still
// within the window (after from), when that trend is of the same reading
// r, but for its newest: the minute Zoom may yet revise.
func keptPoints(dst []Point, prev *Member, r Reading, from time.Time) []Point {
	if prev == nil || len(prev.Trend) == 0 || !prev.Rank.HasWorst ||
		prev.Rank.Worst.Stream != r.Stream || prev.Rank.Worst.Metric != r.Metric {
		return dst
	}
	for _, p := range prev.Trend[:len(prev.Trend)-1] {
		if p.Time.After(from) {
			dst = append(dst, p)
		}
	}
	return dst
}

// trendOf is the series of the reading r (its stream and metric) across
// the samples within TrendWindow of the newest, oldest first: a sample
// without that stream is an absent point, a gap, never 0. As with the
// marks, a refresh reads only the samples that prev's trend of the same
// reading has not seen, and the newest of those it has (Zoom revises
// only its newest minute): thirty look-ups a member were a fifth of a
// 300-person refresh.
func trendOf(samples []Sample, r Reading, prev *Member) []Point {
	n := len(samples)
	f, ok := FieldOf(r.Metric)
	if n == 0 || !ok {
		return nil
	}
	from := samples[n-1].Time.Add(-TrendWindow)
	i := n
	for i > 0 && samples[i-1].Time.After(from) {
		i--
	}
	pts := keptPoints(make([]Point, 0, n-i), prev, r, from)
	if len(pts) > 0 {
		last := pts[len(pts)-1].Time
		for i < n && !samples[i].Time.After(last) {
			i++
		}
	}
	for _, s := range samples[i:] {
		p := Point{Time: s.Time}
		if st, has := s.Streams[r.Stream]; has {
			p.V = f.Of(st)
		}
		pts = append(pts, p)
	}
	return pts
}
