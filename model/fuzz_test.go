package model_test

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qostop/qostop/model"
)

// The parsers take strings anyone in a meeting can influence (through
// Zoom) or a user types (--thresholds); these targets check they never
// panic and keep their promises on any input. Run one with, e.g.,
// go test ./model -run '^$' -fuzz FuzzParseValue -fuzztime 20s

// valueParsers are every unit parser with the unit its output is in.
var valueParsers = []struct {
	name  string
	parse func(string) (model.Value, error)
	unit  string
}{
	{"bitrate", model.ParseBitrate, "kbps"},
	{"ms", model.ParseMS, "ms"},
	{"pct", model.ParsePct, "%"},
	{"fps", model.ParseFPS, "fps"},
}

func FuzzParseValue(f *testing.F) {
	for _, s := range []string{
		"23 kbps", "27.15kbps", "1.2 Mbps", "1055 kbps", "800 bps", "126 ms", "0ms", "0 ms",
		"0.3%", "0.0%", "0.03%", "12 fps", "", "  ", "abc", "12 parsecs", "-5 ms", "NaN",
		"Inf ms", "1e400 kbps", "0x1p4", ".5", "5.", "1_000",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range valueParsers {
			v, err := p.parse(s)
			if err != nil {
				if !errors.Is(err, model.ErrUnparseable) {
					t.Fatalf("%s(%q) error %v is not ErrUnparseable", p.name, s, err)
				}
				if v.OK {
					t.Fatalf("%s(%q) = %v alongside an error", p.name, s, v)
				}
				continue
			}
			if !v.OK {
				if strings.TrimSpace(s) != "" {
					t.Fatalf("%s(%q) is absent without an error; only blank input may be", p.name, s)
				}
				continue
			}
			if math.IsNaN(v.V) || math.IsInf(v.V, 0) || v.V < 0 {
				t.Fatalf("%s(%q) = %v, want a finite non-negative number", p.name, s, v.V)
			}
			// What qostop prints must read back as the same number.
			back, err := p.parse(v.String() + " " + p.unit)
			if err != nil || back != v {
				t.Fatalf("%s(%q) = %v, but its printed form reads back as %v, %v", p.name, s, v, back, err)
			}
		}
	})
}

func FuzzParseResolution(f *testing.F) {
	for _, s := range []string{"1280*720", "640x360", "0*0", "", "  ", "1280", "-1*1", "+1*1", "1*2*3", "0*720"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, h, err := model.ParseResolution(s)
		if err != nil {
			if !errors.Is(err, model.ErrUnparseable) {
				t.Fatalf("ParseResolution(%q) error %v is not ErrUnparseable", s, err)
			}
			if w.OK || h.OK {
				t.Fatalf("ParseResolution(%q) = %v, %v alongside an error", s, w, h)
			}
			return
		}
		if w.OK != h.OK {
			t.Fatalf("ParseResolution(%q) = %v, %v: one side present, one absent", s, w, h)
		}
		if !w.OK {
			return
		}
		for _, v := range []float64{w.V, h.V} {
			if v < 0 || v != math.Trunc(v) {
				t.Fatalf("ParseResolution(%q) = %v, %v, want non-negative integers", s, w, h)
			}
		}
		if w.V == 0 && h.V == 0 {
			t.Fatalf("ParseResolution(%q) = 0*0 present; it means nothing was sent", s)
		}
		w2, h2, err := model.ParseResolution(w.String() + "*" + h.String())
		if err != nil || w2 != w || h2 != h {
			t.Fatalf("ParseResolution(%q) = %v*%v does not read back: %v*%v, %v", s, w, h, w2, h2, err)
		}
	})
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{
		"jchill", "José Müller 山田", "\x1b]0;pwned\x07", "\x1b]0;x\x1b\\", "\x1b[2J\x1b[H",
		"\x1b]52;c;ZWNobyBoaQ==\x07", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "\x1bPq\x1b\\",
		"\x1b", "\u009b2J", "\a\b", "\u202eevil", "a\xffb", "a\tb\nc", "\x1b]0;t\x1b[2J", "\x1b(B",
		"Al\u200bice\ufeff", "\u2060\u200d",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := model.Sanitize(s)
		// Clean must be as safe for a terminal; only Sanitize also drops
		// zero-width characters.
		for name, got := range map[string]string{"Clean": model.Clean(s), "Sanitize": out} {
			if !utf8.ValidString(got) {
				t.Fatalf("%s(%q) = %q is not valid UTF-8", name, s, got)
			}
			for i := 0; i < len(got); i++ {
				if c := got[i]; c < 0x20 || c == 0x7f {
					t.Fatalf("%s(%q) = %q holds control byte %#x", name, s, got, c)
				}
			}
			for _, r := range got {
				if r >= 0x80 && r <= 0x9f {
					t.Fatalf("%s(%q) = %q holds C1 control %U", name, s, got, r)
				}
				if r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
					t.Fatalf("%s(%q) = %q holds bidi control %U", name, s, got, r)
				}
				if name == "Sanitize" && ((r >= 0x200b && r <= 0x200d) || r == 0x2060 || r == 0xfeff) {
					t.Fatalf("Sanitize(%q) = %q holds zero-width %U", s, got, r)
				}
			}
			if isPrintableASCII(s) && got != s {
				t.Fatalf("%s(%q) = %q changed printable ASCII", name, s, got)
			}
		}
		if again := model.Sanitize(out); again != out {
			t.Fatalf("Sanitize is not idempotent: %q -> %q -> %q", s, out, again)
		}
		if c := model.Clean(s); model.Clean(c) != c {
			t.Fatalf("Clean is not idempotent: %q -> %q -> %q", s, c, model.Clean(c))
		}
	})
}

func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

func FuzzParseThresholds(f *testing.F) {
	for _, s := range []string{
		"latency=150:300,jitter=30:60,loss=1:5", "", ",", "latency", "latency=150", "latency=a:b",
		"latency=300:150", "rssi=-60:-80", "rssi=-80:-60", "latency=NaN:300", "cpu=80:Inf", "bogus=1:2",
		"loss=-1:5", "maxloss=1:2:3", "latency=0x10:0x20",
	} {
		f.Add(s)
	}
	base := model.DefaultThresholds()
	f.Fuzz(func(t *testing.T, spec string) {
		th, err := model.ParseThresholds(base, spec)
		if err != nil {
			if th != base {
				t.Fatalf("ParseThresholds(%q) failed but changed the thresholds: %+v", spec, th)
			}
			if msg := err.Error(); !utf8.ValidString(msg) || strings.ContainsAny(msg, "\x1b\n") {
				t.Fatalf("ParseThresholds(%q) error %q is not one plain line", spec, msg)
			}
			return
		}
		if err := th.Validate(); err != nil {
			t.Fatalf("ParseThresholds(%q) accepted %+v, which Validate rejects: %v", spec, th, err)
		}
		// Every judged reading must land on a level, whatever the bounds.
		for m := model.Latency; m <= model.WiFiRSSI; m++ {
			for _, v := range []float64{-1e9, th[m].Warn, th[m].Critical, 1e9} {
				if l := th.Level(m, model.Some(v)); l < model.Good || l > model.Critical {
					t.Fatalf("%s Level(%s) = %s with %+v", m, strconv.FormatFloat(v, 'g', -1, 64), l, th[m])
				}
			}
		}
	})
}
