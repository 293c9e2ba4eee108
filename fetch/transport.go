package fetch

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
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
// It sees every request, token requests included, and writes only the
// method, path, query, status and timing: never headers or bodies.
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
		m.log.printf("%s %s %s %s %s\n", start.UTC().Format("2006-01-02T15:04:05.000Z"),
			req.Method, pathAndQuery(req), status, time.Since(start).Round(time.Millisecond))
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

// debugLog serialises lines from concurrent requests.
type debugLog struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *debugLog) printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.w, format, args...)
}
