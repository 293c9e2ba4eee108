package sim

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHostileParticipant(t *testing.T) {
	h := newHarness(t, Options{Hostile: true})
	_, body, _ := h.get(qosPath(DemoMeetingID, HostileParticipantID))
	if utf8.Valid(body) {
		t.Error("hostile payload is valid UTF-8")
	}
	p := decode(t, body)
	name, loc := p["user_name"].(string), p["location"].(string)
	for _, seq := range []string{"\x1b]0;", "\x1b[2J", "\x1b]52;c;", "\u202e"} {
		if !strings.Contains(name, seq) {
			t.Errorf("user_name lacks %q", seq)
		}
	}
	if !strings.Contains(loc, "\x1b[") || !strings.Contains(loc, "\u202e") {
		t.Errorf("location %q", loc)
	}
	var info ParticipantInfo
	for _, m := range h.sim.Meetings() {
		for _, pi := range m.Participants {
			if pi.Role == RoleHostile {
				info = pi
			}
		}
	}
	if info.UserID != HostileParticipantID || utf8.ValidString(info.UserName) || strings.Contains(info.UserName, badUTF8Sentinel) {
		t.Errorf("Meetings() reports %q", info.UserName)
	}

	calm := newHarness(t, Options{})
	if status, _ := calm.apiErr(qosPath(DemoMeetingID, HostileParticipantID)); status != 404 {
		t.Errorf("hostile participant without the option: %d", status)
	}
	_, all, _ := calm.get("/metrics/meetings/" + DemoMeetingID + "/participants/qos?page_size=10")
	if !utf8.Valid(all) || bytes.Contains(all, []byte(`\u001b`)) {
		t.Error("escape sequences without the Hostile option")
	}
}
