package sim

import (
	"net/http"
	"net/url"
	"strconv"
)

// Zoom Rooms: /metrics/zoomrooms lists the account's rooms with their
// status, health and issues (Resource-intensive); /metrics/zoomrooms/{id}
// details one (Heavy), with the meeting it is in. Rooms have no QoS of
// their own: a room in a meeting is a participant row there, found by
// its name. Scope dashboard_zr:read:admin.

// RoomScope is the scope the Zoom Rooms endpoints need.
const RoomScope = "dashboard_zr:read:admin"

// The rooms, worst first as qostop ranks them: offline, with issues, in a
// meeting, idle.
const (
	// OfflineRoomID is "Boardroom 12": offline, so health Critical.
	OfflineRoomID = "rOFFb0ardr00m12AAAAAAA"
	// IssueRoomID is "Huddle 2A": available, its controller disconnected.
	IssueRoomID = "rISSuehudd1e2AAAAAAAAA"
	// InMeetingRoomID is "Conference Room 4B", in the demo meeting, where it
	// is the participant RoomParticipantID.
	InMeetingRoomID = "rC0nf4BinMeetingAAAAAA"
	// IdleRoomID is "Lobby display": available, healthy.
	IdleRoomID = "rL0bbyDisp1ayAAAAAAAAA"
)

// RoomInfo describes a room of the cast for tests and the demo.
type RoomInfo struct {
	ID, Name, Status, Health string
	Issues                   []string
	MeetingID                string // the live meeting it is in, or ""
}

// Rooms lists the rooms of the cast.
func (s *Server) Rooms() []RoomInfo {
	conf := RoomInfo{ID: InMeetingRoomID, Name: "Conference Room 4B", Status: "InMeeting", MeetingID: DemoMeetingID}
	if m := s.byID[DemoMeetingID]; m == nil || m.over(s.now()) {
		conf.Status, conf.MeetingID = "Available", "" // the meeting has ended (Options.EndAfter)
	}
	return []RoomInfo{
		{ID: OfflineRoomID, Name: "Boardroom 12", Status: "Offline", Health: "Critical", Issues: []string{"Zoom room is offline"}},
		{ID: IssueRoomID, Name: "Huddle 2A", Status: "Available", Health: "Warning", Issues: []string{"Room Controller disconnected"}},
		conf,
		{ID: IdleRoomID, Name: "Lobby display", Status: "Available"},
	}
}

type wireRoom struct {
	ID            string   `json:"id"`
	RoomName      string   `json:"room_name"`
	CalendarName  string   `json:"calendar_name"`
	Email         string   `json:"email"`
	AccountType   string   `json:"account_type"`
	Status        string   `json:"status"`
	DeviceIP      string   `json:"device_ip"`
	Camera        string   `json:"camera"`
	Microphone    string   `json:"microphone"`
	Speaker       string   `json:"speaker"`
	LastStartTime string   `json:"last_start_time"`
	Location      string   `json:"location"`
	Health        string   `json:"health"`
	Issues        []string `json:"issues"`
}

type wireRoomList struct {
	wirePage
	Rooms []wireRoom `json:"zoom_rooms"`
}

type wireLiveMeeting struct {
	ID    int64  `json:"id"`
	UUID  string `json:"uuid"`
	Topic string `json:"topic"`
}

type wireRoomDetails struct {
	wireRoom
	LiveMeeting *wireLiveMeeting `json:"live_meeting,omitempty"`
}

func roomRoute(segs []string) target {
	switch {
	case len(segs) == 0:
		return target{ep: epListRooms}
	case len(segs) == 1:
		id, err := url.PathUnescape(segs[0])
		if err != nil {
			id = segs[0]
		}
		return target{ep: epRoom, meeting: id}
	}
	return target{ep: epOther}
}

func (s *Server) wireRoom(r RoomInfo) wireRoom {
	return wireRoom{ID: r.ID, RoomName: r.Name, AccountType: "Work Email", Status: r.Status,
		DeviceIP: "Computer : 10.1.2.3", Camera: "Logitech Rally", Microphone: "Logitech Rally Mic Pod",
		Speaker: "Logitech Rally Speaker", Location: "HQ", Health: r.Health, Issues: append([]string{}, r.Issues...)}
}

func (s *Server) listRooms(q url.Values) reply {
	if s.opts.NoRoomScope {
		return missingScope(RoomScope)
	}
	rooms := s.Rooms()
	lo, hi, pg, bad := s.page(q, "zoomrooms", len(rooms), pageSpec{def: 30, max: 300}, s.now())
	if bad != nil {
		return *bad
	}
	out := wireRoomList{wirePage: pg, Rooms: []wireRoom{}}
	for _, r := range rooms[lo:hi] {
		out.Rooms = append(out.Rooms, s.wireRoom(r))
	}
	return jsonReply(http.StatusOK, out)
}

func (s *Server) roomDetails(id string) reply {
	if s.opts.NoRoomScope {
		return missingScope(RoomScope)
	}
	for _, r := range s.Rooms() {
		if r.ID != id {
			continue
		}
		out := wireRoomDetails{wireRoom: s.wireRoom(r)}
		if m := s.byID[r.MeetingID]; m != nil && !m.over(s.now()) {
			n, _ := strconv.ParseInt(m.id, 10, 64)
			out.LiveMeeting = &wireLiveMeeting{ID: n, UUID: m.uuid, Topic: m.topic}
		}
		return jsonReply(http.StatusOK, out)
	}
	return errorReply(http.StatusNotFound, 1012, "Room not found: "+id+".")
}
