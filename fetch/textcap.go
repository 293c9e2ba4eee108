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
		end := stringEnd(b, r)
		if end-r > maxString {
			w += copy(b[w:], b[r:cutAt(b, r, maxString-len(ellipsis))])
			w += copy(b[w:], ellipsis)
		} else {
			w += copy(b[w:], b[r:end])
		}
		b[w] = '"'
		w, r = w+1, end+1
	}
	for i := w; i < len(b); i++ {
		b[i] = ' '
	}
}

// stringEnd is the index of the quote that ends the string whose content
// starts at b[r]: the first one not escaped by an odd run of backslashes.
func stringEnd(b []byte, r int) int {
	for e := r; ; e++ {
		e += bytes.IndexByte(b[e:], '"')
		n := 0
		for j := e - 1; j >= r && b[j] == '\\'; j-- {
			n++
		}
		if n%2 == 0 {
			return e
		}
	}
}

// cutAt is the end of the longest prefix of the string content at b[r:]
// within n bytes that ends between escapes and runes.
func cutAt(b []byte, r, n int) int {
	keep := r
	for i := r; ; {
		size := 1
		switch {
		case b[i] == '\\' && b[i+1] == 'u':
			size = 6
		case b[i] == '\\':
			size = 2
		case b[i] >= utf8.RuneSelf:
			_, size = utf8.DecodeRune(b[i:])
		}
		if i+size-r > n {
			return keep
		}
		i += size
		keep = i
	}
}
