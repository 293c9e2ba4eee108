package fetch

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Zoom's X-RateLimit-Limit and X-RateLimit-Remaining count the account's
// daily quota, and come on good answers. A 429 may carry them too, but
// then they describe whatever refused the request: a per-second (QPS)
// 429 says "Remaining: 0" of the second, not of the day, and its Limit
// may be a rate that is no count at all. Taking those for the day's
// quota stopped polling until 00:00 UTC after one busy second. So the
// quota is read from 2xx answers only, and a Daily-limit 429 says just
// that the quota is spent until its Retry-After, read as the client's
// rate-limit handling reads it (retryAt).

// quota is the account's daily quota as Zoom last told it.
type quota struct {
	day   string // UTC date of left and limit, from a 2xx answer; "" is none
	left  int
	limit int       // 0: unknown
	until time.Time // a Daily-limit 429 said the quota is spent until then
}

// observe reads the account's quota from an answer of status with
// headers h, when the answer describes it.
func (b *Budget) observe(status int, h http.Header) {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	switch {
	case status >= 200 && status <= 299:
		// Zoom served a request from the quota: it is not spent, whatever
		// an earlier refusal said.
		b.acct.until = time.Time{}
		left, ok := headerCount(h, "X-RateLimit-Remaining")
		if !ok {
			return // the last figures stand: Zoom does not send them on every answer
		}
		limit, _ := headerCount(h, "X-RateLimit-Limit")
		b.acct.day, b.acct.left, b.acct.limit = now.UTC().Format(time.DateOnly), left, limit
	case status == http.StatusTooManyRequests:
		until, lt := retryAt(h, now)
		if lt != "Daily-limit" {
			return // QPS, or a type Zoom did not name: a wait, nothing about the day
		}
		limit, _ := headerCount(h, "X-RateLimit-Limit")
		// The refusal supersedes the figures of earlier answers; once it
		// ends, the quota is unknown until an answer says it again.
		b.acct = quota{limit: limit, until: until}
	}
}

// headerCount reads a header that holds a count: a whole number, not
// negative. Anything else (absent, "0.3", "-1", "lots") is unknown.
func headerCount(h http.Header, name string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(h.Get(name)))
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// status fills st's account figures as they stand at now.
func (q quota) status(st *BudgetStatus, now time.Time) {
	switch {
	case now.Before(q.until):
		st.AccountKnown, st.AccountRemaining, st.AccountLimit, st.AccountUntil = true, 0, q.limit, q.until
	case q.day == now.UTC().Format(time.DateOnly):
		st.AccountKnown, st.AccountRemaining, st.AccountLimit = true, q.left, q.limit
	}
}

// accountRefusal is the error a request gets, instead of being sent,
// while Zoom has said the account's quota is spent: Remaining 0 on a
// good answer of today, until 00:00 UTC, or a Daily-limit 429, until its
// Retry-After. It reads as that 429 would, for a request sent only to
// earn it. A quota Zoom has not said is never a refusal.
func (s BudgetStatus) accountRefusal(op string, now time.Time) *APIError {
	if !s.AccountKnown || s.AccountRemaining > 0 {
		return nil
	}
	until := s.AccountUntil
	if until.IsZero() {
		until = nextUTCDay(now)
	}
	return &APIError{Op: op, Kind: RateLimited, LimitType: "Daily-limit", RetryAt: until}
}
