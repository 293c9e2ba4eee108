package sim

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

// newest is the date_time of the newest sample a live QoS call serves.
func newest(t *testing.T, h *harness) time.Time {
	t.Helper()
	ss := samples(t, h.getJSON(qosPath(DemoMeetingID, DemoParticipantID)))
	at, err := time.Parse(time.RFC3339, ss[len(ss)-1]["date_time"].(string))
	if err != nil {
		t.Fatal(err)
	}
	return at
}

// With a publish lag the minute stamped :00 is not there at :00, only
// from PublishedAt on, as with Zoom; without one it is there at once.
func TestPublishLag(t *testing.T) {
	h := newHarness(t, Options{PublishLag: 20 * time.Second, PublishJitter: 10 * time.Second})
	// testStart is 14:30:17: the 14:30 minute is not out yet (lag ≥ 20s).
	minute := testStart.Truncate(time.Minute)
	appear, ok := h.sim.PublishedAt(DemoMeetingID, minute)
	if !ok || appear.Before(minute.Add(20*time.Second)) || appear.After(minute.Add(30*time.Second)) {
		t.Fatalf("PublishedAt = %v, %v; want 20–30 s after %v", appear, ok, minute)
	}
	if got := newest(t, h); !got.Equal(minute.Add(-time.Minute)) {
		t.Fatalf("at %v the newest sample is %v, want the minute before", testStart, got)
	}
	h.clock.Add(appear.Sub(testStart) - time.Millisecond)
	if got := newest(t, h); got.Equal(minute) {
		t.Fatal("the minute is served before PublishedAt")
	}
	h.clock.Add(time.Millisecond)
	if got := newest(t, h); !got.Equal(minute) {
		t.Fatalf("at PublishedAt the newest sample is %v, want %v", got, minute)
	}

	plain := newHarness(t, Options{})
	if got := newest(t, plain); !got.Equal(minute) {
		t.Fatalf("without a lag the newest sample is %v, want %v", got, minute)
	}
}

// ExtraMeetings are live, listed and served like any other meeting.
func TestExtraMeetings(t *testing.T) {
	h := newHarness(t, Options{ExtraMeetings: 40})
	live := map[string]bool{}
	for _, m := range h.getJSON(listPath("live") + "&page_size=300")["meetings"].([]any) {
		live[strconv.FormatInt(int64(m.(map[string]any)["id"].(float64)), 10)] = true
	}
	for i := range 40 {
		if !live[ExtraMeetingID(i)] {
			t.Fatalf("extra meeting %s is not listed live", ExtraMeetingID(i))
		}
	}
	if status, _, _ := h.get("/metrics/meetings/" + ExtraMeetingID(39) + "/participants/qos?page_size=10"); status != 200 {
		t.Fatalf("QoS of the last extra meeting: status %d", status)
	}
	if live[ExtraMeetingID(40)] {
		t.Fatal("a 41st extra meeting exists")
	}
}

// DailyLimit counts down in X-RateLimit-Remaining, then refuses with
// Zoom's Daily-limit 429 until 00:00 UTC.
func TestDailyLimit(t *testing.T) {
	h := newHarness(t, Options{DailyLimit: 3})
	path := qosPath(DemoMeetingID, DemoParticipantID)
	for want := 2; want >= 0; want-- {
		status, _, hdr := h.get(path)
		if status != 200 || hdr.Get("X-RateLimit-Limit") != "3" || hdr.Get("X-RateLimit-Remaining") != strconv.Itoa(want) {
			t.Fatalf("status %d limit %q remaining %q, want 200 3 %d", status,
				hdr.Get("X-RateLimit-Limit"), hdr.Get("X-RateLimit-Remaining"), want)
		}
	}
	status, _, hdr := h.get(path)
	if status != http.StatusTooManyRequests || hdr.Get("X-RateLimit-Type") != "Daily-limit" ||
		hdr.Get("Retry-After") != "2026-03-10T00:00:00Z" {
		t.Fatalf("past the cap: status %d type %q retry %q", status, hdr.Get("X-RateLimit-Type"), hdr.Get("Retry-After"))
	}
	h.clock.Add(10 * time.Hour) // past midnight UTC
	h.token = h.getToken()
	if status, _, _ := h.get(path); status != 200 {
		t.Fatalf("the next day: status %d", status)
	}
}
