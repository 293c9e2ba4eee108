package model

import "math"

// This file is the estimated MOS (mean opinion score, 1 to 5) of an audio
// stream: the simplified ITU-T G.107 E-model that PingPlotter, rtpengine
// and many VoIP monitors compute from latency, jitter and loss:
//
//	L = latency + 2·jitter + 10               (ms, "effective latency")
//	R = 93.2 − L/40            if L < 160
//	R = 93.2 − (L − 120)/10    otherwise
//	R = R − 2.5·loss%
//	MOS = 1 + 0.035·R + 0.000007·R·(R − 60)·(100 − R), 1 at R ≤ 0, 4.5 at R ≥ 100
//
// The model assumes one-way network delay; Zoom's latency is an
// application round trip, so the result is labelled an estimate wherever
// it is shown, and it never replaces the readings it comes from.

// MOSEstimate is the estimated MOS from a latency and jitter in ms and a
// loss in percent. Any input absent (or not a finite, non-negative number)
// makes the estimate absent: a silent stream must not score.
func MOSEstimate(latencyMS, jitterMS, lossPct Value) Value {
	for _, v := range []Value{latencyMS, jitterMS, lossPct} {
		if !v.OK || !finite(v.V) || v.V < 0 {
			return None
		}
	}
	l := latencyMS.V + 2*jitterMS.V + 10
	r := 93.2 - l/40
	if l >= 160 {
		r = 93.2 - (l-120)/10
	}
	return Some(mosOfR(r - 2.5*lossPct.V))
}

// mosOfR is G.107 Annex B's conversion of a rating factor R to a MOS.
func mosOfR(r float64) float64 {
	switch {
	case r <= 0 || math.IsNaN(r):
		return 1
	case r >= 100:
		return 4.5
	}
	return 1 + 0.035*r + 0.000007*r*(r-60)*(100-r)
}

// MOSEstimate is the stream's estimated MOS from its latency, jitter and
// average loss; absent when any of the three is. Only audio streams are
// scored: the E-model is a model of speech.
func (k StreamKey) MOSEstimate(s StreamStats) Value {
	if k.Media != Audio {
		return None
	}
	return MOSEstimate(s.LatencyMS, s.JitterMS, s.AvgLossPct)
}
