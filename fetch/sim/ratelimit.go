package sim

import (
	"math"
	"net/http"
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
	if ep == epListMeetings || ep == epListRooms {
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

// qpsLimited is Zoom's per-second 429. It carries no X-RateLimit-Limit
// or -Remaining: on Zoom those count the account's daily quota (its 200s
// carry them, and its Daily-limit 429), and a second's "Remaining: 0"
// would say the day is spent.
func qpsLimited(ep endpoint, retry string) reply {
	rep := errorReply(http.StatusTooManyRequests, 429, qpsMessage)
	rep.header.Set("X-RateLimit-Category", category(ep))
	rep.header.Set("X-RateLimit-Type", "QPS")
	rep.header.Set("Retry-After", retry)
	return rep
}

// dailyLimited is Zoom's 429 once the account's daily quota of limit
// requests is spent, as Zoom documents it: the day's limit, none
// remaining, and Retry-After when it comes back.
func dailyLimited(ep endpoint, limit, retry string) reply {
	rep := errorReply(http.StatusTooManyRequests, 429, dailyMessage)
	rep.header.Set("X-RateLimit-Category", category(ep))
	rep.header.Set("X-RateLimit-Type", "Daily-limit")
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
	return qpsLimited(ep, retryAt(now.Add(wait))), true
}
