package model_test

import (
	"testing"

	"github.com/qostop/qostop/model"
)

func TestSanitize(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"plain ASCII", "jchill", "jchill"},
		{"non-ASCII unchanged", "José Müller 山田", "José Müller 山田"},
		{"emoji unchanged", "Ana 👋🏽", "Ana 👋🏽"},
		{"empty", "", ""},
		{"OSC title with BEL", "a\x1b]0;pwned\x07b", "ab"},
		{"OSC title with ST", "a\x1b]0;x\x1b\\b", "ab"},
		{"OSC title with C1 ST", "a\x1b]0;x\u009cb", "ab"},
		{"OSC 52 clipboard write", "\x1b]52;c;ZWNobyBoaQ==\x07Bob", "Bob"},
		{"OSC 8 hyperlink keeps its text", "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\", "click me"},
		{"unterminated OSC runs to the end", "Eve\x1b]0;title", "Eve"},
		{"OSC cut short by a CSI drops both", "\x1b]0;t\x1b[2Jok", "ok"},
		{"CSI clear and home", "\x1b[2J\x1b[HBob", "Bob"},
		{"CSI colour", "\x1b[1;31mred\x1b[0m", "red"},
		{"CSI private mode", "\x1b[?1049hx", "x"},
		{"C1 CSI", "a\u009b2Jb", "ab"},
		{"C1 OSC", "a\u009d0;t\u009cb", "ab"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"C1 DCS", "a\u0090q\u009cb", "ab"},
		{"APC", "a\x1b_payload\x1b\\b", "ab"},
		{"PM", "a\x1b^payload\x07b", "ab"},
		{"SOS", "a\x1bXpayload\x1b\\b", "ab"},
		{"ESC c reset", "a\x1bcb", "ab"},
		{"ESC with intermediate", "a\x1b(Bb", "ab"},
		{"bare ESC at the end", "Bob\x1b", "Bob"},
		{"bare ESC before non-ASCII", "a\x1bé", "aé"},
		{"two ESCs", "a\x1b\x1b[2Jb", "ab"},
		{"BEL", "a\x07b", "ab"},
		{"backspace", "ab\bc", "abc"},
		{"NUL", "a\x00b", "ab"},
		{"DEL", "a\x7fb", "ab"},
		{"other C1 (NEL)", "a\u0085b", "ab"},
		{"bidi override", "abc\u202edef", "abcdef"},
		{"bidi isolates", "\u2066a\u2069\u2067b\u2068c\u2069", "abc"},
		{"bidi marks", "a\u200eb\u200fc\u061cd", "abcd"},
		{"invalid UTF-8", "a\xffb", "a\ufffdb"},
		{"truncated UTF-8", "a\xe5\xb1", "a\ufffd\ufffd"},
		{"raw C1 byte is invalid UTF-8", "a\x9b2Jb", "a\ufffd2Jb"},
		{"tab, newline and CR become spaces", "a\tb\nc\rd", "a b c d"},
		{"zero-width space, joiners, word joiner, BOM", "Al\u200bi\u200cc\u200de\u2060\ufeff", "Alice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := model.Sanitize(tc.in)
			if got != tc.want {
				t.Fatalf("Sanitize(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if again := model.Sanitize(got); again != got {
				t.Fatalf("Sanitize is not idempotent: %q -> %q", got, again)
			}
		})
	}
}

// Clean keeps zero-width characters (the export carries the name Zoom
// sent) and removes everything else Sanitize removes.
func TestCleanKeepsZeroWidth(t *testing.T) {
	const zw = "Al\u200bi\u200cc\u200de\u2060\ufeff"
	if got := model.Clean(zw + "\x1b]0;t\x07"); got != zw {
		t.Errorf("Clean = %q, want %q", got, zw)
	}
	if got := model.Sanitize(zw); got != "Alice" {
		t.Errorf("Sanitize = %q, want Alice", got)
	}
}
