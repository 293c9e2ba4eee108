package sim

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// retryAfter parses Retry-After as the RFC 3339 timestamp Zoom sends and
// returns how far past the test clock it lies.
func retryAfter(t *testing.T, hdr http.Header) time.Duration {
	t.Helper()
	at, err := time.Parse(time.RFC3339, hdr.Get("Retry-After"))
	if err != nil {
		t.Fatalf("Retry-After %q: %v", hdr.Get("Retry-After"), err)
	}
	return at.Sub(testStart)
}

func TestFaultsOnly(t *testing.T) {
	h := newHarness(t, Options{Seed: 11, Faults: 1, SlowDelay: time.Millisecond})
	const n = 300
	kinds := map[FaultKind]int{}
	// Go's transport silently retries a GET whose reused connection was
	// reset; fresh connections make every reset visible and counted once.
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for range n {
		req, _ := http.NewRequest(http.MethodGet, h.ts.URL+"/v2"+qosPath(DemoMeetingID, DemoParticipantID), nil)
		req.Header.Set("Authorization", "Bearer "+h.token)
		resp, err := client.Do(req)
		if err != nil {
			kinds[FaultReset]++
			continue
		}
		body := readAll(t, resp)
		kind := FaultKind(resp.Header.Get(FaultHeader))
		kinds[kind]++
		ok200 := resp.StatusCode == 200 && json.Valid(body) && utf8.Valid(body)
		switch kind {
		case FaultServerError:
			if resp.StatusCode < 500 || !strings.HasPrefix(string(body), "<html>") {
				t.Errorf("server error: %d %.40q", resp.StatusCode, body)
			}
		case FaultTruncated:
			if resp.StatusCode != 200 || json.Valid(body) || len(body) == 0 || body[0] != '{' {
				t.Errorf("truncated: %d %.40q", resp.StatusCode, body)
			}
		case FaultInvalidUTF8:
			if resp.StatusCode != 200 || utf8.Valid(body) {
				t.Errorf("invalid utf-8: %d, valid %v", resp.StatusCode, utf8.Valid(body))
			}
		case FaultEmptyBody:
			if resp.StatusCode != 200 || len(body) != 0 {
				t.Errorf("empty body: %d %d bytes", resp.StatusCode, len(body))
			}
		case FaultInvalidToken:
			if m := decode(t, body); resp.StatusCode != 401 || m["code"] != 124.0 {
				t.Errorf("invalid token: %d %v", resp.StatusCode, m)
			}
		case FaultQPS, FaultDailyLimit:
			// Only the daily refusal speaks of the daily quota.
			typ, lo, hi, left := "QPS", time.Second, 3*time.Second, ""
			if kind == FaultDailyLimit {
				typ, lo, hi, left = "Daily-limit", 10*time.Second, 22*time.Second, "0"
			}
			if d := retryAfter(t, resp.Header); resp.StatusCode != 429 || d < lo || d > hi ||
				resp.Header.Get("X-RateLimit-Type") != typ || resp.Header.Get("X-RateLimit-Category") != "Heavy" ||
				resp.Header.Get("X-RateLimit-Remaining") != left {
				t.Errorf("%s: %d %v Retry-After +%v", kind, resp.StatusCode, resp.Header, d)
			}
		case FaultSlow:
			if !ok200 {
				t.Errorf("slow answer is not the real one: %d", resp.StatusCode)
			}
		default:
			t.Errorf("no fault: %d %q %.60q", resp.StatusCode, kind, body)
		}
	}
	st := h.sim.Stats()
	for _, k := range AllFaultKinds() {
		if kinds[k] == 0 || st.Faults[k] != kinds[k] {
			t.Errorf("%s: seen %d, counted %d", k, kinds[k], st.Faults[k])
		}
	}
	if st.FaultsServed() != n || st.ParticipantQoS != n {
		t.Errorf("%d faults for %d requests", st.FaultsServed(), st.ParticipantQoS)
	}
}

func TestFaultsAreSeeded(t *testing.T) {
	seq := func(seed int64) string {
		opts := Options{Seed: seed, Faults: 0.5, FaultKinds: []FaultKind{FaultServerError, FaultEmptyBody, FaultInvalidToken}}
		h := newHarness(t, opts)
		var out []string
		for range 40 {
			code, _, hdr := h.get(listPath("live"))
			out = append(out, hdr.Get(FaultHeader)+":"+strconv.Itoa(code))
		}
		return strings.Join(out, " ")
	}
	a := seq(1)
	if a != seq(1) || a == seq(2) {
		t.Errorf("fault sequence not a function of the seed: %s", a)
	}
	if clean := strings.Count(" "+a, " :200"); clean < 10 || clean > 30 {
		t.Errorf("Faults 0.5 served %d clean answers in 40: %s", clean, a)
	}
}

func TestSlowFaultEndsWithTheRequest(t *testing.T) {
	h := newHarness(t, Options{Faults: 1, FaultKinds: []FaultKind{FaultSlow}, SlowDelay: time.Hour})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, h.ts.URL+"/v2"+listPath("live"), nil)
	req.Header.Set("Authorization", "Bearer "+h.token)
	start := time.Now()
	if _, err := h.ts.Client().Do(req); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err %v", err)
	}
	// Close must release a response still stalled on the server.
	done := make(chan int)
	go func() {
		req, _ := http.NewRequest(http.MethodGet, h.ts.URL+"/v2"+listPath("live"), nil)
		req.Header.Set("Authorization", "Bearer "+h.token)
		resp, err := h.ts.Client().Do(req)
		if err != nil {
			done <- -1
			return
		}
		resp.Body.Close()
		done <- resp.StatusCode
	}()
	for h.sim.Stats().Faults[FaultSlow] < 2 {
		time.Sleep(time.Millisecond) // until the second request is stalled
	}
	h.sim.Close()
	if code := <-done; code != http.StatusServiceUnavailable {
		t.Errorf("stalled request after Close: %d", code)
	}
	if el := time.Since(start); el > 10*time.Second {
		t.Errorf("took %v", el)
	}
}

func TestQPSLimit(t *testing.T) {
	h := newHarness(t, Options{QPS: 2})
	path := qosPath(DemoMeetingID, DemoParticipantID)
	for i := range 2 {
		if code, _, _ := h.get(path); code != 200 {
			t.Fatalf("request %d within the burst: %d", i, code)
		}
	}
	code, body, hdr := h.get(path)
	if m := decode(t, body); code != 429 || m["code"] != 429.0 {
		t.Fatalf("over the limit: %d %v", code, m)
	}
	if d := retryAfter(t, hdr); d <= 0 || d > 2*time.Second {
		t.Errorf("Retry-After +%v", d)
	}
	// No Limit or Remaining: Zoom's count the day's quota, not the second's.
	for k, want := range map[string]string{"X-RateLimit-Type": "QPS", "X-RateLimit-Category": "Heavy",
		"X-RateLimit-Limit": "", "X-RateLimit-Remaining": ""} {
		if hdr.Get(k) != want {
			t.Errorf("%s = %q, want %q", k, hdr.Get(k), want)
		}
	}
	h.clock.Add(time.Second) // refills two tokens
	for i := range 2 {
		if code, _, _ := h.get(path); code != 200 {
			t.Errorf("after a second, request %d: %d", i, code)
		}
	}
	if st := h.sim.Stats(); st.RateLimited != 1 {
		t.Errorf("rate limited %d", st.RateLimited)
	}
}

func TestSetFaults(t *testing.T) {
	h := newHarness(t, Options{Seed: 2})
	path := qosPath(DemoMeetingID, DemoParticipantID)
	if _, _, hdr := h.get(path); hdr.Get(FaultHeader) != "" {
		t.Fatalf("a fault before SetFaults: %s", hdr.Get(FaultHeader))
	}
	h.sim.SetFaults(1, FaultEmptyBody)
	for range 3 {
		if code, body, hdr := h.get(path); FaultKind(hdr.Get(FaultHeader)) != FaultEmptyBody || code != 200 || len(body) != 0 {
			t.Fatalf("after SetFaults(1, empty): %d %q fault %q", code, body, hdr.Get(FaultHeader))
		}
	}
	h.sim.SetFaults(0)
	if _, _, hdr := h.get(path); hdr.Get(FaultHeader) != "" {
		t.Fatalf("a fault after SetFaults(0): %s", hdr.Get(FaultHeader))
	}
}
