package sim

import (
	"net/url"
	"strings"
	"testing"
)

func webinarList(typ string) string {
	return "/metrics/webinars?" + url.Values{"type": {typ}, "from": {today()}, "to": {today()}}.Encode()
}

func TestWebinarsServedUnderTheirOwnPath(t *testing.T) {
	h := newHarness(t, Options{Seed: 1})
	live := h.getJSON(webinarList("live"))["webinars"].([]any)
	if len(live) != 1 || live[0].(map[string]any)["topic"] != "Product launch" {
		t.Fatalf("live webinars: %v; want the product launch alone", live)
	}
	past := h.getJSON(webinarList("past"))["webinars"].([]any)
	if len(past) != 1 || past[0].(map[string]any)["uuid"] != PastWebinarUUID {
		t.Fatalf("past webinars: %v; want the quarterly briefing", past)
	}
	if got := listed(t, h, "live"); got[WebinarID] {
		t.Error("the meeting list shows the webinar")
	}
	qos := h.getJSON("/metrics/webinars/" + WebinarID + "/participants/qos?page_size=10")
	if n := len(qos["participants"].([]any)); n != 5 {
		t.Errorf("webinar QoS page: %d attendees; want 5", n)
	}
	one := h.getJSON("/metrics/webinars/" + url.PathEscape(url.PathEscape(WebinarUUID)) + "/participants/16784002/qos")
	if one["user_name"] != "Tomás Ruiz" || len(samples(t, one)) == 0 {
		t.Errorf("one attendee: %v", one["user_name"])
	}
	for _, tc := range []struct {
		path   string
		status int
		code   int
	}{
		{"/metrics/meetings/" + WebinarID + "/participants/qos", 404, 3001}, // a webinar is not a meeting
		{"/metrics/webinars/" + DemoMeetingID + "/participants/qos", 404, 3001},
		{"/metrics/webinars/" + PastWebinarID + "/participants/qos?type=pastOne", 400, 300},
		{"/metrics/webinars/" + PastWebinarID + "/participants/qos?type=live", 404, 3001},
	} {
		if status, code := h.apiErr(tc.path); status != tc.status || code != tc.code {
			t.Errorf("%s: %d %d; want %d %d", tc.path, status, code, tc.status, tc.code)
		}
	}
	if st := h.sim.Stats(); st.Webinar != 7 {
		t.Errorf("webinar requests counted: %d; want 7", st.Webinar)
	}
}

func TestWebinarAndRoomScopes(t *testing.T) {
	h := newHarness(t, Options{NoWebinarScope: true, NoRoomScope: true})
	for _, path := range []string{webinarList("live"), "/metrics/webinars/" + WebinarID + "/participants/qos",
		"/metrics/zoomrooms", "/metrics/zoomrooms/" + IdleRoomID} {
		status, body, _ := h.get(path)
		if status != 400 || !strings.Contains(string(body), `"code":4700`) || !strings.Contains(string(body), ":read:admin") {
			t.Errorf("%s: %d %s; want 400, code 4700 naming the scope", path, status, body)
		}
	}
	if got := listed(t, h, "live"); !got[DemoMeetingID] {
		t.Error("without the webinar scope, meetings are still served")
	}
}

func TestRooms(t *testing.T) {
	h := newHarness(t, Options{})
	rooms := h.getJSON("/metrics/zoomrooms")["zoom_rooms"].([]any)
	status := map[string]string{}
	for _, r := range rooms {
		m := r.(map[string]any)
		status[m["room_name"].(string)] = m["status"].(string)
	}
	if len(rooms) != 4 || status["Boardroom 12"] != "Offline" || status["Conference Room 4B"] != "InMeeting" {
		t.Fatalf("rooms: %v", status)
	}
	d := h.getJSON("/metrics/zoomrooms/" + InMeetingRoomID)
	lm, _ := d["live_meeting"].(map[string]any)
	if lm == nil || lm["uuid"] != DemoMeetingUUID {
		t.Errorf("the room in a meeting: live_meeting %v; want the demo meeting", d["live_meeting"])
	}
	if d := h.getJSON("/metrics/zoomrooms/" + IdleRoomID); d["live_meeting"] != nil {
		t.Errorf("an idle room names a meeting: %v", d["live_meeting"])
	}
	if status, _ := h.apiErr("/metrics/zoomrooms/nope"); status != 404 {
		t.Errorf("unknown room: %d", status)
	}
	if st := h.sim.Stats(); st.ListRooms != 1 || st.Room != 3 {
		t.Errorf("room requests: %d list, %d details; want 1 and 3", st.ListRooms, st.Room)
	}
}
