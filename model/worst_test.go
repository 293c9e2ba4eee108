package model

import (
	"math/rand/v2"
	"testing"
	"time"
)

func TestStreamKeyOrderIsItsPlaceInStreamKeys(t *testing.T) {
	for i, k := range StreamKeys {
		if k.order() != i {
			t.Errorf("%v: order %d, place %d", k, k.order(), i)
		}
	}
}

// walkWorst is WorstReading as a walk of StreamKeys in order, first wins:
// the order a reader sees and the tie-break the overview's cell keeps.
func walkWorst(t Thresholds, s Sample) (Reading, bool) {
	var worst Reading
	found := false
	for _, k := range StreamKeys {
		st, ok := s.Streams[k]
		if !ok {
			continue
		}
		for _, f := range []Field{LatencyField, JitterField, AvgLossField, MaxLossField} {
			m, _ := f.Metric()
			v := f.Of(st)
			sev, ok := t.Severity(m, v)
			if !ok || (found && sev <= worst.Severity) {
				continue
			}
			worst, found = Reading{Stream: k, Metric: m, Value: v, Level: t.Level(m, v), Severity: sev}, true
		}
	}
	return worst, found
}

// Walking the map finds the reading the ordered walk does, ties included:
// readings are drawn from a few values so that many are equal.
func TestWorstReadingBreaksTiesInStreamKeysOrder(t *testing.T) {
	th := DefaultThresholds()
	r := rand.New(rand.NewPCG(3, 4))
	pick := func(vs ...float64) Value {
		if i := r.IntN(len(vs) + 1); i < len(vs) {
			return Some(vs[i])
		}
		return None
	}
	for range 5000 {
		s := Sample{Time: time.Unix(0, 0), Streams: map[StreamKey]StreamStats{}}
		for range r.IntN(7) {
			s.Streams[StreamKeys[r.IntN(len(StreamKeys))]] = StreamStats{LatencyMS: pick(75, 150, 300), JitterMS: pick(15, 30, 60),
				AvgLossPct: pick(0.5, 1, 5), MaxLossPct: pick(2.5, 5, 25)}
		}
		got, gotOK := th.WorstReading(s)
		want, wantOK := walkWorst(th, s)
		if got != want || gotOK != wantOK {
			t.Fatalf("WorstReading = %+v %v, the ordered walk %+v %v, of %+v", got, gotOK, want, wantOK, s.Streams)
		}
	}
}
