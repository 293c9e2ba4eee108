package sim

import (
	"net/http"
	"net/url"
	"strings"
)

type endpoint int

const (
	epOther endpoint = iota
	epListMeetings
	epParticipants
	epParticipantsQoS
	epParticipantQoS
	epMeeting
	epListRooms
	epRoom
)

// target is a routed API request. err is set when the path names a
// meeting it cannot reach, which Zoom answers with 3001 whatever the
// endpoint.
type target struct {
	ep          endpoint
	webinar     bool // under /metrics/webinars: the same endpoints for webinars
	meeting     string
	participant string
	err         *reply
}

// parseRoute works on the escaped path, not r.URL.Path, because how a
// meeting UUID was encoded decides whether Zoom finds the meeting.
func parseRoute(r *http.Request) target {
	p := strings.TrimPrefix(r.URL.EscapedPath(), "/v2")
	segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
	// Every path also exists under /accounts/{accountId}/ for master
	// accounts; the simulator has one account and serves it either way.
	if len(segs) >= 2 && segs[0] == "accounts" {
		segs = segs[2:]
	}
	if len(segs) >= 2 && segs[0] == "metrics" && segs[1] == "zoomrooms" {
		return roomRoute(segs[2:])
	}
	if len(segs) < 2 || segs[0] != "metrics" || (segs[1] != "meetings" && segs[1] != "webinars") {
		return target{}
	}
	t := meetingRoute(segs[2:])
	t.webinar = segs[1] == "webinars"
	return t
}

// meetingRoute routes what follows /metrics/meetings or /metrics/webinars.
func meetingRoute(segs []string) target {
	switch {
	case len(segs) == 0:
		return target{ep: epListMeetings}
	case len(segs) == 1:
		return meetingTarget(epMeeting, segs[0], "")
	case len(segs) == 2 && segs[1] == "participants":
		return meetingTarget(epParticipants, segs[0], "")
	case len(segs) == 3 && segs[1] == "participants" && segs[2] == "qos":
		return meetingTarget(epParticipantsQoS, segs[0], "")
	case len(segs) == 4 && segs[1] == "participants" && segs[3] == "qos":
		pid, err := url.PathUnescape(segs[2])
		if err != nil {
			pid = segs[2]
		}
		return meetingTarget(epParticipantQoS, segs[0], pid)
	}
	// A raw "/" or "//" from an unencoded UUID splits the path into pieces
	// no route matches; Zoom calls that a missing meeting.
	rep := meetingNotFound(strings.Join(segs, "/"))
	return target{ep: epOther, err: &rep}
}

func meetingTarget(ep endpoint, raw, participant string) target {
	id, ok := decodeMeetingID(raw)
	if !ok {
		rep := meetingNotFound(id)
		return target{ep: ep, meeting: id, participant: participant, err: &rep}
	}
	return target{ep: ep, meeting: id, participant: participant}
}

// decodeMeetingID undoes one or two rounds of URL encoding. Zoom requires
// a UUID that begins with "/" or contains "//" to arrive encoded twice;
// encoded once, it reaches Zoom mangled and the meeting is not found, and
// ok is false here to answer the same way.
func decodeMeetingID(raw string) (id string, ok bool) {
	once, err := url.PathUnescape(raw)
	if err != nil {
		return raw, false
	}
	if strings.Contains(once, "%") {
		twice, err := url.PathUnescape(once)
		if err != nil {
			return once, false
		}
		return twice, true
	}
	if strings.HasPrefix(once, "/") || strings.Contains(once, "//") {
		return once, false
	}
	return once, true
}
