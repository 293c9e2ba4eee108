package fetch_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/model"
)

// zoomFront stands before the simulator as Zoom's edge would: API
// requests get the simulator's answer, except that a scripted one
// replaces it with a 429 or rewrites its X-RateLimit headers, with the
// headers Zoom may send (zoom-api.md: any of them, on any answer).
type zoomFront struct {
	sim    http.Handler
	mu     sync.Mutex
	script []scripted // for the next API requests, in order
}

type scripted struct {
	status int               // 429: refuse; 200: the simulator's answer
	header map[string]string // set on the answer; "" deletes
}

func (f *zoomFront) next(s ...scripted) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.script = append(f.script, s...)
}

func (f *zoomFront) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	var s *scripted
	if strings.HasPrefix(r.URL.Path, "/v2/") && len(f.script) > 0 {
		s = &f.script[0]
		f.script = f.script[1:]
	}
	f.mu.Unlock()
	if s == nil {
		f.sim.ServeHTTP(w, r)
		return
	}
	rec := httptest.NewRecorder()
	if s.status == http.StatusTooManyRequests {
		rec.WriteHeader(s.status)
		rec.WriteString(`{"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}`)
	} else {
		f.sim.ServeHTTP(rec, r)
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	for k, v := range s.header {
		if v == "" {
			w.Header().Del(k)
		} else {
			w.Header().Set(k, v)
		}
	}
	w.WriteHeader(rec.Code)
	w.Write(rec.Body.Bytes())
}

// frontRig is the simulator (an account with a daily cap of 30,000, so
// its 200s carry X-RateLimit-Limit and -Remaining) behind a zoomFront,
// and a client with a budget of no cap of its own, all on one clock.
type frontRig struct {
	zoom  *simtest.Rig
	front *zoomFront
	b     *fetch.Budget
	c     *fetch.Client
}

func newFrontRig(t *testing.T, opts sim.Options) *frontRig {
	t.Helper()
	if opts.DailyLimit == 0 {
		opts.DailyLimit = 30000
	}
	r := &frontRig{zoom: simtest.StartAt(t, budgetStart, opts)}
	r.front = &zoomFront{sim: r.zoom.Sim.Handler()}
	ts := httptest.NewServer(r.front)
	t.Cleanup(ts.Close)
	r.b = openBudget(t, t.TempDir(), 0, r.zoom.Clock.Now)
	cfg := simtest.Config(ts.URL)
	cfg.Now, cfg.Budget = r.zoom.Clock.Now, r.b
	c, err := fetch.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	r.c = c
	return r
}

func (r *frontRig) poll() error {
	_, err := r.c.ParticipantQoS(context.Background(), sim.DemoMeetingID, sim.DemoParticipantID, model.Live)
	return err
}

// wantQuota fails unless the budget knows the account's quota as left
// (more than 0) of limit (0: unknown), and holds the next poll no longer
// than that share of the rest of the day.
func (r *frontRig) wantQuota(t *testing.T, when string, left, limit int) {
	t.Helper()
	st := r.b.Status()
	if !st.AccountKnown || st.AccountRemaining != left || st.AccountLimit != limit || st.Left() != left {
		t.Fatalf("%s: account quota %+v (left %d), want %d of %d", when, st, st.Left(), left, limit)
	}
	now := r.zoom.Clock.Now()
	share := now.Truncate(24*time.Hour).Add(24*time.Hour).Sub(now) / time.Duration(left)
	if got := r.b.Delay(model.Next{At: now, Reason: "next sample due"}, now, 1); got.At.After(now.Add(share)) {
		t.Fatalf("%s: the budget holds the next poll until %v, more than %v: %q", when, got.At, share, got.Reason)
	}
}

// A per-second 429 is a second's wait: it says nothing of the day's
// quota, whatever X-RateLimit headers it carries, and the 200s after it
// go on counting the quota down. Before, its "Remaining: 0" was taken
// for the day's, and polling stopped until 00:00 UTC.
func TestQPSRefusalLeavesTheDailyQuota(t *testing.T) {
	for _, tc := range []struct {
		name   string
		header map[string]string // of the 429; nil: the simulator's own
	}{
		{"the simulator's own", nil},
		{"with the second's figures", map[string]string{"X-RateLimit-Category": "Heavy", "X-RateLimit-Type": "QPS",
			"X-RateLimit-Limit": "0.3", "X-RateLimit-Remaining": "0", "Retry-After": "2026-03-09T12:00:02Z"}},
		{"with whole-number figures", map[string]string{"X-RateLimit-Type": "QPS",
			"X-RateLimit-Limit": "40", "X-RateLimit-Remaining": "0", "Retry-After": "1"}},
		{"with no type", map[string]string{"X-RateLimit-Limit": "10", "X-RateLimit-Remaining": "0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newFrontRig(t, sim.Options{QPS: 1})
			if err := r.poll(); err != nil {
				t.Fatal(err)
			}
			r.wantQuota(t, "after a 200", 29999, 30000)
			if tc.header != nil {
				r.front.next(scripted{status: 429, header: tc.header})
			}
			err := r.poll() // the simulator's bucket of one is empty: QPS 429
			var ae *fetch.APIError
			if !errors.As(err, &ae) || ae.Kind != fetch.RateLimited || ae.RetryAt.After(budgetStart.Add(6*time.Second)) {
				t.Fatalf("the 429: %v", err)
			}
			r.wantQuota(t, "after the 429", 29999, 30000)
			for i := range 3 {
				r.zoom.Clock.Add(6 * time.Second)
				if err := r.poll(); err != nil {
					t.Fatalf("poll %d after the 429: %v", i, err)
				}
			}
			r.wantQuota(t, "after three more 200s", 29996, 30000)
			if got := r.zoom.Sim.Stats().ParticipantQoS; got < 4 {
				t.Errorf("the simulator answered %d QoS requests, want the 200s to reach it", got)
			}
		})
	}
}

// Zoom's Daily-limit 429 spends the account's quota until its Retry-After
// (the simulator's fault: seconds away; Zoom's own: 00:00 UTC): the
// budget says 0 left and when polling resumes, the client sends nothing
// before then, and the first good answer after it says the quota again.
func TestDailyLimitRefusalSpendsTheQuotaUntilRetryAfter(t *testing.T) {
	r := newFrontRig(t, sim.Options{})
	if err := r.poll(); err != nil {
		t.Fatal(err)
	}
	retry := budgetStart.Add(20 * time.Second)
	r.front.next(scripted{status: 429, header: map[string]string{"X-RateLimit-Category": "Heavy",
		"X-RateLimit-Type": "Daily-limit", "X-RateLimit-Limit": "30000", "X-RateLimit-Remaining": "0",
		"Retry-After": retry.Format(time.RFC3339)}})
	err := r.poll()
	var ae *fetch.APIError
	if !errors.As(err, &ae) || ae.LimitType != "Daily-limit" || !ae.RetryAt.Equal(retry) {
		t.Fatalf("the Daily-limit 429: %v", err)
	}
	st := r.b.Status()
	if !st.AccountKnown || st.AccountRemaining != 0 || st.AccountLimit != 30000 {
		t.Fatalf("during the refusal: %+v", st)
	}
	gap, why := r.b.Spacing()
	if gap != 20*time.Second || why != "request budget spent (account: 0 of 30000 left): polling resumes at 12:00:20 UTC" {
		t.Errorf("spacing %v %q", gap, why)
	}
	r.zoom.Clock.Add(10 * time.Second)
	sent := r.zoom.Sim.Stats().APIRequests()
	if err := r.poll(); !errors.As(err, &ae) || !strings.Contains(err.Error(), "until 12:00:20 UTC") {
		t.Fatalf("before Retry-After: %v", err)
	}
	if got := r.zoom.Sim.Stats().APIRequests(); got != sent {
		t.Errorf("%d requests reached Zoom before its Retry-After", got-sent)
	}

	r.zoom.Clock.Set(retry)
	if st := r.b.Status(); st.AccountKnown || st.Left() != -1 {
		t.Errorf("after Retry-After the spent quota still stands: %+v", st)
	}
	if err := r.poll(); err != nil {
		t.Fatalf("after Retry-After: %v", err)
	}
	r.wantQuota(t, "the first 200 after", 29998, 30000)
}

// The simulator's cap counts down to 0 in its 200s, which holds polling
// until 00:00 UTC; past it, its Daily-limit 429 (Retry-After 00:00 UTC,
// as Zoom's) says the same, and the next day's first answer starts the
// count afresh.
func TestDailyCapSpentUntilMidnight(t *testing.T) {
	r := newFrontRig(t, sim.Options{DailyLimit: 2})
	midnight := budgetStart.Add(12 * time.Hour)
	const spent = "request budget spent (account: 0 of 2 left): polling resumes at 00:00 UTC"
	for range 2 {
		if err := r.poll(); err != nil {
			t.Fatal(err)
		}
	}
	if gap, why := r.b.Spacing(); gap != 12*time.Hour || why != spent {
		t.Errorf("spent by a 200: %v %q", gap, why)
	}
	err := r.poll()
	var ae *fetch.APIError
	if !errors.As(err, &ae) || ae.LimitType != "Daily-limit" || !ae.RetryAt.Equal(midnight) {
		t.Fatalf("past the cap: %v", err)
	}
	if gap, why := r.b.Spacing(); gap != 12*time.Hour || why != spent {
		t.Errorf("spent by a 429: %v %q", gap, why)
	}
	r.zoom.Clock.Set(midnight.Add(time.Second))
	if err := r.poll(); err != nil {
		t.Fatalf("the next day: %v", err)
	}
	r.wantQuota(t, "the next day", 1, 2)
}

// X-RateLimit-Limit is a count or unknown: a limit that is no whole
// number is never shown as a limit of 0 ("0 of 0 left"), and a Remaining
// that is none is no figure at all; a later answer's figures replace
// the earlier ones.
func TestQuotaHeadersThatAreNoCount(t *testing.T) {
	r := newFrontRig(t, sim.Options{})
	r.front.next(
		scripted{status: 200, header: map[string]string{"X-RateLimit-Limit": "0.3", "X-RateLimit-Remaining": "12"}},
		scripted{status: 200, header: map[string]string{"X-RateLimit-Limit": "", "X-RateLimit-Remaining": "lots"}},
		scripted{status: 200, header: map[string]string{"X-RateLimit-Limit": "-5", "X-RateLimit-Remaining": "0"}},
	)
	if err := r.poll(); err != nil {
		t.Fatal(err)
	}
	r.wantQuota(t, "limit 0.3", 12, 0)
	if err := r.poll(); err != nil {
		t.Fatal(err)
	}
	r.wantQuota(t, "remaining lots: the last figures stand", 12, 0)
	if err := r.poll(); err != nil {
		t.Fatal(err)
	}
	if _, why := r.b.Spacing(); why != "request budget spent (account: 0 left): polling resumes at 00:00 UTC" {
		t.Errorf("remaining 0 of an unknown limit: %q", why)
	}
	if err := r.poll(); err == nil {
		t.Fatal("a request went out after Zoom said 0 remaining")
	}
	r.zoom.Clock.Set(budgetStart.Add(12*time.Hour + time.Second)) // the next UTC day
	if err := r.poll(); err != nil {
		t.Fatal(err)
	}
	r.wantQuota(t, "the simulator's own figures", 29999, 30000)
}

// Once a good answer said X-RateLimit-Remaining: 0, the account's quota
// is spent until 00:00 UTC: a request then (the screens' r) is refused
// without being sent, with the words of Zoom's Daily-limit 429, and the
// simulator serves no 429 at all. Before, it went out and earned one.
// A quota Zoom never stated refuses nothing.
func TestSpentQuotaRefusedWithoutSending(t *testing.T) {
	r := newFrontRig(t, sim.Options{DailyLimit: 2})
	for range 2 {
		if err := r.poll(); err != nil {
			t.Fatal(err)
		}
	}
	sent := r.zoom.Sim.Stats().APIRequests()
	for range 3 {
		err := r.poll()
		var ae *fetch.APIError
		midnight := budgetStart.Add(12 * time.Hour)
		if !errors.As(err, &ae) || ae.Kind != fetch.RateLimited || ae.LimitType != "Daily-limit" || !ae.RetryAt.Equal(midnight) {
			t.Fatalf("after Remaining 0: %v, want a Daily-limit refusal until %v", err, midnight)
		}
		for _, want := range []string{"fetch participant QoS", "rate limited (Daily-limit) until 00:00:00 UTC",
			"daily quota of Dashboard requests", "is used up", "resets it at 00:00 UTC"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("refusal %q lacks %q", err, want)
			}
		}
		r.zoom.Clock.Add(time.Minute)
	}
	if st := r.zoom.Sim.Stats(); st.APIRequests() != sent || st.RateLimited != 0 {
		t.Errorf("%d requests sent after Remaining 0, %d refused by Zoom; want none",
			st.APIRequests()-sent, st.RateLimited)
	}

	// No figures from Zoom (no daily cap: its 200s carry none): nothing
	// is refused, however many requests go.
	u := newFrontRig(t, sim.Options{DailyLimit: -1})
	for i := range 5 {
		if err := u.poll(); err != nil {
			t.Fatalf("poll %d with the quota unknown: %v", i, err)
		}
	}
}
