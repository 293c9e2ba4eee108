package model

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Value is one reading that may be absent. Zoom sends "" (or leaves a
// stream out) when it has no data; that must never read as 0, so every
// metric carries its own presence bit.
type Value struct {
	V  float64
	OK bool
}

// Some returns a present reading.
func Some(v float64) Value { return Value{V: v, OK: true} }

// None is the absent reading.
var None = Value{}

// String formats a present value compactly and an absent one as "-".
func (v Value) String() string {
	if !v.OK {
		return "-"
	}
	return strconv.FormatFloat(v.V, 'f', -1, 64)
}

// ErrUnparseable marks a value string that is neither empty nor in a form
// qostop knows. Callers count these; the reading itself is treated as absent.
var ErrUnparseable = errors.New("unparseable value")

// unit is one accepted suffix and the factor that brings it to the base unit.
type unit struct {
	suffix string
	factor float64
}

var (
	bitrateUnits = []unit{{"mbps", 1000}, {"kbps", 1}, {"bps", 0.001}}
	msUnits      = []unit{{"ms", 1}}
	pctUnits     = []unit{{"%", 1}}
	fpsUnits     = []unit{{"fps", 1}}
)

// parseUnit parses "<number><space?><unit>". An empty string is absent
// without error; a bare number is accepted in the base unit because some
// payloads drop the unit on zero.
func parseUnit(s string, units []unit) (Value, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return None, nil
	}
	lower := strings.ToLower(t)
	factor := 1.0
	for _, u := range units {
		if strings.HasSuffix(lower, u.suffix) {
			lower = strings.TrimSpace(strings.TrimSuffix(lower, u.suffix))
			factor = u.factor
			break
		}
	}
	f, err := strconv.ParseFloat(lower, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 {
		return None, fmt.Errorf("%w: %q", ErrUnparseable, s)
	}
	return Some(f * factor), nil
}

// ParseBitrate parses "23 kbps", "27.15kbps" or "1.2 Mbps" into kbps.
func ParseBitrate(s string) (Value, error) { return parseUnit(s, bitrateUnits) }

// ParseMS parses "126 ms" or "0ms" into milliseconds.
func ParseMS(s string) (Value, error) { return parseUnit(s, msUnits) }

// ParsePct parses "0.3%" (loss, CPU) into percent.
func ParsePct(s string) (Value, error) { return parseUnit(s, pctUnits) }

// ParseFPS parses "12 fps" into frames per second.
func ParseFPS(s string) (Value, error) { return parseUnit(s, fpsUnits) }

// ParseResolution parses "1280*720" (also "1280x720"). "0*0" means nothing
// was sent and is absent, as is "".
func ParseResolution(s string) (w, h Value, err error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return None, None, nil
	}
	a, b, found := strings.Cut(t, "*")
	if !found {
		a, b, found = strings.Cut(strings.ToLower(t), "x")
	}
	if !found {
		return None, None, fmt.Errorf("%w: %q", ErrUnparseable, s)
	}
	wi, err1 := strconv.Atoi(strings.TrimSpace(a))
	hi, err2 := strconv.Atoi(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || wi < 0 || hi < 0 {
		return None, None, fmt.Errorf("%w: %q", ErrUnparseable, s)
	}
	if wi == 0 && hi == 0 {
		return None, None, nil
	}
	return Some(float64(wi)), Some(float64(hi)), nil
}
