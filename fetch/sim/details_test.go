package sim

import (
	"net/url"
	"testing"
	"time"
)

func TestMeetingDetails(t *testing.T) {
	h := newHarness(t, Options{})
	twice := func(s string) string { return url.PathEscape(url.PathEscape(s)) }
	for _, tt := range []struct {
		name, path, topic string
		participants      float64
	}{
		{"live by numeric ID", "/metrics/meetings/" + DemoMeetingID + "?type=live", "Incident bridge", 7},
		{"live, type defaults to live", "/metrics/meetings/" + DemoMeetingID, "Incident bridge", 7},
		{"live by UUID with //, encoded twice", "/metrics/meetings/" + twice(ReviewMeetingUUID), "Design review", 3},
		{"past by UUID with a leading /, encoded twice", "/metrics/meetings/" + twice(EndedMeetingUUID) + "?type=past", "", 4},
		{"master account path", "/accounts/me/metrics/meetings/" + AllHandsMeetingID, "", 42},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := h.getJSON(tt.path)
			if tt.topic != "" && m["topic"] != tt.topic {
				t.Errorf("topic %v, want %q", m["topic"], tt.topic)
			}
			if m["topic"] == "" || m["host"] == "" || m["start_time"] == "" || m["duration"] == "" || m["uuid"] == "" {
				t.Errorf("details lack topic, host, start_time, duration or uuid: %v", m)
			}
			if _, ok := m["has_screen_share"].(bool); !ok {
				t.Errorf("has_screen_share %v is not a bool", m["has_screen_share"])
			}
			if m["participants"] != tt.participants {
				t.Errorf("participants %v, want %v", m["participants"], tt.participants)
			}
		})
	}
	for _, tt := range []struct{ name, path string }{
		{"unknown ID", "/metrics/meetings/12345678901"},
		{"live call for an ended meeting", "/metrics/meetings/" + EndedMeetingID + "?type=live"},
		{"past call for a running meeting", "/metrics/meetings/" + DemoMeetingID + "?type=past"},
		{"UUID with // encoded once", "/metrics/meetings/" + url.PathEscape(ReviewMeetingUUID)},
		{"UUID with // raw", "/metrics/meetings/" + ReviewMeetingUUID},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if status, code := h.apiErr(tt.path); status != 404 || code != 3001 {
				t.Errorf("got %d code %d, want 404 code 3001", status, code)
			}
		})
	}
	if status, code := h.apiErr("/metrics/meetings/" + DemoMeetingID + "?type=yesterday"); status != 400 || code != 300 {
		t.Errorf("bad type: %d code %d, want 400 code 300", status, code)
	}
	// The raw "//" UUID splits into a path no route matches: "other".
	if st := h.sim.Stats(); st.Meeting != 10 || st.OtherAPI != 1 || st.APIRequests() != 11 {
		t.Errorf("stats: %d meeting, %d other, %d in all; want 10, 1, 11", st.Meeting, st.OtherAPI, st.APIRequests())
	}
}

// Once the demo meeting ends, its details move from live to past, with
// the end fixing the duration.
func TestMeetingDetailsAfterEnd(t *testing.T) {
	h := newHarness(t, Options{EndAfter: 3 * time.Minute})
	live := h.getJSON("/metrics/meetings/" + DemoMeetingID)
	h.clock.Add(10 * time.Minute)
	if status, code := h.apiErr("/metrics/meetings/" + DemoMeetingID); status != 404 || code != 3001 {
		t.Fatalf("live call after the end: %d code %d", status, code)
	}
	past := h.getJSON("/metrics/meetings/" + DemoMeetingID + "?type=past")
	if past["topic"] != live["topic"] || past["end_time"] == nil || past["duration"] == live["duration"] {
		t.Errorf("past details %v after live %v", past, live)
	}
	h.clock.Add(10 * time.Minute)
	if again := h.getJSON("/metrics/meetings/" + DemoMeetingID + "?type=past"); again["duration"] != past["duration"] {
		t.Errorf("an ended meeting's duration moved: %v then %v", past["duration"], again["duration"])
	}
}
