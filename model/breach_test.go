package model

import (
	"testing"
	"time"
)

func TestBreaches(t *testing.T) {
	th := DefaultThresholds()
	aSend, vRecv := StreamKey{Media: Audio, Dir: Send}, StreamKey{Media: Video, Dir: Receive}
	s := Sample{Time: time.Unix(0, 0), Streams: map[StreamKey]StreamStats{
		aSend: {LatencyMS: Some(412), JitterMS: Some(66), AvgLossPct: Some(6.5), MaxLossPct: Some(20)},
		vRecv: {LatencyMS: Some(420), JitterMS: Some(10), AvgLossPct: Some(0.2), MaxLossPct: Some(6)},
	}}
	got := th.Breaches(s)
	want := []struct {
		k StreamKey
		m Metric
	}{{aSend, MaxLoss}, {vRecv, Latency}, {aSend, Jitter}}
	if len(got) != len(want) {
		t.Fatalf("%d breaches, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Stream != w.k || got[i].Metric != w.m {
			t.Errorf("breach %d: %v %v, want %v %v", i, got[i].Stream, got[i].Metric, w.k, w.m)
		}
	}
	if w, _ := th.WorstReading(s); w != got[0] {
		t.Errorf("the first breach %+v is not the worst reading %+v", got[0], w)
	}
	calm := Sample{Streams: map[StreamKey]StreamStats{aSend: {LatencyMS: Some(149), AvgLossPct: Some(1)}}}
	if b := th.Breaches(calm); len(b) != 0 {
		t.Errorf("readings at or below warn are breaches: %+v", b)
	}
}
