package exporter_test

import (
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

// qpsRun is what ten simulated minutes against `sim --qps 1` cost.
type qpsRun struct {
	sent, refused int
	fresh         int // of the 3 meetings, those whose newest published minute is exported
	people        int // participants exported
}

// runAtOneQPS runs the exporter for ten simulated minutes against the
// simulator refusing more than one request a second (its own token
// bucket, shared by every endpoint), with the three live meetings of the
// cast (7, 3 and 42 people: seven pages a round). The clock moves a
// second at a time, as the real one would under an exporter that waits.
func runAtOneQPS(t *testing.T, maxWait time.Duration) qpsRun {
	t.Helper()
	start := time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC)
	z := simtest.StartAt(t, start, sim.Options{QPS: 1})
	cfg := z.Config()
	cfg.MaxWait = maxWait
	st := newStepper(z.Clock)
	r := startExporter(t, st.options(exporter.Options{Config: cfg, Budget: budget(t, 0, z.Clock.Now)}))
	for z.Clock.Now().Before(start.Add(10 * time.Minute)) {
		st.step(time.Second)
	}
	stats := z.Sim.Stats()
	run := qpsRun{sent: stats.APIRequests(), refused: stats.RateLimited}
	_, body := r.get(t, "/metrics")
	all := parseExposition(t, body)
	run.people = len(find(all, "zoom_qos_sample_timestamp_seconds", nil))
	now := z.Clock.Now()
	for _, id := range []string{sim.DemoMeetingID, sim.ReviewMeetingID, sim.AllHandsMeetingID} {
		// The newest minute Zoom published at least 10 s ago: time for
		// the cadence's poll just after it, and for the pages after that
		// at one a second. The stepper moves the clock only while the
		// exporter waits, so a slow machine sees the same run.
		want := now.Truncate(time.Minute)
		for at, _ := z.Sim.PublishedAt(id, want); at.After(now.Add(-10 * time.Second)); at, _ = z.Sim.PublishedAt(id, want) {
			want = want.Add(-time.Minute)
		}
		var got time.Time
		for _, s := range find(all, "zoom_qos_sample_timestamp_seconds", map[string]string{"meeting_id": id}) {
			got = maxTime(got, time.Unix(int64(s.value), 0))
		}
		if !got.Before(want) {
			run.fresh++
		} else {
			t.Logf("meeting %s: newest sample exported %v, Zoom published %v", id, got.UTC(), want)
		}
	}
	t.Logf("max wait %v: %d requests, %d refused (QPS 429), %d answered; %d participants exported; %d of 3 meetings at the newest minute",
		maxWait, run.sent, run.refused, run.sent-run.refused, run.people, run.fresh)
	return run
}

// At one request a second, three meetings (seven pages a round) fit
// with room to spare: the exporter spaces its requests so that Zoom
// refuses next to none, and every participant's newest minute is
// exported. Before, its requests went out in bursts (a meeting's pages
// back to back, every meeting due at once) and each refusal lengthened
// that meeting's backoff: about half were refused.
func TestExporterKeepsUnderZoomsQPS(t *testing.T) {
	for _, c := range []struct {
		name    string
		maxWait time.Duration
	}{
		{"no wait (Config default)", 0},
		{"--max-wait 30s (the command's default)", 30 * time.Second},
	} {
		t.Run(c.name, func(t *testing.T) {
			run := runAtOneQPS(t, c.maxWait)
			if run.people < 40 { // of 52: some have left by 12:10
				t.Fatalf("%d participants exported, want the 40-odd still in the meetings", run.people)
			}
			if run.refused*20 > run.sent {
				t.Errorf("%d of %d requests refused: the exporter bursts over Zoom's per-second limit", run.refused, run.sent)
			}
			if run.fresh < 3 {
				t.Errorf("%d of 3 meetings exported at the newest minute", run.fresh)
			}
		})
	}
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// refuseQoS is a Zoom in front of the simulator that refuses the first n
// QoS requests with Zoom's QPS 429, whose Retry-After names the next
// whole second.
func refuseQoS(t *testing.T, s *sim.Server, now func() time.Time, n int) string {
	t.Helper()
	var mu sync.Mutex
	h := s.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		refuse := strings.HasSuffix(r.URL.Path, "/participants/qos") && n > 0
		if refuse {
			n--
		}
		mu.Unlock()
		if !refuse {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("X-RateLimit-Category", "Heavy")
		w.Header().Set("X-RateLimit-Type", "QPS")
		w.Header().Set("Retry-After", now().Truncate(time.Second).Add(time.Second).UTC().Format(time.RFC3339))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}`)
	}))
	t.Cleanup(func() { s.Close(); srv.Close() })
	return srv.URL
}

// Four QPS 429s in a row for one meeting: each is waited out to its
// Retry-After and the meeting is served within seconds. Before, each
// refusal doubled the meeting's backoff (10 s, 20 s, 40 s, 80 s): the
// fifth try came two and a half minutes late.
func TestExporterWaitsOutQPSRefusalsWithoutBackoff(t *testing.T) {
	start := time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC)
	clock := fakeclock.New(start)
	s := sim.New(sim.Options{Now: clock.Now})
	base := refuseQoS(t, s, clock.Now, 4)
	st := newStepper(clock)
	r := startExporter(t, st.options(exporter.Options{Config: simtest.Config(base),
		Budget: budget(t, 0, clock.Now), Meetings: []string{sim.DemoMeetingID}}))
	for clock.Now().Before(start.Add(30 * time.Second)) {
		st.step(time.Second)
	}
	_, body := r.get(t, "/metrics")
	all := parseExposition(t, body)
	if got := find(all, "zoom_meeting_participants", map[string]string{"meeting_id": sim.DemoMeetingID}); len(got) != 1 {
		t.Fatalf("meeting not served 30 s after four one-second refusals; log:\n%s", r.logs.String())
	}
	if got := find(all, "qostop_zoom_requests_total", map[string]string{"endpoint": "participants_qos", "code": "429"}); len(got) != 1 || got[0].value != 4 {
		t.Errorf("429s counted %v, want 4", got)
	}
	if strings.Contains(r.logs.String(), `"level":"WARN"`) {
		t.Errorf("a QPS refusal is logged as a warning; log:\n%s", r.logs.String())
	}
}
