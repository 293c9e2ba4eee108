package sim

import (
	"strconv"
	"testing"
	"time"
)

// With EndAfter the demo meeting is live, then over, as a watcher would
// meet it: the live call turns into Zoom's 404 code 3001, and the past
// call serves the whole meeting with everyone's leave_time at the end.
func TestEndAfter(t *testing.T) {
	h := newHarness(t, Options{EndAfter: 5 * time.Minute, PreHistory: 10})
	live := qosPath(DemoMeetingID, DemoParticipantID)
	p := h.getJSON(live)
	if lt := p["leave_time"]; lt != "" {
		t.Fatalf("before the end: leave_time %q", lt)
	}
	if got := listed(t, h, "live"); !got[DemoMeetingID] {
		t.Fatal("before the end the meeting is not listed live")
	}

	h.clock.Add(6 * time.Minute)
	if status, code := h.apiErr(live); status != 404 || code != 3001 {
		t.Fatalf("after the end the live call answers %d code %d, want 404 code 3001", status, code)
	}
	past := h.getJSON(live + "?type=past")
	ss := samples(t, past)
	if len(ss) != 16 { // 10 before the server started, the one at its start, 5 after
		t.Errorf("past call holds %d samples, want 16", len(ss))
	}
	end, err := time.Parse(time.RFC3339, past["leave_time"].(string))
	if err != nil {
		t.Fatalf("leave_time %q: %v", past["leave_time"], err)
	}
	last, _ := time.Parse(time.RFC3339, ss[len(ss)-1]["date_time"].(string))
	if !end.After(last) || end.After(testStart.Add(6*time.Minute)) {
		t.Errorf("the meeting ended at %v, last sample %v", end, last)
	}
	if got := listed(t, h, "past"); !got[DemoMeetingID] {
		t.Error("after the end the meeting is not listed as past")
	}
	if got := listed(t, h, "live"); got[DemoMeetingID] || !got[ReviewMeetingID] {
		t.Errorf("after the end the live list is %v: only the demo meeting ends", got)
	}
	for _, m := range h.sim.Meetings() {
		if m.ID == DemoMeetingID && m.Live {
			t.Error("Meetings() still calls it live")
		}
	}
}

func listed(t *testing.T, h *harness, typ string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, m := range h.getJSON(listPath(typ))["meetings"].([]any) {
		id := m.(map[string]any)["id"].(float64)
		out[strconv.FormatInt(int64(id), 10)] = true
	}
	return out
}
