package sim

import (
	"math"
	"net/http"
	"strconv"
	"time"
)

// bucket is a token bucket on the server's clock, so a test with a frozen
// clock sees exactly the burst allowed and nothing refilled.
type bucket struct {
	tokens float64
	last   time.Time
	primed bool
}

// take spends one token, or says how long until one is available.
func (b *bucket) take(now time.Time, rate float64) (bool, time.Duration) {
	burst := math.Max(1, rate)
	if !b.primed {
		b.tokens, b.last, b.primed = burst, now, true
	}
	if el := now.Sub(b.last); el > 0 {
		b.tokens = math.Min(burst, b.tokens+el.Seconds()*rate)
		b.last = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / rate * float64(time.Second))
}

// category is Zoom's rate-limit label for an endpoint.
func category(ep endpoint) string {
	if ep == epListMeetings {
		return "Resource-intensive"
	}
	return "Heavy"
}

// retryAt formats a Retry-After the way Zoom does: an ISO timestamp with
// whole seconds, rounded up so that it never lies in the past.
func retryAt(t time.Time) string {
	return t.Truncate(time.Second).Add(time.Second).UTC().Format(time.RFC3339)
}

const (
	qpsMessage   = "You have reached the maximum per-second rate limit for this API. Try again later."
	dailyMessage = "You have reached the maximum daily rate limit for this API. " +
		"Refer to the response header for details on when you can make another request."
)

func rateLimited(ep endpoint, typ, limit, retry string) reply {
	msg := qpsMessage
	if typ == "Daily-limit" {
		msg = dailyMessage
	}
	rep := errorReply(http.StatusTooManyRequests, 429, msg)
	rep.header.Set("X-RateLimit-Category", category(ep))
	rep.header.Set("X-RateLimit-Type", typ)
	rep.header.Set("X-RateLimit-Limit", limit)
	rep.header.Set("X-RateLimit-Remaining", "0")
	rep.header.Set("Retry-After", retry)
	return rep
}

// rateLimit applies the QPS option.
func (s *Server) rateLimit(ep endpoint) (reply, bool) {
	if s.opts.QPS <= 0 {
		return reply{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	ok, wait := s.bucket.take(now, s.opts.QPS)
	if ok {
		return reply{}, false
	}
	s.stats.RateLimited++
	limit := strconv.FormatFloat(s.opts.QPS, 'f', -1, 64)
	return rateLimited(ep, "QPS", limit, retryAt(now.Add(wait))), true
}
