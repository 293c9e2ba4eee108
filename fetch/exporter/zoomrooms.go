package exporter

import (
	"strings"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/qostop/qostop/model"
)

// maxRooms bounds the Zoom Rooms kept, as maxMeetings bounds meetings.
const maxRooms = 5000

// Zoom Rooms' status and health. Their label values come from fixed sets
// (whatever else Zoom sends is "other"), so a hostile or new status adds
// no series; the room's name is a label only with --names.
var (
	roomStatusDesc = prometheus.NewDesc("zoom_room_status",
		"Zoom Room status (value 1 for the current one): offline, available, in_meeting, under_construction or other.",
		[]string{"room_id", "status"}, nil)
	roomHealthDesc = prometheus.NewDesc("zoom_room_health",
		"Zoom Room health (value 1 for the current one): ok, warning, critical or other.",
		[]string{"room_id", "health"}, nil)
	roomIssuesDesc = prometheus.NewDesc("zoom_room_issues",
		"Issues the Dashboard lists for the Zoom Room (e.g. Room Controller disconnected).", []string{"room_id"}, nil)
	roomInfoDesc = prometheus.NewDesc("zoom_room_info", "What a room_id is (value 1); only with --names.",
		[]string{"room_id", "name"}, nil)
)

// setRooms keeps the newest room list, at most maxRooms of it.
func (s *snapshot) setRooms(rooms []model.Room) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.zoomRooms = rooms[:min(len(rooms), maxRooms)]
}

func (c *qosCollector) collectRooms(ch chan<- prometheus.Metric) {
	c.snap.mu.Lock()
	defer c.snap.mu.Unlock()
	for _, r := range c.snap.zoomRooms {
		send(ch, roomStatusDesc, 1, r.ID, roomStatusLabel(r.Status))
		send(ch, roomHealthDesc, 1, r.ID, roomHealthLabel(r.Health))
		send(ch, roomIssuesDesc, float64(len(r.Issues)), r.ID)
		if c.names {
			send(ch, roomInfoDesc, 1, r.ID, c.text(r.Name))
		}
	}
}

func roomStatusLabel(s string) string {
	switch strings.ToLower(s) {
	case "offline":
		return "offline"
	case "available":
		return "available"
	case "inmeeting":
		return "in_meeting"
	case "underconstruction":
		return "under_construction"
	}
	return "other"
}

func roomHealthLabel(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "good", "normal":
		return "ok"
	case "warning":
		return "warning"
	case "critical":
		return "critical"
	}
	return "other"
}
