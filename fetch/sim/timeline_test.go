package sim

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"
)

// endpointsOf are requests that cover every endpoint and meeting kind.
var endpointsOf = []string{
	"/metrics/meetings?type=live&from=2026-03-09&to=2026-03-09",
	"/metrics/meetings/" + DemoMeetingID + "/participants",
	"/metrics/meetings/" + AllHandsMeetingID + "/participants/qos?page_size=10",
	qosPath(DemoMeetingID, DemoParticipantID),
	qosPath(DemoMeetingID, SharerParticipantID),
	qosPath(EndedMeetingID, "16782338") + "?type=past",
}

func TestDeterminism(t *testing.T) {
	a := newHarness(t, Options{Seed: 42})
	b := newHarness(t, Options{Seed: 42})
	c := newHarness(t, Options{Seed: 43})
	for _, p := range endpointsOf {
		_, ba, _ := a.get(p)
		_, bb, _ := b.get(p)
		if !bytes.Equal(ba, bb) {
			t.Errorf("%s: same seed and clock, different bytes", p)
		}
		_, bc, _ := c.get(p)
		if strings.Contains(p, "qos") && bytes.Equal(ba, bc) {
			t.Errorf("%s: another seed, same bytes", p)
		}
	}
}

// byTime indexes samples by date_time, as raw JSON for exact comparison.
func byTime(t *testing.T, p map[string]any) (map[string]string, []string) {
	t.Helper()
	idx, order := map[string]string{}, []string{}
	for _, s := range samples(t, p) {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		ts := s["date_time"].(string)
		if _, dup := idx[ts]; dup {
			t.Errorf("date_time %s twice", ts)
		}
		idx[ts] = string(b)
		order = append(order, ts)
	}
	return idx, order
}

func TestSamplesAdvanceWithClock(t *testing.T) {
	h := newHarness(t, Options{Seed: 1})
	path := qosPath(DemoMeetingID, DemoParticipantID)
	before, order := byTime(t, h.getJSON(path))
	// PreHistory 20 plus the sample of the current minute.
	if len(order) != 21 || order[20] != "2026-03-09T14:30:00Z" || order[0] != "2026-03-09T14:10:00Z" {
		t.Fatalf("at start: %d samples, %s .. %s", len(order), order[0], order[len(order)-1])
	}
	h.clock.Add(42 * time.Second) // still 14:30
	if _, o := byTime(t, h.getJSON(path)); len(o) != 21 {
		t.Errorf("a sample appeared before its minute: %v", o[len(o)-1])
	}
	h.clock.Add(time.Minute) // 14:31:59
	after, order := byTime(t, h.getJSON(path))
	if len(order) != 22 || order[21] != "2026-03-09T14:31:00Z" {
		t.Fatalf("after a minute: %d samples ending %s", len(order), order[len(order)-1])
	}
	for ts, b := range before {
		if after[ts] != b {
			t.Errorf("sample %s changed:\n%s\n%s", ts, b, after[ts])
		}
	}
	h.clock.Add(30 * time.Minute)
	if _, o := byTime(t, h.getJSON(path)); len(o) != 30 || o[29] != "2026-03-09T15:01:00Z" {
		t.Errorf("ServeLast: %d samples ending %s", len(o), o[len(o)-1])
	}
}

// audio reads a number from audio_input of a sample, -1 if absent.
func audio(s map[string]any, field string) float64 {
	a, _ := s["audio_input"].(map[string]any)
	v, _ := a[field].(string)
	v = strings.TrimSpace(strings.TrimRight(v, "kbpsm%"))
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return -1
	}
	return f
}

func TestDemoParticipantDegradesAndRecovers(t *testing.T) {
	h := newHarness(t, Options{Seed: 9, SampleEvery: 3 * time.Second})
	path := qosPath(DemoMeetingID, DemoParticipantID)
	var sawLatency, sawLoss, sawFade, sawWarning, recovered bool
	// A newcomer polling every sample for one minute.
	for range 20 {
		h.clock.Add(3 * time.Second)
		p := h.getJSON(path)
		smps := samples(t, p)
		s := smps[len(smps)-1]
		lat, loss := audio(s, "latency"), audio(s, "avg_loss")
		if w, ok := s["wifi_rssi"].(map[string]any); ok && w["avg_rssi"].(float64) < -75 {
			sawFade = true
		}
		sawLatency = sawLatency || lat > 200
		sawLoss = sawLoss || loss > 5
		if p["health"] == "Warning" {
			sawWarning = true
			if il, _ := p["issue_list"].([]any); len(il) == 0 || il[0] != "audio" {
				t.Errorf("Warning with issue_list %v", p["issue_list"])
			}
		}
		if sawLatency && sawLoss && sawFade && p["health"] == "Good" && lat >= 0 && lat < 120 && loss < 1 {
			recovered = true
		}
	}
	if !sawLatency || !sawLoss || !sawFade || !sawWarning || !recovered {
		t.Errorf("latency climb %v, loss burst %v, wifi fade %v, warning %v, recovery %v",
			sawLatency, sawLoss, sawFade, sawWarning, recovered)
	}
}

func TestLeaverStopsReporting(t *testing.T) {
	h := newHarness(t, Options{Seed: 2})
	path := qosPath(DemoMeetingID, LeaverParticipantID)
	if p := h.getJSON(path); p["leave_time"] != "" {
		t.Fatalf("left at start: %v", p["leave_time"])
	}
	h.clock.Add(7 * time.Minute)
	p := h.getJSON(path)
	leave, _ := time.Parse(time.RFC3339, p["leave_time"].(string))
	_, order := byTime(t, p)
	last, _ := time.Parse(time.RFC3339, order[len(order)-1])
	if leave.IsZero() || last.After(leave) || leave.Sub(last) > time.Minute {
		t.Fatalf("leave_time %v, last sample %v", p["leave_time"], last)
	}
	h.clock.Add(10 * time.Minute)
	p2 := h.getJSON(path)
	if _, order2 := byTime(t, p2); order2[len(order2)-1] != order[len(order)-1] || p2["leave_time"] != p["leave_time"] {
		t.Errorf("samples after leaving: %v", order2[len(order2)-1])
	}
	// Still listed, with leave_time, as Zoom lists everyone who joined.
	found := false
	for _, row := range h.getJSON("/metrics/meetings/" + DemoMeetingID + "/participants")["participants"].([]any) {
		if row := row.(map[string]any); row["user_id"] == LeaverParticipantID {
			found = row["leave_time"] == p["leave_time"]
		}
	}
	if !found {
		t.Error("leaver missing from the participant list or without leave_time")
	}
}

func TestScreenShareStartsAndStops(t *testing.T) {
	h := newHarness(t, Options{Seed: 3})
	h.clock.Add(10 * time.Minute)
	var pattern []bool
	for _, s := range samples(t, h.getJSON(qosPath(DemoMeetingID, SharerParticipantID))) {
		_, on := s["as_input"]
		pattern = append(pattern, on)
	}
	// off, then on, then off again.
	changes := 0
	for i := 1; i < len(pattern); i++ {
		if pattern[i] != pattern[i-1] {
			changes++
		}
	}
	if pattern[0] || changes < 2 {
		t.Errorf("as_input presence %v", pattern)
	}
	// Receivers see the share exactly when it happens; its first minute
	// has nothing drawn yet.
	shares := samples(t, h.getJSON(qosPath(DemoMeetingID, DemoParticipantID)))
	blank := 0
	for i, s := range shares {
		out, on := s["as_output"].(map[string]any)
		if on != pattern[i] {
			t.Errorf("sample %d: as_output %v while sharing %v", i, on, pattern[i])
		}
		if on && (i == 0 || !pattern[i-1]) {
			blank++
			if out["resolution"] != "0*0" || out["frame_rate"] != "" {
				t.Errorf("first share sample %v", out)
			}
		}
	}
	if blank == 0 {
		t.Error("no share start seen")
	}
}
