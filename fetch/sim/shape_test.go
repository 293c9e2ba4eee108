package sim

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The value forms Zoom sends, quirks included; "" is allowed where a
// reading can be missing.
var (
	reKbps = regexp.MustCompile(`^\d+(\.\d+)? ?kbps$`)
	reMS   = regexp.MustCompile(`^(\d+ ms|0ms)$`)
	rePct  = regexp.MustCompile(`^\d+\.\d{1,2}%$`)
	reFPS  = regexp.MustCompile(`^\d+ fps$`)
	reRes  = regexp.MustCompile(`^\d+\*\d+$`)
	reCPU  = regexp.MustCompile(`^\d+%$`)
)

func hasKeys(t *testing.T, what string, m map[string]any, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("%s: key %q missing", what, k)
		}
	}
}

func matches(t *testing.T, what string, v any, re *regexp.Regexp, emptyOK bool) {
	t.Helper()
	s, ok := v.(string)
	if !ok || !(re.MatchString(s) || emptyOK && s == "") {
		t.Errorf("%s = %#v, want %s", what, v, re)
	}
}

// checkSample checks every stream and machine reading of one user_qos
// element and returns the stream names it holds.
func checkSample(t *testing.T, smp map[string]any) []string {
	t.Helper()
	ts, _ := smp["date_time"].(string)
	if _, err := time.Parse("2006-01-02T15:04:05Z", ts); err != nil {
		t.Errorf("date_time %q: %v", ts, err)
	}
	var streams []string
	for name, v := range smp {
		obj, _ := v.(map[string]any)
		switch {
		case name == "date_time":
		case name == "cpu_usage":
			for _, k := range []string{"zoom_min_cpu_usage", "zoom_avg_cpu_usage", "zoom_max_cpu_usage", "system_max_cpu_usage"} {
				matches(t, name+"."+k, obj[k], reCPU, false)
			}
		case name == "wifi_rssi":
			for _, k := range []string{"max_rssi", "avg_rssi", "min_rssi"} {
				if f, ok := obj[k].(float64); !ok || f > -20 || f < -100 || f != float64(int(f)) {
					t.Errorf("%s.%s = %v", name, k, obj[k])
				}
			}
			if obj["rssi_unit"] != "dBm" {
				t.Errorf("rssi_unit %v", obj["rssi_unit"])
			}
		case name == "cpu_pressure_level":
			hasKeys(t, name, obj, "system_min_cpu_pressure_level", "system_avg_cpu_pressure_level", "system_max_cpu_pressure_level")
		default:
			streams = append(streams, name)
			matches(t, name+".bitrate", obj["bitrate"], reKbps, false)
			matches(t, name+".latency", obj["latency"], reMS, true)
			matches(t, name+".jitter", obj["jitter"], reMS, false)
			matches(t, name+".avg_loss", obj["avg_loss"], rePct, false)
			matches(t, name+".max_loss", obj["max_loss"], rePct, false)
			_, fr := obj["frame_rate"]
			_, res := obj["resolution"]
			if strings.HasPrefix(name, "audio") {
				if fr || res {
					t.Errorf("%s has video fields", name)
				}
				continue
			}
			matches(t, name+".resolution", obj["resolution"], reRes, false)
			blank := obj["resolution"] == "0*0"
			matches(t, name+".frame_rate", obj["frame_rate"], reFPS, blank)
		}
	}
	return streams
}

func TestListMeetingsShape(t *testing.T) {
	h := newHarness(t, Options{Seed: 3})
	live := h.getJSON(listPath("live"))
	hasKeys(t, "list", live, "from", "to", "page_count", "page_size", "total_records", "next_page_token", "meetings")
	ms := live["meetings"].([]any)
	if len(ms) != 3 || live["total_records"] != 3.0 || live["next_page_token"] != "" {
		t.Fatalf("live meetings: %v", live)
	}
	ids := map[string]bool{}
	for _, m := range ms {
		m := m.(map[string]any)
		hasKeys(t, "meeting", m, "uuid", "id", "topic", "host", "email", "start_time", "duration",
			"participants", "has_video", "has_screen_share")
		if _, ok := m["id"].(float64); !ok {
			t.Errorf("id %#v is not a number", m["id"])
		}
		ids[m["uuid"].(string)] = true
	}
	if !ids[DemoMeetingUUID] || !ids[ReviewMeetingUUID] || !ids[AllHandsMeetingUUID] {
		t.Errorf("live uuids %v", ids)
	}
	past := h.getJSON("/metrics/meetings?type=past&from=2026-03-01&to=2026-03-31")["meetings"].([]any)
	if len(past) != 1 || past[0].(map[string]any)["uuid"] != EndedMeetingUUID {
		t.Errorf("past meetings %v", past)
	}
	if past[0].(map[string]any)["end_time"] == nil {
		t.Error("ended meeting has no end_time")
	}
	for _, q := range []string{"type=live", "type=live&from=2026-03-09", "type=live&to=2026-03-09",
		"from=2026-3-9&to=2026-03-09", "from=2026-03-10&to=2026-03-09", "type=bogus&from=2026-03-09&to=2026-03-09",
		"from=2026-03-09&to=2026-03-09&page_size=x"} {
		if status, code := h.apiErr("/metrics/meetings?" + q); status != 400 || code != 300 {
			t.Errorf("%s: %d %d, want 400 300", q, status, code)
		}
	}
}

func TestParticipantQoSShape(t *testing.T) {
	h := newHarness(t, Options{Seed: 4})
	for _, m := range h.sim.Meetings() {
		if !m.Live {
			continue
		}
		for _, p := range m.Participants {
			t.Run(m.Topic+"/"+p.UserID, func(t *testing.T) {
				obj := h.getJSON(qosPath(m.ID, p.UserID))
				hasKeys(t, "participant", obj, "id", "user_id", "user_name", "email", "device", "location",
					"network_type", "data_center", "join_time", "leave_time", "health", "user_qos")
				if obj["user_id"] != p.UserID {
					t.Errorf("user_id %v", obj["user_id"])
				}
				smps := samples(t, obj)
				if len(smps) == 0 {
					t.Fatal("no samples")
				}
				for _, smp := range smps {
					checkSample(t, smp)
					_, wifi := smp["wifi_rssi"]
					if wifi != (obj["network_type"] == "Wifi") {
						t.Errorf("wifi_rssi %v on %v", wifi, obj["network_type"])
					}
				}
			})
		}
	}
}

// streamsOf collects every stream name p's samples hold.
func streamsOf(t *testing.T, h *harness, meeting, pid string) map[string]bool {
	t.Helper()
	seen := map[string]bool{}
	for _, smp := range samples(t, h.getJSON(qosPath(meeting, pid))) {
		for _, n := range checkSample(t, smp) {
			seen[n] = true
		}
	}
	return seen
}

func TestCastStreams(t *testing.T) {
	h := newHarness(t, Options{Seed: 5})
	tests := []struct {
		pid       string
		want, not []string
	}{
		{DemoParticipantID, []string{"audio_input", "audio_output", "video_input", "video_output", "as_output"},
			[]string{"as_input", "audio_device_from_crc", "audio_device_from_rwg"}},
		{RoomParticipantID, []string{"audio_device_from_crc", "audio_device_to_crc", "video_device_from_crc",
			"video_device_to_crc", "as_device_to_crc"}, []string{"audio_input", "audio_output", "audio_device_from_rwg"}},
		{WebParticipantID, []string{"audio_device_from_rwg", "audio_device_to_rwg", "video_device_from_rwg",
			"video_device_to_rwg", "as_device_to_rwg"}, []string{"audio_input", "audio_device_from_crc"}},
		{VideoOffParticipantID, []string{"audio_input", "video_output"}, []string{"video_input"}},
		{SharerParticipantID, []string{"as_input"}, []string{"as_output"}},
	}
	for _, tt := range tests {
		t.Run(tt.pid, func(t *testing.T) {
			seen := streamsOf(t, h, DemoMeetingID, tt.pid)
			for _, n := range tt.want {
				if !seen[n] {
					t.Errorf("no %s in %v", n, seen)
				}
			}
			for _, n := range tt.not {
				if seen[n] {
					t.Errorf("unexpected %s", n)
				}
			}
		})
	}
	ext := h.getJSON(qosPath(DemoMeetingID, ExternalParticipantID))
	if ext["user_name"] != "" || ext["email"] != "" || ext["id"] != "" {
		t.Errorf("external user identity %v %v %v", ext["user_name"], ext["email"], ext["id"])
	}
	room := h.getJSON(qosPath(DemoMeetingID, RoomParticipantID))
	if room["device"] != "H.323/SIP" {
		t.Errorf("room device %v", room["device"])
	}
	for _, smp := range samples(t, room) {
		if _, ok := smp["cpu_usage"]; ok {
			t.Error("a room connector reports Zoom client CPU")
		}
	}
}

func TestParticipantsShape(t *testing.T) {
	h := newHarness(t, Options{Seed: 6})
	list := h.getJSON("/metrics/meetings/" + DemoMeetingID + "/participants")
	hasKeys(t, "list", list, "page_count", "page_size", "total_records", "next_page_token", "participants")
	ps := list["participants"].([]any)
	if len(ps) != 7 || list["page_size"] != 30.0 {
		t.Fatalf("%d participants, page_size %v", len(ps), list["page_size"])
	}
	for _, p := range ps {
		p := p.(map[string]any)
		hasKeys(t, "participant", p, "id", "user_id", "user_name", "device", "ip_address", "location",
			"network_type", "data_center", "join_time", "email", "audio_quality", "video_quality",
			"screen_share_quality", "status")
		if _, ok := p["user_qos"]; ok {
			t.Error("the list carries samples")
		}
	}
}

func TestParticipantsQoSShape(t *testing.T) {
	h := newHarness(t, Options{Seed: 7})
	list := h.getJSON("/metrics/meetings/" + ReviewMeetingID + "/participants/qos")
	hasKeys(t, "list", list, "page_count", "page_size", "total_records", "next_page_token", "participants")
	if list["page_size"] != 1.0 || list["total_records"] != 3.0 || list["page_count"] != 3.0 || list["next_page_token"] == "" {
		t.Errorf("default paging: %v %v %v %v", list["page_size"], list["total_records"], list["page_count"], list["next_page_token"])
	}
	p := list["participants"].([]any)[0].(map[string]any)
	for _, smp := range samples(t, p) {
		checkSample(t, smp)
	}
}

func TestNotFound(t *testing.T) {
	h := newHarness(t, Options{})
	status, body, _ := h.get("/metrics/meetings/123/participants/qos")
	if m := decode(t, body); status != 404 || m["code"] != 3001.0 || m["message"] != "Meeting does not exist: 123." {
		t.Errorf("unknown meeting: %d %v", status, m)
	}
	if status, code := h.apiErr(qosPath(DemoMeetingID, "999")); status != 404 || code == 3001 {
		t.Errorf("unknown participant: %d %d", status, code)
	}
	if status, _ := h.apiErr("/users/me"); status != http.StatusNotFound {
		t.Errorf("unknown path: %d", status)
	}
}
