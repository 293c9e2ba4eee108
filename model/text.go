package model

import (
	"strings"
	"unicode/utf8"
)

// Sanitize makes text from the API safe to print on a terminal. Names,
// locations and error messages are chosen by whoever joins a meeting, so
// they may carry escape sequences that retitle the window, clear the
// screen or write the clipboard (OSC 52); kubectl's CVE-2021-25743 was this.
// Sanitize does what Clean does and also removes zero-width characters
// (U+200B-U+200D, U+2060, U+FEFF), which let two names look alike on
// screen ("Alice" and "Al\u200bice").
func Sanitize(s string) string {
	if isPlain(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isZeroWidth(r) {
			return -1
		}
		return r
	}, Clean(s))
}

func isZeroWidth(r rune) bool {
	return (r >= 0x200b && r <= 0x200d) || r == 0x2060 || r == 0xfeff
}

// Clean removes what a terminal would act on: C0 and C1 controls, whole
// CSI, OSC, DCS, SOS, PM and APC sequences and bare ESCs, and bidi
// overrides that reorder what is shown; tabs and newlines become spaces
// and invalid UTF-8 becomes U+FFFD. Zero-width characters are kept, so
// text kept for export is what Zoom sent; Sanitize removes them for the
// screen, and the snapshot JSON escapes them.
func Clean(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(utf8.RuneError)
			i++
			continue
		}
		i += size
		switch {
		case r == 0x1b:
			i = skipAfterESC(s, i)
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i)
		case isC1String(r):
			i = skipString(s, i)
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
		case isBidiControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// skipAfterESC returns the index after the sequence an ESC at i-1 starts,
// whose kind is the byte at i (apart from Clean to keep it short).
func skipAfterESC(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	default:
		return skipEscape(s, i)
	}
}

// isC1String reports whether r is a C1 control that starts a control
// string: OSC, DCS, SOS, PM or APC.
func isC1String(r rune) bool {
	return r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f
}

// isPlain is the fast path: printable ASCII needs no work.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// skipCSI returns the index after a CSI sequence's final byte (0x40-0x7e).
func skipCSI(s string, i int) int {
	for ; i < len(s); i++ {
		if c := s[i]; c >= 0x40 && c <= 0x7e {
			return i + 1
		}
	}
	return i
}

// skipEscape returns the index after the rest of an escape sequence that is
// not a control string or CSI: intermediates (0x20-0x2f) then one final
// byte (0x30-0x7e), as in ESC c (reset) or ESC ( B (charset). Anything else
// ends it, so only the ESC is dropped.
func skipEscape(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipString returns the index after a control string, which ends at BEL,
// ESC \ or the C1 ST (U+009C); an unterminated one runs to the end. Any
// other ESC cancels the string and starts a new sequence, as in a
// terminal, so it is left for the caller to remove.
func skipString(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x07 || r == 0x9c:
			return i + size
		case r == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		}
		i += size
	}
	return i
}

func isBidiControl(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}
