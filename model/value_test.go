package model_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/qostop/qostop/model"
)

// parseCase is one input to a unit parser and what it must yield.
type parseCase struct {
	name string
	in   string
	want model.Value
	bad  bool // want an ErrUnparseable error (and an absent value)
}

func runParse(t *testing.T, parse func(string) (model.Value, error), cases []parseCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parse(tc.in)
			if tc.bad {
				if !errors.Is(err, model.ErrUnparseable) {
					t.Fatalf("parse(%q) error = %v, want ErrUnparseable", tc.in, err)
				}
				if got.OK {
					t.Fatalf("parse(%q) = %v, want absent alongside the error", tc.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("parse(%q) error = %v", tc.in, err)
			}
			if got != tc.want {
				t.Fatalf("parse(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
		})
	}
}

// missing are the forms Zoom uses for "no data": absent, and not an error.
var missing = []parseCase{
	{name: "empty", in: "", want: model.None},
	{name: "blank", in: "  ", want: model.None},
}

// garbage must never become a number, least of all 0.
var garbage = []parseCase{
	{name: "letters", in: "abc", bad: true},
	{name: "wrong unit", in: "12 parsecs", bad: true},
	{name: "negative", in: "-5 ms", bad: true},
	{name: "NaN", in: "NaN", bad: true},
	{name: "Inf", in: "Inf ms", bad: true},
	{name: "overflow", in: "1e400 kbps", bad: true},
	{name: "unit only", in: "ms", bad: true},
	{name: "hex", in: "0x10 ms", bad: true},
	{name: "plus sign", in: "+5 ms", bad: true},
	{name: "exponent", in: "1e3 ms", bad: true},
	{name: "two numbers", in: "1 2 ms", bad: true},
	{name: "two points", in: "1.2.3 ms", bad: true},
	{name: "lone point", in: ". ms", bad: true},
	{name: "out of range", in: strings.Repeat("9", 400), bad: true},
}

func with(cases ...[]parseCase) []parseCase {
	var all []parseCase
	for _, c := range cases {
		all = append(all, c...)
	}
	return all
}

func TestParseBitrate(t *testing.T) {
	runParse(t, model.ParseBitrate, with([]parseCase{
		{name: "kbps", in: "23 kbps", want: model.Some(23)},
		{name: "four digits", in: "1055 kbps", want: model.Some(1055)},
		{name: "fraction", in: "27.15 kbps", want: model.Some(27.15)},
		{name: "no space", in: "27.15kbps", want: model.Some(27.15)},
		{name: "Mbps", in: "1.2 Mbps", want: model.Some(1200)},
		{name: "Mbps exact", in: "1.005 Mbps", want: model.Some(1005)},
		{name: "bps", in: "800 bps", want: model.Some(0.8)},
		{name: "bps exact", in: "20.008 bps", want: model.Some(0.020008)},
		{name: "upper case", in: "23 KBPS", want: model.Some(23)},
		{name: "zero", in: "0 kbps", want: model.Some(0)},
		{name: "bare number", in: "0", want: model.Some(0)},
		{name: "ms is not a bitrate", in: "23 ms", bad: true},
	}, missing, garbage))
}

func TestParseMS(t *testing.T) {
	runParse(t, model.ParseMS, with([]parseCase{
		{name: "ms", in: "126 ms", want: model.Some(126)},
		{name: "zero no space", in: "0ms", want: model.Some(0)},
		{name: "zero", in: "0 ms", want: model.Some(0)},
		{name: "padded", in: " 6 ms ", want: model.Some(6)},
		{name: "kbps is not a latency", in: "126 kbps", bad: true},
	}, missing, garbage))
}

func TestParsePct(t *testing.T) {
	runParse(t, model.ParsePct, with([]parseCase{
		{name: "loss", in: "0.3%", want: model.Some(0.3)},
		{name: "zero", in: "0.0%", want: model.Some(0)},
		{name: "small", in: "0.03%", want: model.Some(0.03)},
		{name: "cpu", in: "12%", want: model.Some(12)},
		{name: "spaced", in: "1.9 %", want: model.Some(1.9)},
		{name: "percent only", in: "%", bad: true},
		{name: "double percent", in: "5%%", bad: true},
	}, missing, garbage))
}

func TestParseFPS(t *testing.T) {
	runParse(t, model.ParseFPS, with([]parseCase{
		{name: "fps", in: "12 fps", want: model.Some(12)},
		{name: "zero", in: "0 fps", want: model.Some(0)},
		{name: "no space", in: "30fps", want: model.Some(30)},
	}, missing, garbage))
}

func TestParseResolution(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		w, h model.Value
		bad  bool
	}{
		{name: "star", in: "1280*720", w: model.Some(1280), h: model.Some(720)},
		{name: "x", in: "640x360", w: model.Some(640), h: model.Some(360)},
		{name: "upper X", in: "640X360", w: model.Some(640), h: model.Some(360)},
		{name: "spaced", in: " 1280 * 720 ", w: model.Some(1280), h: model.Some(720)},
		{name: "nothing shared", in: "0*0"},
		{name: "empty", in: ""},
		{name: "blank", in: "  "},
		{name: "no separator", in: "1280", bad: true},
		{name: "letters", in: "abc", bad: true},
		{name: "negative", in: "-1280*720", bad: true},
		{name: "plus sign", in: "+1280*720", bad: true},
		{name: "fraction", in: "1280.5*720", bad: true},
		{name: "three parts", in: "1280*720*3", bad: true},
		{name: "missing height", in: "1280*", bad: true},
		{name: "overflow", in: "99999999999999999999*1", bad: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, h, err := model.ParseResolution(tc.in)
			if tc.bad {
				if !errors.Is(err, model.ErrUnparseable) {
					t.Fatalf("ParseResolution(%q) error = %v, want ErrUnparseable", tc.in, err)
				}
				if w.OK || h.OK {
					t.Fatalf("ParseResolution(%q) = %v, %v, want absent alongside the error", tc.in, w, h)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseResolution(%q) error = %v", tc.in, err)
			}
			if w != tc.w || h != tc.h {
				t.Fatalf("ParseResolution(%q) = %+v, %+v, want %+v, %+v", tc.in, w, h, tc.w, tc.h)
			}
		})
	}
}

func TestValueString(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    model.Value
		want string
	}{
		{"absent", model.None, "-"},
		{"zero", model.Some(0), "0"},
		{"integer", model.Some(1200), "1200"},
		{"fraction", model.Some(27.15), "27.15"},
		{"negative", model.Some(-67), "-67"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.v.String(); got != tc.want {
				t.Fatalf("String() = %q, want %q", got, tc.want)
			}
		})
	}
}
