package fetch

import (
	"encoding/base64"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Scrubbing by exact match is not enough: a server can echo the secret
// with a line break or a zero-width space in it, in another case, as
// fullwidth or otherwise look-alike letters, with combining marks under
// it, percent-encoded, or as base64, and clean() (which joins lines and
// drops invisible characters) would then put it back together on screen.
// So text is cleaned first and scrubbed after, and the scrub compares
// skeletons: the text as a reader sees it, with %XX escapes decoded,
// compatibility forms folded (NFKC's folding), spaces, line breaks,
// controls, invisible and combining characters left out and case ignored.

// redacted replaces every secret found.
const redacted = "[redacted]"

// ellipsis ends a quote that clean() cut short; its skeleton is "...".
const ellipsis = "…"

// secretForms lists what to look for: each secret as sent and as it may
// be echoed encoded (query or path escaped, base64 in its four forms).
func secretForms(secrets []string) []string {
	var out []string
	for _, s := range secrets {
		for _, f := range []string{s, url.QueryEscape(s), url.PathEscape(s),
			base64.StdEncoding.EncodeToString([]byte(s)), base64.RawStdEncoding.EncodeToString([]byte(s)),
			base64.URLEncoding.EncodeToString([]byte(s)), base64.RawURLEncoding.EncodeToString([]byte(s))} {
			if sk := skeletonOf(f); len(sk) >= minSecret {
				out = append(out, sk)
			}
		}
	}
	return out
}

// ignored are the runes a reader does not see, or that clean() turns
// into spaces and joins: spaces, controls, format characters, combining
// marks (a U+0332 under each letter still reads as the letters),
// variation selectors, the other default-ignorable code points (U+034F,
// the Hangul fillers) and U+2800, the braille blank, drawn as a space.
func ignored(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u2800' ||
		unicode.In(r, unicode.Cf, unicode.Mn, unicode.Me, unicode.Variation_Selector,
			unicode.Other_Default_Ignorable_Code_Point)
}

// fold appends what r reads as to b: its compatibility decomposition
// (fullwidth, circled or ligature forms become plain letters) without
// ignored runes, in lower case. Decomposing rune by rune keeps every
// skeleton byte traceable to its rune; NFKC's composition step, which
// this leaves out, only changes the combining marks that are dropped.
func fold(b *strings.Builder, r rune) {
	if r < utf8.RuneSelf {
		if !ignored(r) {
			b.WriteRune(unicode.ToLower(r))
		}
		return
	}
	var buf [utf8.UTFMax]byte
	for _, d := range norm.NFKD.String(string(buf[:utf8.EncodeRune(buf[:], r)])) {
		if !ignored(d) {
			b.WriteRune(unicode.ToLower(d))
		}
	}
}

// skelMap is s as a reader sees it; from[i] and to[i] bound the bytes
// of s that skeleton byte i came from.
type skelMap struct {
	text     string
	from, to []int
}

// skeletonFor reads s a rune at a time, and a run of %XX escapes as the
// runes it decodes to, each traced to its own escapes: a page token in a
// URL carries a secret as "sec%0Aret" or entirely escaped.
func skeletonFor(s string) skelMap {
	var b strings.Builder
	sk := skelMap{from: make([]int, 0, len(s)), to: make([]int, 0, len(s))}
	add := func(r rune, from, to int) {
		n := b.Len()
		fold(&b, r)
		for range b.Len() - n {
			sk.from, sk.to = append(sk.from, from), append(sk.to, to)
		}
	}
	for i := 0; i < len(s); {
		if dec := unescapeRun(s[i:]); len(dec) > 0 {
			for j := 0; j < len(dec); {
				r, size := utf8.DecodeRune(dec[j:])
				add(r, i+3*j, i+3*(j+size))
				j += size
			}
			i += 3 * len(dec)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		add(r, i, i+size)
		i += size
	}
	sk.text = b.String()
	return sk
}

// unescapeRun decodes the %XX escapes at the start of s, or returns nil.
func unescapeRun(s string) []byte {
	var out []byte
	for len(s) >= 3 && s[0] == '%' {
		hi, ok1 := unhex(s[1])
		lo, ok2 := unhex(s[2])
		if !ok1 || !ok2 {
			break
		}
		out = append(out, hi<<4|lo)
		s = s[3:]
	}
	return out
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func skeletonOf(s string) string { return skeletonFor(s).text }

// scrubText replaces every secret form in s, however spaced, split,
// cased, disguised or escaped, with [redacted]. A quote that clean() cut
// short ends in "…": a start of a secret just before it is redacted too,
// so a cut can never leave part of one behind.
func scrubText(s string, forms []string) string {
	if len(forms) == 0 || s == "" {
		return s
	}
	sk := skeletonFor(s)
	skel := sk.text
	body, cut := skel, strings.HasSuffix(s, ellipsis)
	if cut {
		body = skel[:len(skel)-len(skeletonOf(ellipsis))]
	}

	hide := hiddenBytes(skel, body, cut, forms)
	var b strings.Builder
	last := 0 // end in s of what is written
	for i := 0; i < len(skel); {
		if !hide[i] {
			i++
			continue
		}
		j := i
		for j < len(skel) && hide[j] {
			j++
		}
		start, end := max(sk.from[i], last), sk.to[j-1]
		b.WriteString(s[last:start])
		b.WriteString(redacted)
		last = end
		i = j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// hiddenBytes marks the skeleton bytes that are part of a secret form
// (and, when the quote was cut, of a secret's start just before the cut):
// finding them apart from writing the result keeps scrubText readable.
// The marked ranges map back to byte ranges of s that run from a secret's
// first rune to the end of its last.
func hiddenBytes(skel, body string, cut bool, forms []string) []bool {
	hide := make([]bool, len(skel))
	mark := func(from, to int) {
		for i := from; i < to; i++ {
			hide[i] = true
		}
	}
	for _, f := range forms {
		for off := 0; ; {
			i := strings.Index(skel[off:], f)
			if i < 0 {
				break
			}
			mark(off+i, off+i+len(f))
			off += i + len(f)
		}
		if cut {
			for k := len(f) - 1; k >= minSecret; k-- {
				if strings.HasSuffix(body, f[:k]) {
					mark(len(body)-k, len(body))
					break
				}
			}
		}
	}
	return hide
}

// containsSecret reports whether scrubText would change s.
func containsSecret(s string, forms []string) bool { return scrubText(s, forms) != s }
