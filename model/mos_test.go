package model

import (
	"math"
	"testing"
)

// The published values the estimate is checked against:
//
//   - ITU-T G.109 (09/99) Table 1 gives the lower limit of each user
//     satisfaction band as an R and its MOS by G.107 Annex B: R 90 → 4.34,
//     80 → 4.03, 70 → 3.60, 60 → 3.10, 50 → 2.58.
//   - ITU-T G.107's default parameters give R = 93.2, quoted as MOS 4.41.
//   - G.107 Annex B: MOS is 1 for R < 0 and 4.5 for R > 100.
//
// Each case picks latency, jitter and loss that the simplified E-model
// (zoom-api.md, "An estimated MOS"; PingPlotter and rtpengine use the same
// one) turns into one of those R values, so the test checks both halves:
// inputs to R, and R to MOS, against the published pairs. The tables
// print two decimals and G.109 prints 4.03 for R = 80 (the formula gives
// 4.024), so a value within 0.01 matches.
func TestMOSEstimatePublishedValues(t *testing.T) {
	for _, tc := range []struct {
		name                  string
		latency, jitter, loss float64
		want                  float64
	}{
		// L = 222 + 2·10 + 10 = 252 ≥ 160: R = 93.2 − 13.2 = 80 → 4.03.
		{"G.109 R=80 by latency", 222, 10, 0, 4.03},
		// L = 382 + 60 + 10 = 452: R = 93.2 − 33.2 = 60 → 3.10.
		{"G.109 R=60 by latency and jitter", 382, 30, 0, 3.10},
		// L = 30 + 0 + 10 = 40: R = 93.2 − 1 = 92.2; 92.2 − 2.5·8.88 = 70 → 3.60.
		{"G.109 R=70 by loss", 30, 0, 8.88, 3.60},
		// L = 150 + 2·30 + 10 = 220: R = 93.2 − 10 = 83.2; 83.2 − 2.5·13.28 = 50 → 2.58.
		{"G.109 R=50 by all three", 150, 30, 13.28, 2.58},
		// L = 60 + 2·21 + 10 = 112: R = 93.2 − 2.8 = 90.4; − 2.5·0.16 = 90 → 4.34.
		{"G.109 R=90 below the knee", 60, 21, 0.16, 4.34},
		// Loss alone drives R below 0: G.107 Annex B floors MOS at 1.
		{"R below 0 floors at 1", 20, 5, 50, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := MOSEstimate(Some(tc.latency), Some(tc.jitter), Some(tc.loss))
			if !got.OK || math.Abs(got.V-tc.want) > 0.01 {
				t.Errorf("MOSEstimate(%g ms, %g ms, %g%%) = %v, want %.2f", tc.latency, tc.jitter, tc.loss, got, tc.want)
			}
		})
	}
	for _, tc := range []struct{ r, want float64 }{{93.2, 4.41}, {100, 4.5}, {120, 4.5}, {0, 1}, {-5, 1}} {
		if got := mosOfR(tc.r); math.Abs(got-tc.want) > 0.01 {
			t.Errorf("mosOfR(%g) = %.3f, want %.2f (G.107 Annex B)", tc.r, got, tc.want)
		}
	}
}

// A missing reading is never 0: an estimate needs all three inputs.
func TestMOSEstimateAbsentInput(t *testing.T) {
	ok := Some(20)
	for _, tc := range []struct {
		name    string
		l, j, p Value
	}{
		{"no latency", None, ok, Some(0)},
		{"no jitter", ok, None, Some(0)},
		{"no loss", ok, ok, None},
		{"NaN latency", Some(math.NaN()), ok, Some(0)},
		{"negative jitter", ok, Some(-1), Some(0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := MOSEstimate(tc.l, tc.j, tc.p); got.OK {
				t.Errorf("MOSEstimate = %v, want absent", got)
			}
		})
	}
}

// Only audio is scored; video with the same readings has no estimate.
func TestStreamMOSEstimateAudioOnly(t *testing.T) {
	st := StreamStats{LatencyMS: Some(40), JitterMS: Some(5), AvgLossPct: Some(0)}
	if v := (StreamKey{Media: Audio, Dir: Receive}).MOSEstimate(st); !v.OK || v.V < 4.3 {
		t.Errorf("audio receive with 40 ms, 5 ms, 0%%: %v, want about 4.4", v)
	}
	if v := (StreamKey{Media: Video, Dir: Receive}).MOSEstimate(st); v.OK {
		t.Errorf("video: %v, want absent", v)
	}
}
