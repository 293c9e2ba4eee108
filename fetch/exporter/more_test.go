package exporter_test

import (
	"strings"
	"testing"

	"github.com/qostop/qostop/fetch/exporter"
	"github.com/qostop/qostop/fetch/sim"
)

// --webinars polls the live webinar as a meeting, every series labelled
// kind="webinar"; --rooms exports each room's status and health from
// fixed sets of values.
func TestExporterWebinarsAndRooms(t *testing.T) {
	z := frozenZoom(t, sim.Options{Seed: 4})
	r := startExporter(t, exporter.Options{Config: z.Config(), Budget: budget(t, 1000, nil), Webinars: true, Rooms: true})
	all := waitFor(t, r, "the webinar's five attendees and the rooms", func(all []series) bool {
		return len(find(all, "zoom_qos_sample_timestamp_seconds", map[string]string{"kind": "webinar"})) == 5 &&
			len(find(all, "zoom_room_status", nil)) == 4
	})
	if got := find(all, "zoom_meeting_participants", map[string]string{"meeting_id": sim.WebinarID, "kind": "webinar"}); len(got) != 1 || got[0].value != 5 {
		t.Errorf("the webinar's participants: %v", got)
	}
	if got := find(all, "zoom_qos_latency_seconds", map[string]string{"meeting_id": sim.DemoMeetingID, "kind": "meeting"}); len(got) == 0 {
		t.Error("the meetings lost their kind label")
	}
	for _, want := range []map[string]string{
		{"room_id": sim.OfflineRoomID, "status": "offline"},
		{"room_id": sim.InMeetingRoomID, "status": "in_meeting"},
		{"room_id": sim.IssueRoomID, "status": "available"},
	} {
		if got := find(all, "zoom_room_status", want); len(got) != 1 || got[0].value != 1 {
			t.Errorf("zoom_room_status%v: %v", want, got)
		}
	}
	if got := find(all, "zoom_room_health", map[string]string{"room_id": sim.OfflineRoomID, "health": "critical"}); len(got) != 1 {
		t.Errorf("the offline room's health: %v", got)
	}
	if got := find(all, "zoom_room_issues", map[string]string{"room_id": sim.IssueRoomID}); len(got) != 1 || got[0].value != 1 {
		t.Errorf("the room with an issue: %v", got)
	}
	if got := find(all, "qostop_zoom_requests_total", map[string]string{"endpoint": "webinar_participants_qos", "code": "200"}); len(got) != 1 {
		t.Errorf("requests_total for the webinar's QoS: %v", got)
	}
	if _, body := r.get(t, "/metrics"); strings.Contains(body, "Boardroom") {
		t.Error("room names exported without --names")
	}
}

// An account without the webinar and rooms scopes: said once, not asked
// again, and the meetings are served all the same.
func TestExporterWithoutWebinarScope(t *testing.T) {
	z := frozenZoom(t, sim.Options{NoWebinarScope: true, NoRoomScope: true})
	r := startExporter(t, exporter.Options{Config: z.Config(), Budget: budget(t, 1000, nil), Webinars: true, Rooms: true})
	waitFor(t, r, "the meetings", func(all []series) bool {
		return len(find(all, "zoom_meeting_participants", nil)) == 3
	})
	logs := r.logs.String()
	if strings.Count(logs, "list live webinars: refused") != 1 || !strings.Contains(logs, "dashboard_webinars:read:admin") {
		t.Errorf("want the webinar refusal logged once, naming the scope:\n%s", logs)
	}
	if st := z.Sim.Stats(); st.Webinar != 1 || st.ListRooms != 1 {
		t.Errorf("asked %d times for webinars and %d for rooms; want once each", st.Webinar, st.ListRooms)
	}
}
