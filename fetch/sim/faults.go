package sim

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"time"
)

// FaultKind is one way the simulator misbehaves, each one something Zoom
// or the network between has been seen to do.
type FaultKind string

// The faults Options.Faults draws from.
const (
	FaultServerError  FaultKind = "server-error"     // 500, 502 or 503 with an HTML body from a proxy
	FaultTruncated    FaultKind = "truncated-json"   // 200 whose JSON stops partway
	FaultInvalidUTF8  FaultKind = "invalid-utf8"     // 200 with invalid UTF-8 inside a name
	FaultEmptyBody    FaultKind = "empty-body"       // 200 with no body at all
	FaultInvalidToken FaultKind = "invalid-token"    // 401 code 124 for a token that is valid
	FaultQPS          FaultKind = "rate-limit-qps"   // 429, X-RateLimit-Type QPS, Retry-After ~1-2 s
	FaultDailyLimit   FaultKind = "rate-limit-daily" // 429, X-RateLimit-Type Daily-limit, Retry-After ~10-20 s
	FaultSlow         FaultKind = "slow"             // the right answer after Options.SlowDelay
	FaultReset        FaultKind = "reset"            // the connection closed with no response; needs a real server
)

// AllFaultKinds lists every fault, in a fixed order so that seeded draws
// are reproducible.
func AllFaultKinds() []FaultKind {
	return []FaultKind{FaultServerError, FaultTruncated, FaultInvalidUTF8, FaultEmptyBody,
		FaultInvalidToken, FaultQPS, FaultDailyLimit, FaultSlow, FaultReset}
}

// FaultHeader names the fault a response carries. It is for tests and
// logs; a client must not look at it.
const FaultHeader = "X-Qostop-Sim-Fault"

// SetFaults changes Options.Faults and Options.FaultKinds (nil: all) from
// the next request on, so a test can let a client settle, then fail it.
func (s *Server) SetFaults(share float64, kinds ...FaultKind) {
	if len(kinds) == 0 {
		kinds = AllFaultKinds()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.Faults, s.opts.FaultKinds = share, kinds
}

// drawFault decides, from the seeded generator, whether this request fails.
func (s *Server) drawFault() (FaultKind, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.opts.Faults <= 0 {
		return "", false
	}
	if s.rng.Float64() >= s.opts.Faults {
		return "", false
	}
	k := s.opts.FaultKinds[s.rng.IntN(len(s.opts.FaultKinds))]
	s.stats.Faults[k]++
	return k, true
}

// draw is a seeded integer in [lo, hi], for the details of a fault.
func (s *Server) draw(lo, hi int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return lo + s.rng.IntN(hi-lo+1)
}

// serveFault answers with kind in place of (or on top of) the real reply.
func (s *Server) serveFault(w http.ResponseWriter, r *http.Request, ep endpoint, kind FaultKind, rep reply) {
	w.Header().Set(FaultHeader, string(kind))
	switch kind {
	case FaultServerError:
		code := []int{500, 502, 503}[s.draw(0, 2)]
		text := http.StatusText(code)
		h := http.Header{}
		h.Set("Content-Type", "text/html")
		body := fmt.Sprintf("<html>\r\n<head><title>%d %s</title></head>\r\n<body>\r\n"+
			"<center><h1>%d %s</h1></center>\r\n</body>\r\n</html>\r\n", code, text, code, text)
		reply{status: code, header: h, body: []byte(body)}.write(w)
	case FaultTruncated:
		// Keep at least the opening brace and drop at least one byte, so
		// the body is always a valid prefix and never valid JSON.
		rep.body = rep.body[:max(1, len(rep.body)*2/3)]
		rep.write(w)
	case FaultInvalidUTF8:
		rep.body = corruptName(rep.body)
		rep.write(w)
		s.noteServed(rep)
	case FaultEmptyBody:
		rep.body = nil
		rep.write(w)
	case FaultInvalidToken:
		invalidToken().write(w)
	case FaultQPS:
		retry := s.now().Add(time.Duration(s.draw(1000, 2000)) * time.Millisecond)
		qpsLimited(ep, retryAt(retry)).write(w)
	case FaultDailyLimit:
		retry := s.now().Add(time.Duration(s.draw(10, 20)) * time.Second)
		dailyLimited(ep, "60000", retryAt(retry)).write(w)
	case FaultSlow:
		t := time.NewTimer(s.opts.SlowDelay)
		defer t.Stop()
		select {
		case <-t.C:
			rep.write(w)
			s.noteServed(rep)
		case <-r.Context().Done():
		case <-s.done:
			errorReply(http.StatusServiceUnavailable, 503, "Simulator closed").write(w)
		}
	case FaultReset:
		reset(w)
	}
}

// corruptName puts invalid UTF-8 at the start of the first name-like
// string in body, where a client would otherwise print it.
func corruptName(body []byte) []byte {
	for _, key := range []string{`"user_name":"`, `"topic":"`, `"message":"`, `":"`} {
		if i := bytes.Index(body, []byte(key)); i >= 0 {
			at := i + len(key)
			out := make([]byte, 0, len(body)+len(badUTF8))
			out = append(out, body[:at]...)
			out = append(out, badUTF8...)
			return append(out, body[at:]...)
		}
	}
	return append(body, badUTF8...)
}

// reset drops the connection with a TCP RST where it can, which a client
// sees as "connection reset by peer" rather than a clean EOF.
func reset(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		// HTTP/2 cannot hijack; aborting the handler is the server's
		// sanctioned way to break the stream without a response.
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0)
	}
	_ = conn.Close()
}
