package model

import (
	"cmp"
	"slices"
)

// Breaches are the readings of s past their warn threshold, the worst of
// each metric over every stream, worst first: what a "worst now" cell
// names, so that latency, jitter and loss all critical is not shown as
// latency alone. Of average and max loss only the worse is named: they
// move together, and the cell has room for few. Equal severities go as
// in WorstReading, so the first is always WorstReading's.
func (t Thresholds) Breaches(s Sample) []Reading {
	var worst [numMetrics]Reading
	var found [numMetrics]bool
	for k, st := range s.Streams {
		for _, f := range judgedFields {
			m, _ := f.Metric()
			v := f.Of(st)
			sev, ok := t.Severity(m, v)
			if !ok || sev <= 1 {
				continue
			}
			w := worst[m]
			if found[m] && (sev < w.Severity || (sev == w.Severity && k.order() >= w.Stream.order())) {
				continue
			}
			worst[m], found[m] = Reading{Stream: k, Metric: m, Value: v, Level: t.Level(m, v), Severity: sev}, true
		}
	}
	if found[AvgLoss] && found[MaxLoss] { // the worse of the two speaks for loss
		found[AvgLoss] = worst[AvgLoss].Severity >= worst[MaxLoss].Severity
		found[MaxLoss] = !found[AvgLoss]
	}
	var out []Reading
	for m, ok := range found {
		if ok {
			out = append(out, worst[m])
		}
	}
	slices.SortStableFunc(out, worseFirst)
	return out
}

// worseFirst orders readings by severity, then by stream as WorstReading
// breaks ties.
func worseFirst(a, b Reading) int {
	if c := cmp.Compare(b.Severity, a.Severity); c != 0 {
		return c
	}
	return cmp.Compare(a.Stream.order(), b.Stream.order())
}
