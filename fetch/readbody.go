package fetch

import (
	"bytes"
	"io"
)

// readBody reads an answer of up to limit bytes, and one more to tell a
// larger one, allocating it once: at its size when the server says it
// (Content-Length, length), else in 1 MiB pieces joined at the end.
// io.ReadAll grows by copying, which allocated 2.5 times a 46 MiB page.
func readBody(r io.Reader, length int64, limit int) ([]byte, error) {
	r = io.LimitReader(r, int64(limit)+1)
	size := 1 << 20
	if length >= 0 && length <= int64(limit) {
		size = int(length) + 1 // the whole answer, and room to see it end
	}
	var pieces [][]byte
	for {
		p := make([]byte, size)
		n, err := fill(r, p)
		pieces = append(pieces, p[:n])
		if err == io.EOF {
			err = nil
		}
		if err != nil || n < size {
			if len(pieces) == 1 {
				return pieces[0], err
			}
			return bytes.Join(pieces, nil), err
		}
		size = 1 << 20 // longer than said, or unsaid: go on in pieces
	}
}

// fill reads into p until it is full, r ends or fails.
func fill(r io.Reader, p []byte) (int, error) {
	n := 0
	for n < len(p) {
		m, err := r.Read(p[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
