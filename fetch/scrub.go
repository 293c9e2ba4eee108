package fetch

import (
	"encoding/base64"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scrubbing by exact match is not enough: a server can echo the secret
// with a line break or a zero-width space in it, in another case, or as
// base64, and clean() (which joins lines and drops invisible characters)
// would then put it back together on screen. So text is cleaned first and
// scrubbed after, and the scrub compares skeletons: the text as a reader
// sees it, with spaces, line breaks, controls and invisible format
// characters left out and case ignored.

// redacted replaces every secret found.
const redacted = "[redacted]"

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
// into spaces and joins.
func ignored(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

func skeletonOf(s string) string {
	return strings.Map(func(r rune) rune {
		if ignored(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// scrubText replaces every secret form in s, however spaced, split or
// cased, with [redacted]. A quote that clean() cut short ends in "…": a
// start of a secret just before it is redacted too, so a cut can never
// leave part of one behind.
func scrubText(s string, forms []string) string {
	if len(forms) == 0 || s == "" {
		return s
	}
	// sk is the skeleton; at[i] is the byte offset in s of the rune that
	// sk's byte i came from, at[len(sk)] the end of s.
	var sk strings.Builder
	at := make([]int, 0, len(s)+1)
	for i, r := range s {
		if ignored(r) {
			continue
		}
		n := sk.Len()
		sk.WriteRune(unicode.ToLower(r))
		for range sk.Len() - n {
			at = append(at, i)
		}
	}
	at = append(at, len(s))
	skel := sk.String()
	cut := strings.HasSuffix(skel, "…")
	body := strings.TrimSuffix(skel, "…")

	// hide marks skeleton byte ranges; they map back to byte ranges of s
	// that run from a secret's first rune to the end of its last.
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
		start, end := at[i], at[j-1]
		_, size := utf8.DecodeRuneInString(s[end:])
		b.WriteString(s[last:start])
		b.WriteString(redacted)
		last = end + size
		i = j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// containsSecret reports whether scrubText would change s.
func containsSecret(s string, forms []string) bool { return scrubText(s, forms) != s }
