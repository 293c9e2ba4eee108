package model

import "math"

// Severity places a reading on one scale shared by every metric, so that
// 290 ms against latency's 150:300 outranks 160 ms, and 4 % loss against
// 1:5 can be weighed against 45 ms of jitter against 30:60. Levels alone
// cannot do that: they have three steps, and the all-hands showed
// a list of people all at Good falling back to alphabetical order.
//
// The scale is piecewise linear in the reading:
//
//	0 at the metric's zero (0 ms, 0 %, 0 dBm), better values clamp to 0
//	1 at warn
//	2 at critical
//	beyond critical it keeps rising at the warn-to-critical slope
//
// so Level(m, v) >= Warn exactly when Severity > 1, and Critical exactly
// when Severity > 2 (a reading equal to a bound is at the better level in
// both). For lower-is-worse metrics (Wi-Fi signal, whose bounds are
// negative dBm) the same formula runs on the mirrored axis: v/warn in the
// good range is -50/-67 = 0.75, and -71 dBm against -67:-75 is 1.5.
//
// ok is false for an absent reading or an unknown metric: a missing
// reading has no severity, and must never read as a perfect 0.
func (t Thresholds) Severity(m Metric, v Value) (sev float64, ok bool) {
	if !v.OK || m < 0 || m >= numMetrics || !finite(v.V) {
		return 0, false
	}
	b := t[m]
	warn, crit, x := b.Warn, b.Critical, v.V
	if m.lowerIsWorse() {
		// Mirror so that larger is worse and both bounds are positive
		// distances below 0 dBm.
		warn, crit, x = -warn, -crit, -x
	}
	span := crit - warn
	if span <= 0 { // only an unvalidated Thresholds gets here
		span = 1
	}
	switch {
	case x > warn:
		return 1 + (x-warn)/span, true
	case warn > 0:
		return math.Max(x/warn, 0), true
	}
	return 0, true // warn is 0 and the reading is at (or below) it
}

// Reading is one judged reading of one stream: what a row's "worst" cell
// shows (audio ↑ loss 7.2%!) and why the row sits where it does. The
// glyphs and the number format are the UI's; this is the data.
type Reading struct {
	Stream   StreamKey // medium, direction (send/receive) and path
	Metric   Metric    // Latency, Jitter, AvgLoss or MaxLoss
	Value    Value     // always present in a Reading from WorstReading
	Level    Level
	Severity float64
}

// WorstReading returns the stream reading of s with the highest severity,
// and false when s holds no judged reading (no streams, or none with
// latency, jitter or loss). CPU and Wi-Fi are left out: they are causes
// to look at on the participant's panes, not the call's quality, and a
// "worst" cell must name a medium and a direction. Equal severities go to
// the earlier stream in StreamKeys order, then the earlier of judgedFields.
func (t Thresholds) WorstReading(s Sample) (Reading, bool) {
	var worst Reading
	found := false
	// The map's own order, a few streams, rather than a look-up of each
	// of StreamKeys' eighteen; ties go to the earlier stream of
	// StreamKeys, as a walk in that order would give them.
	for k, st := range s.Streams {
		for _, f := range judgedFields {
			m, _ := f.Metric()
			v := f.Of(st)
			sev, ok := t.Severity(m, v)
			if !ok || (found && (sev < worst.Severity || (sev == worst.Severity && k.order() >= worst.Stream.order()))) {
				continue
			}
			worst = Reading{Stream: k, Metric: m, Value: v, Level: t.Level(m, v), Severity: sev}
			found = true
		}
	}
	return worst, found
}

// Degradation is the set of (medium, direction) pairs of a sample that
// have a reading at Warn or worse, on any path.
type Degradation uint8

func degradationBit(m Media, d Direction) Degradation {
	return 1 << (uint(m)*2 + uint(d))
}

// With returns d with (m, dir) added.
func (d Degradation) With(m Media, dir Direction) Degradation { return d | degradationBit(m, dir) }

// Has reports whether (m, dir) is degraded.
func (d Degradation) Has(m Media, dir Direction) bool { return d&degradationBit(m, dir) != 0 }

// Sends reports whether any medium is degraded in the send direction.
func (d Degradation) Sends() bool { return d.dir(Send) != 0 }

// Receives reports whether any medium is degraded in the receive direction.
func (d Degradation) Receives() bool { return d.dir(Receive) != 0 }

// dir keeps only the pairs of one direction.
func (d Degradation) dir(dir Direction) Degradation {
	var out Degradation
	for _, m := range Medias {
		if d.Has(m, dir) {
			out = out.With(m, dir)
		}
	}
	return out
}

// DegradationOf lists what in s is at Warn or worse.
func (t Thresholds) DegradationOf(s Sample) Degradation {
	var d Degradation
	for k, st := range s.Streams {
		if t.StreamLevel(st) >= Warn {
			d = d.With(k.Media, k.Dir)
		}
	}
	return d
}

// DegradedShare is the fraction (0..1) of samples in which some stream
// reading was at Warn or worse. Samples without any judged reading (a
// gap, a participant with nothing flowing) are left out of the count
// rather than counted as healthy: nothing was measured. No judged
// samples at all gives 0.
func (t Thresholds) DegradedShare(samples []Sample) float64 {
	return shareOf(t.marks(samples, nil))
}

// degraded is whether s judged anything, and whether its worst reading is
// at Warn or worse: Level >= Warn exactly when Severity > 1, which is
// when the reading is past its Warn bound, so any reading past it will
// do, in the map's own order, and no severity need be computed. The
// roster asks this of thirty samples per participant per refresh;
// WorstReading's fixed order of every stream key costs a map look-up for
// each.
func (t *Thresholds) degraded(s Sample) (judged, bad bool) {
	for _, st := range s.Streams {
		for _, f := range judgedFields {
			m, _ := f.Metric()
			v := f.Of(st)
			if !v.OK || !finite(v.V) {
				continue
			}
			judged = true
			if v.V > t[m].Warn { // no stream metric is lower-is-worse
				return true, true
			}
		}
	}
	return judged, false
}
