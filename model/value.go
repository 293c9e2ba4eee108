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

// unit is one accepted suffix and the power of ten that brings it to the
// base unit. A power, not a float factor: 1.005*1000 is 1004.9999999999999,
// while parsing "1.005e3" gives 1005, and values must export as Zoom sent them.
type unit struct {
	suffix string
	exp10  string // appended to the number as an exponent; "" for none
}

var (
	bitrateUnits = []unit{{"mbps", "e3"}, {"kbps", ""}, {"bps", "e-3"}}
	msUnits      = []unit{{"ms", ""}}
	pctUnits     = []unit{{"%", ""}}
	fpsUnits     = []unit{{"fps", ""}}
)

// parseUnit parses "<number><space?><unit>". An empty string is absent
// without error; a bare number is accepted in the base unit because some
// payloads drop the unit on zero.
func parseUnit(s string, units []unit) (Value, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return None, nil
	}
	num, exp := strings.ToLower(t), ""
	for _, u := range units {
		if strings.HasSuffix(num, u.suffix) {
			num = strings.TrimSpace(strings.TrimSuffix(num, u.suffix))
			exp = u.exp10
			break
		}
	}
	// strconv alone would also take "+5", "1e3", "0x1p4", "Inf" and "NaN";
	// Zoom sends none of these, so they are garbage, not readings.
	if !isDecimal(num) {
		return None, fmt.Errorf("%w: %q", ErrUnparseable, s)
	}
	f, err := strconv.ParseFloat(num+exp, 64)
	if err != nil || math.IsInf(f, 0) {
		return None, fmt.Errorf("%w: %q", ErrUnparseable, s)
	}
	return Some(f), nil
}

// isDecimal reports whether s is a plain unsigned decimal such as "27.15",
// "0" or ".5": digits with at most one point, and at least one digit.
func isDecimal(s string) bool {
	digits, points := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			points++
		default:
			return false
		}
	}
	return digits > 0 && points <= 1
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
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
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if !isDigits(a) || !isDigits(b) { // Atoi would take "+1280"
		return None, None, fmt.Errorf("%w: %q", ErrUnparseable, s)
	}
	wi, err1 := strconv.Atoi(a)
	hi, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil {
		return None, None, fmt.Errorf("%w: %q", ErrUnparseable, s)
	}
	if wi == 0 && hi == 0 {
		return None, None, nil
	}
	return Some(float64(wi)), Some(float64(hi)), nil
}
