package sim

import (
	"net/http"
	"strconv"
	"time"
)

// daily is the account's count of API requests on one UTC day.
type daily struct {
	day  string
	used int
}

// dailyLimit applies Options.DailyLimit: every authorized answer carries
// X-RateLimit-Limit and X-RateLimit-Remaining, as Zoom's 200s often do,
// and past the cap Zoom's 429 Daily-limit with Retry-After at the next
// 00:00 UTC. h is the header of the answer about to be written.
func (s *Server) dailyLimit(ep endpoint, h http.Header) (reply, bool) {
	if s.opts.DailyLimit <= 0 {
		return reply{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if d := now.Format(time.DateOnly); d != s.daily.day {
		s.daily = daily{day: d}
	}
	limit := strconv.Itoa(s.opts.DailyLimit)
	if s.daily.used >= s.opts.DailyLimit {
		s.stats.RateLimited++
		midnight := now.Truncate(24 * time.Hour).Add(24 * time.Hour)
		return dailyLimited(ep, limit, midnight.Format(time.RFC3339)), true
	}
	s.daily.used++
	h.Set("X-RateLimit-Limit", limit)
	h.Set("X-RateLimit-Remaining", strconv.Itoa(s.opts.DailyLimit-s.daily.used))
	return reply{}, false
}
