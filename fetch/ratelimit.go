package fetch

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// class is Zoom's rate-limit category of an endpoint; a 429 on one
// category says nothing about the other.
type class int

const (
	heavy             class = iota // QoS and participant endpoints
	resourceIntensive              // the meeting list
	numClasses
)

// Polite client-side limit: far under Zoom's 10 req/s Heavy limit on Pro
// accounts (which every app on the account shares), so a polling bug can
// never flood Zoom or burn the account's daily quota in minutes.
const (
	politeRate  = 8
	politeBurst = 8
)

func newPoliteLimiter() *rate.Limiter { return rate.NewLimiter(politeRate, politeBurst) }

// politeWait takes a slot from the polite limiter on the client's clock,
// not the limiter's own, so a test that moves the clock between polls is
// not held to eight real requests a second.
func (c *Client) politeWait(ctx context.Context) error {
	now := c.now()
	r := c.polite.ReserveN(now, 1) // always OK: the burst is above 1
	if err := sleep(ctx, r.DelayFrom(now)); err != nil {
		r.CancelAt(c.now())
		return err
	}
	return nil
}

// Fallbacks when a 429 has no usable Retry-After: none, or one not in
// the future, which would retry in a tight loop.
const (
	qpsWait     = time.Second
	unknownWait = 5 * time.Second
	maxBlock    = 25 * time.Hour // ignore absurd Retry-After values
	// maxQPSWait caps a per-second limit's Retry-After: Zoom names the
	// next second, so hours can only be a fault, and believing one
	// stopped the exporter's meeting discovery for 25 hours.
	maxQPSWait = time.Minute
)

// blocks remembers, per class, until when Zoom told us to stay away, so no
// request goes out that would only earn another 429.
type blocks struct {
	mu  sync.Mutex
	why [numClasses]*APIError
}

// refusal returns the error to give instead of sending, or nil.
func (b *blocks) refusal(c class, now time.Time, op string) *APIError {
	b.mu.Lock()
	defer b.mu.Unlock()
	e := b.why[c]
	if e == nil || !now.Before(e.RetryAt) {
		return nil
	}
	r := *e
	r.Op = op
	return &r
}

func (b *blocks) block(c class, e *APIError) {
	b.mu.Lock()
	defer b.mu.Unlock()
	cp := *e
	cp.Err = nil
	for k := range numClasses {
		// The daily cap is shared by Heavy and Resource-intensive calls.
		if k == c || e.LimitType == "Daily-limit" {
			if cur := b.why[k]; cur == nil || cur.RetryAt.Before(cp.RetryAt) {
				b.why[k] = &cp
			}
		}
	}
}

// retryAt reads a 429's headers: Retry-After as an ISO timestamp (Zoom),
// seconds or an HTTP date, and X-RateLimit-Type. A Retry-After in the
// future is kept exactly: Zoom's QPS one names the next whole second,
// and a floor of a second on top made each wait up to twice as long as
// Zoom asked. Without one, QPS waits a second, Daily-limit until 00:00
// UTC, anything else five seconds.
func retryAt(h http.Header, now time.Time) (time.Time, string) {
	lt := limitType(h.Get("X-RateLimit-Type"))
	t, ok := parseRetryAfter(strings.TrimSpace(h.Get("Retry-After")), now)
	if !ok || !t.After(now) {
		switch lt {
		case "QPS":
			t = now.Add(qpsWait)
		case "Daily-limit":
			t = now.UTC().Truncate(24 * time.Hour).Add(24 * time.Hour)
		default:
			t = now.Add(unknownWait)
		}
	}
	if t.After(now.Add(maxBlock)) {
		t = now.Add(maxBlock)
	}
	if lt == "QPS" && t.After(now.Add(maxQPSWait)) {
		t = now.Add(maxQPSWait)
	}
	return t, lt
}

// qpsCapped reports whether a QPS 429 asked for longer than maxQPSWait,
// an oddity worth saying.
func qpsCapped(h http.Header, now time.Time) bool {
	t, ok := parseRetryAfter(strings.TrimSpace(h.Get("Retry-After")), now)
	return ok && limitType(h.Get("X-RateLimit-Type")) == "QPS" && t.After(now.Add(maxQPSWait))
}

func parseRetryAfter(v string, now time.Time) (time.Time, bool) {
	if v == "" {
		return time.Time{}, false
	}
	if n, err := strconv.ParseUint(v, 10, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		// Too many seconds is capped like a date too far ahead (retryAt
		// caps both), not ignored: it still says "not soon".
		if err != nil || n > uint64(maxBlock/time.Second) {
			return now.Add(maxBlock), true
		}
		return now.Add(time.Duration(n) * time.Second), true
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	if t, err := http.ParseTime(v); err == nil {
		return t, true
	}
	return time.Time{}, false
}

func limitType(v string) string {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "qps":
		return "QPS"
	case "daily-limit", "daily_limit", "daily":
		return "Daily-limit"
	}
	return "" // unknown: treated as no type rather than quoted from the wire
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
