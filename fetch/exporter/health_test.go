package exporter_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/exporter"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/fetch/sim/simtest/fakeclock"
)

var healthStart = time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC)

// zoomFront is a Zoom in front of the simulator: answer may take a
// request (true) instead of passing it on, and every escaped path that
// came is kept.
type zoomFront struct {
	mu     sync.Mutex
	paths  []string
	answer func(w http.ResponseWriter, r *http.Request) bool
}

func startFront(t *testing.T, s *sim.Server, answer func(w http.ResponseWriter, r *http.Request) bool) (*zoomFront, string) {
	t.Helper()
	f := &zoomFront{answer: answer}
	h := s.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.paths = append(f.paths, r.URL.EscapedPath())
		f.mu.Unlock()
		if !f.answer(w, r) {
			h.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(func() { s.Close(); srv.Close() })
	return f, srv.URL
}

func (f *zoomFront) sent() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.paths...)
}

func qps429(w http.ResponseWriter, retryAfter string) {
	w.Header().Set("X-RateLimit-Type", "QPS")
	w.Header().Set("Retry-After", retryAfter)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusTooManyRequests)
	fmt.Fprint(w, `{"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}`)
}

// Zoom's meeting list naming meetings whose IDs qostop refuses (empty,
// "..", "../../users/me") costs nothing: they are skipped and counted,
// never sent with the token, and /healthz stays ok. Before, the empty
// ID made /healthz fail until the next good poll (it flapped), and
// "../../users/me" went out as /metrics/meetings/..%2F..%2Fusers%2Fme/….
func TestExporterSkipsMeetingIDsItRefuses(t *testing.T) {
	clock := fakeclock.New(healthStart)
	s := sim.New(sim.Options{Now: clock.Now})
	lister := s.Handler()
	front, base := startFront(t, s, func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != "/v2/metrics/meetings" {
			return false
		}
		rec := httptest.NewRecorder()
		lister.ServeHTTP(rec, r)
		var list map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil {
			t.Errorf("meeting list: %v", err)
			return false
		}
		ms, _ := list["meetings"].([]any)
		for _, id := range []string{"", "..", "../../users/me"} {
			ms = append(ms, map[string]any{"id": id, "uuid": id, "topic": "planted", "participants": 3})
		}
		list["meetings"] = ms
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(list)
		return true
	})
	st := newStepper(clock)
	r := startExporter(t, st.options(exporter.Options{Config: simtest.Config(base), Budget: budget(t, 0, clock.Now)}))
	unhealthy := 0
	for clock.Now().Before(healthStart.Add(3 * time.Minute)) {
		st.step(time.Second)
		if code, body := r.get(t, "/healthz"); code != http.StatusOK {
			unhealthy++
			t.Logf("%v: /healthz %d %s", clock.Now().Sub(healthStart), code, body)
		}
	}
	if unhealthy > 0 {
		t.Errorf("/healthz failed %d times in 180 s for IDs qostop skips", unhealthy)
	}
	for _, p := range front.sent() {
		if strings.Contains(strings.ToLower(p), "users") || strings.Contains(p, "..") || strings.Contains(strings.ToLower(p), "%2e") {
			t.Errorf("sent %s", p)
		}
	}
	_, body := r.get(t, "/metrics")
	all := parseExposition(t, body)
	if got := find(all, "qostop_exporter_meetings_refused", nil); len(got) != 1 || got[0].value != 3 {
		t.Errorf("refused meetings counted %v, want 3", got)
	}
	if got := find(all, "zoom_meeting_participants", nil); len(got) != 3 {
		t.Errorf("%d meetings exported, want the cast's 3 live ones", len(got))
	}
	if !strings.Contains(r.logs.String(), "meetings skipped: qostop refuses their IDs") {
		t.Errorf("the skipped meetings are not logged:\n%s", r.logs.String())
	}
}

// A per-second 429 whose Retry-After asks for 999,999,999 seconds holds
// the meeting list back a minute, not 25 hours, and is logged as the
// oddity it is. Before, discovery stopped for 25 hours while /healthz
// said ok.
func TestExporterCapsAPerSecondRetryAfter(t *testing.T) {
	clock := fakeclock.New(healthStart)
	s := sim.New(sim.Options{Now: clock.Now})
	var once sync.Once
	_, base := startFront(t, s, func(w http.ResponseWriter, r *http.Request) bool {
		refused := false
		if r.URL.Path == "/v2/metrics/meetings" {
			once.Do(func() { qps429(w, "999999999"); refused = true })
		}
		return refused
	})
	st := newStepper(clock)
	r := startExporter(t, st.options(exporter.Options{Config: simtest.Config(base), Budget: budget(t, 0, clock.Now)}))
	for clock.Now().Before(healthStart.Add(3 * time.Minute)) {
		st.step(time.Second)
	}
	_, body := r.get(t, "/metrics")
	if got := find(parseExposition(t, body), "zoom_meeting_participants", nil); len(got) != 3 {
		t.Errorf("3 minutes after a QPS 429 of 999999999 s, %d meetings exported, want 3; log:\n%s", len(got), r.logs.String())
	}
	if !strings.Contains(r.logs.String(), "asked for a wait of hours; waiting a minute") {
		t.Errorf("the capped Retry-After is not logged:\n%s", r.logs.String())
	}
}

// When no meeting has been polled successfully for a while (here every
// QoS poll is refused, Zoom's QPS 429 each time), /healthz fails and
// says why; a good poll makes it ok again. Before, it said ok while
// nothing was exported.
func TestHealthFailsWhenNothingIsPolled(t *testing.T) {
	clock := fakeclock.New(healthStart)
	s := sim.New(sim.Options{Now: clock.Now})
	var mu sync.Mutex
	refuse := true
	_, base := startFront(t, s, func(w http.ResponseWriter, r *http.Request) bool {
		mu.Lock()
		defer mu.Unlock()
		if refuse && strings.HasSuffix(r.URL.Path, "/qos") {
			qps429(w, "5")
			return true
		}
		return false
	})
	st := newStepper(clock)
	r := startExporter(t, st.options(exporter.Options{Config: simtest.Config(base), Budget: budget(t, 0, clock.Now),
		Meetings: []string{sim.DemoMeetingID}}))
	st.step(time.Minute)
	if code, body := r.get(t, "/healthz"); code != http.StatusOK {
		t.Errorf("a minute in: /healthz %d %s, want ok", code, body)
	}
	for clock.Now().Before(healthStart.Add(11 * time.Minute)) {
		st.step(30 * time.Second)
	}
	code, body := r.get(t, "/healthz")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "no meeting polled successfully for 11m") ||
		!strings.Contains(body, "rate limited") {
		t.Errorf("11 minutes of refused polls: /healthz %d %q, want 503 with the reason", code, body)
	}
	mu.Lock()
	refuse = false
	mu.Unlock()
	st.step(time.Minute)
	if code, body := r.get(t, "/healthz"); code != http.StatusOK {
		t.Errorf("after a good poll: /healthz %d %s, want ok", code, body)
	}
}
