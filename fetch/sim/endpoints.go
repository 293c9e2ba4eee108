package sim

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

type wireMeeting struct {
	UUID             string `json:"uuid"`
	ID               int64  `json:"id"`
	Topic            string `json:"topic"`
	Host             string `json:"host"`
	Email            string `json:"email"`
	UserType         string `json:"user_type"`
	StartTime        string `json:"start_time"`
	EndTime          string `json:"end_time,omitempty"`
	Duration         string `json:"duration"`
	Participants     int    `json:"participants"`
	HasPSTN          bool   `json:"has_pstn"`
	HasVoIP          bool   `json:"has_voip"`
	Has3rdPartyAudio bool   `json:"has_3rd_party_audio"`
	HasVideo         bool   `json:"has_video"`
	HasScreenShare   bool   `json:"has_screen_share"`
	HasRecording     bool   `json:"has_recording"`
	HasSIP           bool   `json:"has_sip"`
	HasArchiving     bool   `json:"has_archiving"`
	InRoomParts      int    `json:"in_room_participants"`
	Dept             string `json:"dept"`
}

type wireMeetingList struct {
	From string `json:"from"`
	To   string `json:"to"`
	wirePage
	Meetings []wireMeeting `json:"meetings"`
}

type wireParticipantList struct {
	wirePage
	Participants []wireParticipant `json:"participants"`
}

type wireQoSList struct {
	wirePage
	Participants []wireQoSParticipant `json:"participants"`
}

// wantPast reads type: live (the default) or one of the past kinds.
func wantPast(q url.Values) (past bool, rep *reply) {
	switch q.Get("type") {
	case "", "live":
		return false, nil
	case "past", "pastOne":
		return true, nil
	}
	r := badRequest("Invalid field: type.")
	return false, &r
}

func (s *Server) listMeetings(q url.Values, webinars bool) reply {
	past, bad := wantPast(q)
	if bad != nil {
		return *bad
	}
	var days [2]time.Time
	for i, name := range []string{"from", "to"} {
		v := q.Get(name)
		if v == "" {
			return badRequest("The " + name + " field is required.")
		}
		d, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return badRequest("Invalid field: " + name + ".")
		}
		days[i] = d
	}
	if days[1].Before(days[0]) {
		return badRequest("The to date must not be earlier than the from date.")
	}
	now := s.now()
	var rows []wireMeeting
	for _, m := range s.meetings {
		if m.over(now) != past || m.webinar != webinars {
			continue
		}
		// from/to select past meetings by start date. A live meeting is
		// listed whatever the dates: a client whose local "today" is not
		// UTC's must still find the meeting it is in.
		day := m.start().Truncate(24 * time.Hour)
		if past && (day.Before(days[0]) || day.After(days[1])) {
			continue
		}
		rows = append(rows, s.meetingRow(m, now))
	}
	lo, hi, pg, bad := s.page(q, "meetings", len(rows), pageSpec{def: 30, max: 300}, now)
	if bad != nil {
		return *bad
	}
	if webinars {
		return jsonReply(http.StatusOK, wireWebinarList{From: q.Get("from"), To: q.Get("to"),
			wirePage: pg, Webinars: append([]wireMeeting{}, rows[lo:hi]...)})
	}
	return jsonReply(http.StatusOK, wireMeetingList{From: q.Get("from"), To: q.Get("to"),
		wirePage: pg, Meetings: append([]wireMeeting{}, rows[lo:hi]...)})
}

func (s *Server) meetingRow(m *meeting, now time.Time) wireMeeting {
	id, _ := strconv.ParseInt(m.id, 10, 64)
	end, count := now, 0
	if m.over(now) {
		end = m.end()
	}
	for _, p := range m.members {
		if m.present(p, now) && (m.over(now) || m.leaveTime(p, now).IsZero()) {
			count++
		}
	}
	// Looking back two share cycles is enough to see any of the cast's
	// shares, and keeps the cost of a request flat however long we run.
	sharing := false
	for k := max(0, m.current(now)-48); k <= m.current(now); k++ {
		if who, _ := m.share(k); who != nil {
			sharing = true
			break
		}
	}
	d := end.Sub(m.start()).Round(time.Second)
	w := wireMeeting{UUID: m.uuid, ID: id, Topic: m.topic, Host: m.host, Email: m.hostEmail,
		UserType: "Business", StartTime: stamp(m.start()),
		Duration:     fmt.Sprintf("%02d:%02d:%02d", int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60),
		Participants: count, HasVoIP: true, HasVideo: true, HasScreenShare: sharing,
		HasSIP: m.id == DemoMeetingID, Dept: "Engineering"}
	if m.over(now) {
		w.EndTime = stamp(m.end())
	}
	return w
}

// meetingFor finds a meeting and checks it against type: live calls for a
// meeting that has ended, and past calls for one still running, find
// nothing, as on Zoom.
func (s *Server) meetingFor(id string, q url.Values) (*meeting, *reply) {
	past, bad := wantPast(q)
	if bad != nil {
		return nil, bad
	}
	m, ok := s.byID[id]
	if !ok || m.over(s.now()) != past {
		r := meetingNotFound(id)
		return nil, &r
	}
	return m, nil
}

// presentAt lists the members who have joined by now, in join order.
func (s *Server) presentAt(m *meeting, now time.Time) []*member {
	var ps []*member
	for _, p := range m.members {
		if m.present(p, now) {
			ps = append(ps, p)
		}
	}
	return ps
}

func (s *Server) participants(id string, q url.Values) reply {
	m, bad := s.meetingFor(id, q)
	if bad != nil {
		return *bad
	}
	now := s.now()
	ps := s.presentAt(m, now)
	lo, hi, pg, bad := s.page(q, "participants/"+m.id, len(ps), pageSpec{def: 30, max: 300}, now)
	if bad != nil {
		return *bad
	}
	out := wireParticipantList{wirePage: pg, Participants: []wireParticipant{}}
	for _, p := range ps[lo:hi] {
		out.Participants = append(out.Participants, s.listParticipant(m, p, now))
	}
	return jsonReply(http.StatusOK, out)
}

func (s *Server) participantsQoS(id string, q url.Values) reply {
	m, bad := s.meetingFor(id, q)
	if bad != nil {
		return *bad
	}
	now := s.now()
	ps := s.presentAt(m, now)
	lo, hi, pg, bad := s.page(q, "qos/"+m.id, len(ps), pageSpec{def: 1, max: 10, strict: true}, now)
	if bad != nil {
		return *bad
	}
	out := wireQoSList{wirePage: pg, Participants: []wireQoSParticipant{}}
	for _, p := range ps[lo:hi] {
		out.Participants = append(out.Participants, s.qosParticipant(m, p, now))
	}
	return jsonReply(http.StatusOK, out)
}

func (s *Server) participantQoS(id, pid string, q url.Values) reply {
	m, bad := s.meetingFor(id, q)
	if bad != nil {
		return *bad
	}
	now := s.now()
	for _, p := range m.members {
		if p.userID == pid && m.present(p, now) {
			lo, hi := m.samples(p, now, s.opts.ServeLast)
			return s.servedReply(jsonReply(http.StatusOK, s.qosParticipant(m, p, now)), m, p, lo, hi)
		}
	}
	// Zoom's code for an unknown user; the dashboard has no
	// participant-specific one that we know of.
	return errorReply(http.StatusNotFound, 1001, "Participant does not exist: "+pid+".")
}
