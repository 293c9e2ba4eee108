package sim

import (
	"net/url"
	"testing"
)

func TestMeetingIDEncoding(t *testing.T) {
	h := newHarness(t, Options{})
	once := url.PathEscape
	twice := func(s string) string { return url.PathEscape(url.PathEscape(s)) }
	qos := func(id, typ string) string { return "/metrics/meetings/" + id + "/participants/qos?type=" + typ }
	for _, tt := range []struct {
		name, path string
		ok         bool
	}{
		{"numeric", qos(ReviewMeetingID, "live"), true},
		{"uuid with // twice encoded", qos(twice(ReviewMeetingUUID), "live"), true},
		{"uuid with // once encoded", qos(once(ReviewMeetingUUID), "live"), false},
		{"uuid with // raw", qos(ReviewMeetingUUID, "live"), false},
		{"uuid with leading / twice encoded", qos(twice(EndedMeetingUUID), "past"), true},
		{"uuid with leading / once encoded", qos(once(EndedMeetingUUID), "past"), false},
		{"plain uuid once encoded", qos(once(DemoMeetingUUID), "live"), true},
		{"plain uuid twice encoded", qos(twice(DemoMeetingUUID), "live"), true},
		{"participant endpoint, twice encoded", qosPath(twice(ReviewMeetingUUID), "16779265"), true},
		{"participant endpoint, once encoded", qosPath(once(ReviewMeetingUUID), "16779265"), false},
		{"participants list, once encoded", "/metrics/meetings/" + once(ReviewMeetingUUID) + "/participants", false},
		{"master account path", "/accounts/me/metrics/meetings/" + DemoMeetingID + "/participants/qos", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			status, body, _ := h.get(tt.path)
			m := decode(t, body)
			if tt.ok && status != 200 {
				t.Errorf("got %d %v", status, m)
			}
			if !tt.ok && (status != 404 || m["code"] != 3001.0) {
				t.Errorf("got %d %v, want 404 code 3001", status, m)
			}
		})
	}
}

func TestEndedMeeting(t *testing.T) {
	h := newHarness(t, Options{})
	list := "/metrics/meetings/" + EndedMeetingID + "/participants/qos?page_size=10"
	if status, code := h.apiErr(list + "&type=live"); status != 404 || code != 3001 {
		t.Errorf("live call for an ended meeting: %d %d", status, code)
	}
	if status, code := h.apiErr(qosPath(EndedMeetingID, "16782338")); status != 404 || code != 3001 {
		t.Errorf("default type for an ended meeting: %d %d", status, code)
	}
	if status, code := h.apiErr("/metrics/meetings/" + DemoMeetingID + "/participants?type=past"); status != 404 || code != 3001 {
		t.Errorf("past call for a live meeting: %d %d", status, code)
	}
	page := h.getJSON(list + "&type=past")
	ps := page["participants"].([]any)
	if len(ps) != 4 {
		t.Fatalf("%d participants", len(ps))
	}
	for _, p := range ps {
		p := p.(map[string]any)
		if p["leave_time"] == "" || len(samples(t, p)) != 45 {
			t.Errorf("%v: leave_time %q, %d samples", p["user_name"], p["leave_time"], len(samples(t, p)))
		}
	}
}
