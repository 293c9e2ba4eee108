package model

import "time"

// The degraded share is asked of the last RecentSamples samples of every
// member on every refresh: 9,000 samples at 300 people, each a map of up
// to 18 streams. Zoom publishes a minute once and sends it unchanged in
// every answer after, so a member keeps what each of its samples judged
// and the next refresh judges only the samples it has not seen.

// mark is what the degraded share needs of one sample.
type mark struct {
	at          time.Time
	judged, bad bool
}

// marks judges each sample of recent, oldest first, taking the judgement
// of a sample seen before (the same minute) from seen, also oldest first.
// The newest sample is always judged again: should Zoom revise a minute,
// it is the newest one. When nothing changed, seen itself is returned.
func (t *Thresholds) marks(recent []Sample, seen []mark) []mark {
	if n := len(recent); n > 0 && n == len(seen) && sameMinutes(recent, seen) {
		judged, bad := t.degraded(recent[n-1])
		if judged == seen[n-1].judged && bad == seen[n-1].bad {
			return seen
		}
	}
	out := make([]mark, len(recent))
	j := 0
	for i, s := range recent {
		for j < len(seen) && seen[j].at.Before(s.Time) {
			j++
		}
		if i < len(recent)-1 && j < len(seen) && seen[j].at.Equal(s.Time) {
			out[i] = seen[j]
			continue
		}
		out[i].at = s.Time
		out[i].judged, out[i].bad = t.degraded(s)
	}
	return out
}

func sameMinutes(recent []Sample, seen []mark) bool {
	for i, s := range recent {
		if !s.Time.Equal(seen[i].at) {
			return false
		}
	}
	return true
}

// shareOf is the share of judged samples that were degraded, 0 when none
// was judged: a gap is not counted as healthy.
func shareOf(ms []mark) float64 {
	judged, bad := 0, 0
	for _, m := range ms {
		if m.judged {
			judged++
		}
		if m.bad {
			bad++
		}
	}
	if judged == 0 {
		return 0
	}
	return float64(bad) / float64(judged)
}
