package fetch

import (
	"bytes"
	"unicode/utf8"
)

// maxString bounds every JSON string qostop keeps from an answer, as
// written (escapes count as their bytes): Zoom's names, emails and topics
// are a few dozen characters (a topic at most 200), and a 60 MB
// user_name took qostop to 387 MB and was printed whole by snapshot.
const maxString = 1 << 10

// cutLongStrings shortens, in place, every string in body (valid JSON)
// longer than maxString bytes to its first bytes and "…", cut between
// escapes and runes, and pads the end with spaces, so body stays valid
// JSON of the same length and a decode error's offset still points into
// it. The decoder then never copies a huge value, and no field can hold
// more than maxString bytes.
func cutLongStrings(b []byte) {
	w, r := 0, 0
	for {
		q := bytes.IndexByte(b[r:], '"')
		if q < 0 {
			w += copy(b[w:], b[r:])
			break
		}
		w += copy(b[w:], b[r:r+q+1]) // up to and including the opening quote
		r += q + 1
		start, keep := r, r // keep: the end of the longest prefix that fits with "…"
		for b[r] != '"' {
			n := 1
			switch {
			case b[r] == '\\' && b[r+1] == 'u':
				n = 6
			case b[r] == '\\':
				n = 2
			case b[r] >= utf8.RuneSelf:
				_, n = utf8.DecodeRune(b[r:])
			}
			r += n
			if r-start <= maxString-len(ellipsis) {
				keep = r
			}
		}
		if r-start > maxString {
			w += copy(b[w:], b[start:keep])
			w += copy(b[w:], ellipsis)
		} else {
			w += copy(b[w:], b[start:r])
		}
		b[w] = '"'
		w, r = w+1, r+1
	}
	for i := w; i < len(b); i++ {
		b[i] = ' '
	}
}
