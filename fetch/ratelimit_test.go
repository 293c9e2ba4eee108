package fetch

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim/simtest/fakeclock"
	"github.com/qostop/qostop/model"
)

func TestRetryAtHeaders(t *testing.T) {
	now := time.Date(2020, 5, 30, 19, 43, 10, 0, time.UTC)
	for _, c := range []struct {
		name, after, typ string
		want             time.Time
		wantType         string
	}{
		{"iso timestamp", "2020-05-30T19:43:20Z", "QPS", now.Add(10 * time.Second), "QPS"},
		{"iso with offset", "2020-05-30T21:43:20+02:00", "QPS", now.Add(10 * time.Second), "QPS"},
		{"seconds", "7", "QPS", now.Add(7 * time.Second), "QPS"},
		{"http date", "Sat, 30 May 2020 19:43:40 GMT", "", now.Add(30 * time.Second), ""},
		{"qps, none", "", "QPS", now.Add(time.Second), "QPS"},
		{"daily, none", "", "Daily-limit", time.Date(2020, 5, 31, 0, 0, 0, 0, time.UTC), "Daily-limit"},
		{"daily iso", "2020-05-31T00:00:00Z", "daily-limit", time.Date(2020, 5, 31, 0, 0, 0, 0, time.UTC), "Daily-limit"},
		{"nothing", "", "", now.Add(5 * time.Second), ""},
		{"garbage", "soon", "", now.Add(5 * time.Second), ""},
		// Zoom's QPS Retry-After names the next whole second: kept as it
		// is, not stretched to a second from now.
		{"a fraction ahead: exactly", "2020-05-30T19:43:10.3Z", "QPS", now.Add(300 * time.Millisecond), "QPS"},
		{"in the past: still a pause", "2001-01-01T00:00:00Z", "QPS", now.Add(time.Second), "QPS"},
		{"zero seconds: still a pause", "0", "QPS", now.Add(time.Second), "QPS"},
		{"absurd: capped", "2099-01-01T00:00:00Z", "", now.Add(25 * time.Hour), ""},
		// A per-second limit never needs hours: a minute at most.
		{"QPS for hours: a minute", "999999999", "QPS", now.Add(time.Minute), "QPS"},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := http.Header{}
			if c.after != "" {
				h.Set("Retry-After", c.after)
			}
			if c.typ != "" {
				h.Set("X-RateLimit-Type", c.typ)
			}
			got, typ := retryAt(h, now)
			if !got.Equal(c.want) || typ != c.wantType {
				t.Errorf("got %v %q, want %v %q", got, typ, c.want, c.wantType)
			}
		})
	}
}

// rateLimitedOnce answers the first QoS request with 429 (headers from
// set) and records when every request arrived.
type rateLimitedOnce struct {
	mu   sync.Mutex
	hits []time.Time
	set  func(http.Header)
}

func (s *rateLimitedOnce) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits = append(s.hits, time.Now())
	first := len(s.hits) == 1
	s.mu.Unlock()
	if r.URL.Path == "/v2/metrics/meetings" {
		writeJSON(w, 200, `{"meetings":[]}`)
		return
	}
	if first {
		s.set(w.Header())
		writeJSON(w, 429, `{"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}`)
		return
	}
	okParticipant(w, r)
}

func (s *rateLimitedOnce) times() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.hits...)
}

func TestRateLimitBlocksUntilRetryAt(t *testing.T) {
	for _, c := range []struct {
		name string
		set  func(http.Header)
	}{
		{"iso timestamp", func(h http.Header) {
			h.Set("Retry-After", time.Now().Add(2*time.Second).UTC().Format(time.RFC3339))
			h.Set("X-RateLimit-Type", "QPS")
			h.Set("X-RateLimit-Category", "Heavy")
		}},
		{"seconds", func(h http.Header) {
			h.Set("Retry-After", "1")
			h.Set("X-RateLimit-Type", "QPS")
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := &rateLimitedOnce{set: c.set}
			f := newFake(t, s.serve)
			cl := f.client()
			_, err := cl.ParticipantQoS(bg, "1", "7", model.Live)
			e := asAPIError(t, err, RateLimited)
			if e.LimitType != "QPS" || e.Status != 429 || e.RetryAt.Before(time.Now()) {
				t.Fatalf("limit %q status %d retry at %v", e.LimitType, e.Status, e.RetryAt)
			}
			wantText(t, err, "rate limited (QPS) until "+e.RetryAt.UTC().Format("15:04:05")+" UTC", "per second",
				"try again after that time")
			retry := e.RetryAt

			// Refused locally, same endpoint class: nothing reaches Zoom.
			for range 3 {
				_, err := cl.MeetingQoS(bg, "1", model.Live)
				r := asAPIError(t, err, RateLimited)
				if !r.RetryAt.Equal(retry) {
					t.Errorf("refusal RetryAt %v, want %v", r.RetryAt, retry)
				}
				wantText(t, err, "fetch meeting QoS", "rate limited (QPS)")
			}
			if n := len(s.times()); n != 1 || cl.Requests() != 1 {
				t.Fatalf("%d requests reached the server while blocked, want 1", n)
			}
			// A QPS limit on Heavy calls leaves the meeting list alone.
			if _, err := cl.LiveMeetings(bg, time.Now(), time.Now()); err != nil {
				t.Fatalf("meeting list blocked by a Heavy QPS limit: %v", err)
			}

			time.Sleep(time.Until(retry) + 20*time.Millisecond)
			if _, err := cl.ParticipantQoS(bg, "1", "7", model.Live); err != nil {
				t.Fatalf("after RetryAt: %v", err)
			}
			hits := s.times()
			if len(hits) != 3 {
				t.Fatalf("%d hits, want 3", len(hits))
			}
			if hits[2].Before(retry) {
				t.Errorf("a QoS request reached the server at %v, before RetryAt %v", hits[2], retry)
			}
		})
	}
}

func TestDailyLimitBlocksEveryEndpoint(t *testing.T) {
	s := &rateLimitedOnce{set: func(h http.Header) { h.Set("X-RateLimit-Type", "Daily-limit") }}
	f := newFake(t, s.serve)
	c := f.client(func(cfg *Config) { cfg.MaxWait = time.Minute }) // far shorter than the wait
	_, err := c.ParticipantQoS(bg, "1", "7", model.Live)
	e := asAPIError(t, err, RateLimited)
	midnight := time.Now().UTC().Truncate(24 * time.Hour).Add(24 * time.Hour)
	if !e.RetryAt.Equal(midnight) || e.LimitType != "Daily-limit" {
		t.Fatalf("retry at %v (%q), want %v", e.RetryAt, e.LimitType, midnight)
	}
	wantText(t, err, "rate limited (Daily-limit) until 00:00:00 UTC", "daily quota", "resets it at 00:00 UTC",
		"try again after that time")
	_, err = c.LiveMeetings(bg, time.Now(), time.Now())
	asAPIError(t, err, RateLimited)
	_, err = c.Participants(bg, "1", model.Live)
	asAPIError(t, err, RateLimited)
	if n := len(s.times()); n != 1 {
		t.Errorf("%d requests reached the server, want 1", n)
	}
}

// waitRecorder is a Config.Wait on a fake clock: it notes each wait and
// moves the clock to its end at once, so what the client waits for is
// read off the clock, not measured in wall time.
type waitRecorder struct {
	mu    sync.Mutex
	clock *fakeclock.Clock
	until []time.Time
}

func newWaitRecorder() *waitRecorder {
	return &waitRecorder{clock: fakeclock.New(time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC))}
}

func (w *waitRecorder) wait(ctx context.Context, until time.Time) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.until = append(w.until, until)
	w.clock.Set(until)
	return ctx.Err()
}

func (w *waitRecorder) configure(cfg *Config) { cfg.Now, cfg.Wait = w.clock.Now, w.wait }

func TestMaxWaitWaitsAndRetriesOnce(t *testing.T) {
	t.Parallel()
	s := &rateLimitedOnce{set: func(h http.Header) { h.Set("Retry-After", "1"); h.Set("X-RateLimit-Type", "QPS") }}
	f := newFake(t, s.serve)
	w := newWaitRecorder()
	c := f.client(w.configure, func(cfg *Config) { cfg.MaxWait = 3 * time.Second })
	start := w.clock.Now()
	p, err := c.ParticipantQoS(bg, "1", "7", model.Live)
	if err != nil {
		t.Fatal(err)
	}
	if p.UserID != "7" {
		t.Errorf("participant %q", p.UserID)
	}
	if n := len(s.times()); n != 2 {
		t.Fatalf("%d requests, want 2", n)
	}
	if len(w.until) != 1 || !w.until[0].Equal(start.Add(time.Second)) {
		t.Errorf("waited until %v, want once, until Retry-After (%v)", w.until, start.Add(time.Second))
	}
}

func TestMaxWaitRetriesOnlyOnce(t *testing.T) {
	t.Parallel()
	n := 0
	var mu sync.Mutex
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		mu.Unlock()
		w.Header().Set("Retry-After", "1")
		writeJSON(w, 429, `{"code":429,"message":"slow down"}`)
	})
	c := f.client(func(cfg *Config) { cfg.MaxWait = 3 * time.Second })
	_, err := c.ParticipantQoS(bg, "1", "7", model.Live)
	asAPIError(t, err, RateLimited)
	mu.Lock()
	defer mu.Unlock()
	if n != 2 {
		t.Errorf("%d requests, want 2 (one retry)", n)
	}
}

func TestMaxWaitTooShortFailsAtOnce(t *testing.T) {
	s := &rateLimitedOnce{set: func(h http.Header) { h.Set("Retry-After", "3") }}
	f := newFake(t, s.serve)
	w := newWaitRecorder()
	c := f.client(w.configure, func(cfg *Config) { cfg.MaxWait = 500 * time.Millisecond })
	_, err := c.ParticipantQoS(bg, "1", "7", model.Live)
	e := asAPIError(t, err, RateLimited)
	if len(w.until) != 0 || len(s.times()) != 1 {
		t.Errorf("waited until %v and sent %d requests for a limit beyond MaxWait, want no wait and 1", w.until, len(s.times()))
	}
	if e.LimitType != "" {
		t.Errorf("limit type %q", e.LimitType)
	}
	wantText(t, err, "rate limited until", "try again after that time")
	if strings.Contains(err.Error(), "unspecified") {
		t.Errorf("a 429 without X-RateLimit-Type names a type: %v", err)
	}
}

// The wall-clock wait ends with the context: the call returns Canceled
// long before the hour Zoom asked for (the bound only stops a hang).
func TestMaxWaitHonoursContext(t *testing.T) {
	t.Parallel()
	s := &rateLimitedOnce{set: func(h http.Header) { h.Set("Retry-After", "3600") }}
	f := newFake(t, s.serve)
	c := f.client(func(cfg *Config) { cfg.MaxWait = 2 * time.Hour })
	ctx, cancel := context.WithTimeout(bg, 200*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() { _, err := c.ParticipantQoS(ctx, "1", "7", model.Live); done <- err }()
	select {
	case err := <-done:
		asAPIError(t, err, Canceled)
	case <-time.After(time.Minute):
		t.Fatal("the wait for an hour's Retry-After ignored the context")
	}
	if n := len(s.times()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

// The polite limiter spaces a burst beyond 8 requests at 8 per second.
func TestPoliteLimiter(t *testing.T) {
	t.Parallel()
	f := newFake(t, okParticipant)
	c := f.client()
	start := time.Now()
	for i := range politeBurst + 4 {
		if _, err := c.ParticipantQoS(bg, "1", strconv.Itoa(i), model.Live); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 400*time.Millisecond {
		t.Errorf("%d requests in %v: the limiter did not space them", politeBurst+4, d)
	}
}

// Config.Now drives the whole client: a Daily-limit block lifts when the
// injected clock passes Retry-After, not the wall clock, and moving that
// clock between calls frees the polite limiter, so a test (the UI soak)
// can poll thousands of times without waiting.
func TestInjectedClock(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC) // before the wall clock, so the two cannot be confused
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); defer mu.Unlock(); now = now.Add(d) }
	s := &rateLimitedOnce{set: func(h http.Header) {
		h.Set("X-RateLimit-Type", "Daily-limit")
		h.Set("Retry-After", clock().Add(time.Hour).Format(time.RFC3339))
	}}
	f := newFake(t, s.serve)
	c := f.client(func(cfg *Config) { cfg.Now = clock })
	_, err := c.ParticipantQoS(bg, "1", "7", model.Live)
	if e := asAPIError(t, err, RateLimited); !e.RetryAt.Equal(clock().Add(time.Hour)) {
		t.Fatalf("RetryAt %v, want an hour after the injected now", e.RetryAt)
	}
	advance(59 * time.Minute)
	_, err = c.ParticipantQoS(bg, "1", "7", model.Live)
	asAPIError(t, err, RateLimited)
	if n := len(s.times()); n != 1 {
		t.Fatalf("%d requests reached the server before the injected Retry-After, want 1", n)
	}
	advance(time.Minute)
	const calls = 4 * politeBurst
	for i := range calls {
		if _, err := c.ParticipantQoS(bg, "1", "7", model.Live); err != nil {
			t.Fatalf("call %d after Retry-After: %v", i, err)
		}
		advance(time.Second)
	}
	if tokens := c.polite.TokensAt(clock()); tokens < politeBurst-1 {
		t.Errorf("polite limiter has %.1f tokens on the injected clock after %d spaced calls; it follows another clock", tokens, calls)
	}
}

// Retry-After in seconds beyond 25 hours is capped like an ISO date too
// far ahead, not ignored (which made it a one-second retry); the debug
// log shows the capped time the client will wait for.
func TestHugeRetryAfterSecondsCapped(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-RateLimit-Type", "Daily-limit") // a QPS one is cut to a minute
		w.Header().Set("Retry-After", "9999999999")
		writeJSON(w, 429, `{"code":429,"message":"slow down"}`)
	})
	var log syncBuffer
	start := time.Now()
	_, err := f.client(func(cfg *Config) { cfg.DebugLog = &log }).ParticipantQoS(bg, "1", "7", model.Live)
	e := asAPIError(t, err, RateLimited)
	if lo, hi := start.Add(25*time.Hour), time.Now().Add(25*time.Hour); e.RetryAt.Before(lo.Add(-time.Second)) || e.RetryAt.After(hi) {
		t.Errorf("retry at %v, want 25 h from now (%v)", e.RetryAt, lo)
	}
	_, after, ok := strings.Cut(log.String(), " retry at ")
	logged, perr := time.Parse(time.RFC3339, strings.TrimSpace(after))
	if !ok || perr != nil || logged.Sub(e.RetryAt).Abs() > 2*time.Second {
		t.Errorf("debug log %q, want the capped retry time %v", log.String(), e.RetryAt.UTC().Format(time.RFC3339))
	}
}
