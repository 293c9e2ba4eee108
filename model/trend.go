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

// trendOf is the series of the reading r (its stream and metric) across
// the samples within TrendWindow of the newest, oldest first: a sample
// without that stream is an absent point, a gap, never 0.
func trendOf(samples []Sample, r Reading) []Point {
	n := len(samples)
	if n == 0 {
		return nil
	}
	from := samples[n-1].Time.Add(-TrendWindow)
	i := n
	for i > 0 && samples[i-1].Time.After(from) {
		i--
	}
	f, ok := FieldOf(r.Metric)
	if !ok {
		return nil
	}
	pts := make([]Point, n-i)
	for j, s := range samples[i:] {
		pts[j].Time = s.Time
		if st, has := s.Streams[r.Stream]; has {
			pts[j].V = f.Of(st)
		}
	}
	return pts
}
