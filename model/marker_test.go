package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMarkerNote(t *testing.T) {
	long := strings.Repeat("ab ", 60)
	for _, tc := range []struct{ name, in, want string }{
		{"kept as typed", "user reported audio cutting out", "user reported audio cutting out"},
		{"empty is the default", "", DefaultMarkerNote},
		{"spaces only is the default", "  \t ", DefaultMarkerNote},
		{"escapes removed", "lag\x1b]0;pwned\x07 \x1b[2Jhere", "lag here"},
		{"zero-width removed", "Al\u200bice", "Alice"},
		{"bidi override removed", "\u202eexe.txt", "exe.txt"},
		{"runs of space made one", "a  \n\n b", "a b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := MarkerNote(tc.in); got != tc.want {
				t.Errorf("MarkerNote(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	t.Run("capped", func(t *testing.T) {
		got := MarkerNote(long)
		if n := utf8.RuneCountInString(got); n > MaxMarkerNote || !strings.HasSuffix(got, "…") {
			t.Errorf("MarkerNote(180 chars) = %q (%d chars), want at most %d ending in …", got, n, MaxMarkerNote)
		}
	})
}

func FuzzMarkerNote(f *testing.F) {
	f.Add("user reported \x1b[31maudio")
	f.Fuzz(func(t *testing.T, s string) {
		got := MarkerNote(s)
		if got == "" || utf8.RuneCountInString(got) > MaxMarkerNote || got != Sanitize(got) || strings.ContainsAny(got, "\n\t\x1b") {
			t.Fatalf("MarkerNote(%q) = %q", s, got)
		}
	})
}
