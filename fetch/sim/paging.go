package sim

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"net/url"
	"strconv"
	"time"
)

// tokenLife is how long Zoom honours a next_page_token.
const tokenLife = 15 * time.Minute

// wirePage is the paging header every list carries.
type wirePage struct {
	PageCount     int    `json:"page_count"`
	PageSize      int    `json:"page_size"`
	TotalRecords  int    `json:"total_records"`
	NextPageToken string `json:"next_page_token"`
}

// pageSpec is one endpoint's page_size rules.
type pageSpec struct {
	def, max int
	strict   bool // above max is an error (QoS lists), not clamped
}

// page reads page_size and next_page_token and returns the slice [lo, hi)
// of total records to serve. scope ties a token to the list it came from,
// so a token from one meeting's list cannot page another's.
func (s *Server) page(q url.Values, scope string, total int, spec pageSpec, now time.Time) (lo, hi int, pg wirePage, rep *reply) {
	size := spec.def
	if v := q.Get("page_size"); v != "" {
		n, err := strconv.Atoi(v)
		switch {
		case err != nil || n < 0:
			r := badRequest("Invalid field: page_size.")
			return 0, 0, pg, &r
		case n > spec.max && spec.strict:
			r := badRequest("The page_size can not be greater than " + strconv.Itoa(spec.max) + ".")
			return 0, 0, pg, &r
		case n > spec.max:
			size = spec.max
		case n > 0:
			size = n
		}
	}
	if t := q.Get("next_page_token"); t != "" {
		off, ok := s.openToken(t, scope, now)
		if !ok || off >= total {
			r := badRequest("The next page token is invalid or expired.")
			return 0, 0, pg, &r
		}
		lo = off
	}
	hi = min(total, lo+size)
	pg = wirePage{PageCount: (total + size - 1) / size, PageSize: size, TotalRecords: total}
	if hi < total {
		pg.NextPageToken = s.sealToken(hi, scope, now)
	}
	return lo, hi, pg, nil
}

// sealToken makes an opaque token: the offset and issue time, and a MAC
// over them, the seed and the scope. Deterministic, so equal requests at
// equal times give equal bytes.
func (s *Server) sealToken(off int, scope string, now time.Time) string {
	var b [20]byte
	binary.BigEndian.PutUint32(b[0:], uint32(off))
	binary.BigEndian.PutUint64(b[4:], uint64(now.Unix()))
	copy(b[12:], s.mac(b[:12], scope))
	return base64.RawURLEncoding.EncodeToString(b[:])
}

func (s *Server) openToken(tok, scope string, now time.Time) (int, bool) {
	b, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil || len(b) != 20 {
		return 0, false
	}
	mac := s.mac(b[:12], scope)
	for i := range 8 {
		if b[12+i] != mac[i] {
			return 0, false
		}
	}
	issued := time.Unix(int64(binary.BigEndian.Uint64(b[4:12])), 0)
	if now.Sub(issued) > tokenLife {
		return 0, false
	}
	return int(binary.BigEndian.Uint32(b[0:4])), true
}

func (s *Server) mac(data []byte, scope string) []byte {
	h := sha256.New()
	var seed [8]byte
	binary.BigEndian.PutUint64(seed[:], uint64(s.opts.Seed))
	h.Write(seed[:])
	h.Write([]byte(scope))
	h.Write(data)
	return h.Sum(nil)[:8]
}
