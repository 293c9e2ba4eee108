package fetch

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/qostop/qostop/model"
)

const userAgent = "qostop"

// defaultTransport is a private clone of http.DefaultTransport, so qostop's
// connection pool and settings are its own, and proxies come from the
// environment (HTTPS_PROXY, NO_PROXY), as on a locked-down on-call laptop.
func defaultTransport() http.RoundTripper {
	if t, ok := http.DefaultTransport.(*http.Transport); ok {
		c := t.Clone()
		c.Proxy = http.ProxyFromEnvironment
		return c
	}
	return &http.Transport{Proxy: http.ProxyFromEnvironment}
}

// meter counts the requests that reach the wire and writes the debug log.
// It sees every request, token requests included, and writes the method,
// path, query, status and timing, the kind of Authorization with its
// value redacted, and a 429's limit headers: never a credential or a body.
type meter struct {
	base  http.RoundTripper
	count *atomic.Int64
	log   *debugLog
}

func (m meter) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Header.Get("User-Agent") == "" {
		req = req.Clone(req.Context()) // a RoundTripper must not change its request
		req.Header.Set("User-Agent", userAgent)
	}
	m.count.Add(1)
	start := time.Now()
	resp, err := m.base.RoundTrip(req)
	if m.log != nil {
		status := ""
		if err != nil {
			status = "failed (" + causeName(err) + ")"
		} else {
			status = strconv.Itoa(resp.StatusCode)
		}
		extra := authNote(req.Header.Get("Authorization"))
		if err == nil && resp.StatusCode == http.StatusTooManyRequests {
			extra += limitNote(resp.Header)
		}
		m.log.printf("%s %s %s %s %s%s\n", start.UTC().Format("2006-01-02T15:04:05.000Z"),
			req.Method, pathAndQuery(req), status, time.Since(start).Round(time.Millisecond), extra)
	}
	return resp, err
}

func pathAndQuery(req *http.Request) string {
	s := req.URL.EscapedPath()
	if req.URL.RawQuery != "" {
		s += "?" + req.URL.RawQuery
	}
	return model.Sanitize(s)
}

// authNote says which credential a request carried without any of it:
// " Authorization: Bearer [redacted]".
func authNote(h string) string {
	if h == "" {
		return ""
	}
	scheme, _, _ := strings.Cut(h, " ")
	if !strings.EqualFold(scheme, "Bearer") && !strings.EqualFold(scheme, "Basic") {
		scheme = "" // not ours: it could be anything, the secret included
	}
	return " Authorization: " + strings.TrimSpace(scheme+" [redacted]")
}

// limitNote is what a 429 said about itself, as the client read it: the
// limit type only if it is one of Zoom's, and the time to retry parsed,
// never the raw header, which a hostile server could fill with anything.
func limitNote(h http.Header) string {
	s := ""
	if lt := limitType(h.Get("X-RateLimit-Type")); lt != "" {
		s = " " + lt
	}
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		now := time.Now()
		if _, ok := parseRetryAfter(v, now); ok {
			t, _ := retryAt(h, now) // capped and floored as the client will wait
			s += " retry at " + t.UTC().Format(time.RFC3339)
		} else {
			s += " retry at (unreadable)"
		}
	}
	return s
}

// debugLog serialises lines from concurrent requests. Every line passes
// the same secret scrub as error text: a server can put the token or
// the secret in next_page_token, which the next request's query repeats.
type debugLog struct {
	mu      sync.Mutex
	w       io.Writer
	secrets func() []string // set once the client's auth exists
}

func (l *debugLog) printf(format string, args ...any) {
	line := fmt.Sprintf(format, args...)
	if l.secrets != nil {
		line = scrubText(line, secretForms(l.secrets()))
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	io.WriteString(l.w, line)
}
