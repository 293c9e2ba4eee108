package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Level is a reading's health.
type Level int

// Levels in increasing severity; Unknown (no reading) sorts lowest.
const (
	Unknown Level = iota
	Good
	Warn
	Critical
)

func (l Level) String() string {
	switch l {
	case Good:
		return "good"
	case Warn:
		return "warn"
	case Critical:
		return "critical"
	}
	return "unknown"
}

// Metric is a reading that has health thresholds.
type Metric int

// The metrics qostop judges.
const (
	Latency Metric = iota
	Jitter
	AvgLoss
	MaxLoss
	SystemCPU
	WiFiRSSI
	numMetrics
)

// metricNames are the names used on the command line (--thresholds).
var metricNames = [numMetrics]string{"latency", "jitter", "loss", "maxloss", "cpu", "rssi"}

func (m Metric) String() string {
	if m < 0 || m >= numMetrics {
		return "unknown"
	}
	return metricNames[m]
}

// lowerIsWorse is true for metrics where a smaller number is worse (signal
// strength in dBm).
func (m Metric) lowerIsWorse() bool { return m == WiFiRSSI }

// Bound is a metric's warn and critical limits.
type Bound struct {
	Warn, Critical float64
}

// Thresholds holds a Bound per metric.
type Thresholds [numMetrics]Bound

// DefaultThresholds follow ITU-T G.114 for latency and Microsoft's
// published call-quality targets for jitter and loss (see zoom-api.md).
func DefaultThresholds() Thresholds {
	var t Thresholds
	t[Latency] = Bound{150, 300}
	t[Jitter] = Bound{30, 60}
	t[AvgLoss] = Bound{1, 5}
	t[MaxLoss] = Bound{5, 10}
	t[SystemCPU] = Bound{80, 95}
	t[WiFiRSSI] = Bound{-67, -75}
	return t
}

// Validate says which bound is out of order or out of range.
func (t Thresholds) Validate() error {
	for m := Metric(0); m < numMetrics; m++ {
		b := t[m]
		switch {
		case !finite(b.Warn) || !finite(b.Critical):
			// NaN compares false with everything, so it would pass the
			// order checks below and then judge every reading Good.
			return fmt.Errorf("threshold %s: limits must be finite numbers (have %g:%g)", m, b.Warn, b.Critical)
		case m.lowerIsWorse():
			if b.Warn <= b.Critical {
				return fmt.Errorf("threshold %s: warn (%g) must be above critical (%g): a weaker signal is worse", m, b.Warn, b.Critical)
			}
		case b.Warn < 0 || b.Critical < 0:
			return fmt.Errorf("threshold %s: limits must not be negative (have %g:%g)", m, b.Warn, b.Critical)
		case b.Warn >= b.Critical:
			return fmt.Errorf("threshold %s: warn (%g) must be below critical (%g)", m, b.Warn, b.Critical)
		}
	}
	return nil
}

// Level judges v against metric m's bounds. An absent reading is Unknown.
// A reading equal to a bound is still at the better level.
func (t Thresholds) Level(m Metric, v Value) Level {
	if !v.OK || m < 0 || m >= numMetrics {
		return Unknown
	}
	b := t[m]
	if m.lowerIsWorse() {
		switch {
		case v.V < b.Critical:
			return Critical
		case v.V < b.Warn:
			return Warn
		}
		return Good
	}
	switch {
	case v.V > b.Critical:
		return Critical
	case v.V > b.Warn:
		return Warn
	}
	return Good
}

// ParseThresholds applies overrides such as "latency=150:300,loss=1:5" to
// base and validates the result.
func ParseThresholds(base Thresholds, spec string) (Thresholds, error) {
	t := base
	for _, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		name, bounds, ok := strings.Cut(item, "=")
		if !ok {
			return base, fmt.Errorf("threshold %q: want name=warn:critical, e.g. latency=150:300", item)
		}
		m, ok := metricByName(strings.TrimSpace(name))
		if !ok {
			return base, fmt.Errorf("threshold %q: unknown metric %q (known: %s)", item, name, strings.Join(metricNames[:], ", "))
		}
		ws, cs, ok := strings.Cut(bounds, ":")
		if !ok {
			return base, fmt.Errorf("threshold %q: want warn:critical, e.g. %s=%g:%g", item, m, base[m].Warn, base[m].Critical)
		}
		w, err1 := strconv.ParseFloat(strings.TrimSpace(ws), 64)
		c, err2 := strconv.ParseFloat(strings.TrimSpace(cs), 64)
		if err1 != nil || err2 != nil {
			return base, fmt.Errorf("threshold %q: limits must be numbers", item)
		}
		t[m] = Bound{w, c}
	}
	if err := t.Validate(); err != nil {
		return base, err
	}
	return t, nil
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

func metricByName(name string) (Metric, bool) {
	for m := Metric(0); m < numMetrics; m++ {
		if strings.EqualFold(metricNames[m], name) {
			return m, true
		}
	}
	return 0, false
}

// StreamLevel is the worst level among a stream's judged readings.
func (t Thresholds) StreamLevel(s StreamStats) Level {
	lv := Unknown
	for _, f := range judgedFields {
		m, _ := f.Metric()
		lv = max(lv, t.Level(m, f.Of(s)))
	}
	return lv
}

// Summary states every limit in force as warn:critical, compactly and in
// --thresholds' own syntax, for the full help: "latency=150:300ms
// jitter=30:60ms loss=1:5% maxloss=5:10% cpu=80:95% rssi=-67:-75dBm"; a
// line wraps between metrics, never inside one. A marker or a colour on
// screen is only as clear as the number behind it.
func (t Thresholds) Summary() string {
	parts := make([]string, 0, numMetrics)
	for m := range numMetrics {
		parts = append(parts, m.String()+"="+FormatNum(t[m].Warn)+":"+FormatNum(t[m].Critical)+m.Unit())
	}
	return strings.Join(parts, " ")
}
