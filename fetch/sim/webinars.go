package sim

import (
	"net/http"
	"net/url"
	"time"
)

// Webinars: Zoom serves them under /metrics/webinars with the meetings'
// shapes, so the simulator keeps them as meetings with a flag and routes
// both families to the same handlers. type is only live or past there,
// and a token without dashboard_webinars:read:admin is refused (4700).
const (
	// WebinarID is the live webinar, "Product launch", with a presenter
	// and four attendees.
	WebinarID   = "91234567890"
	WebinarUUID = "Wb7nQk2LxR0uTz4yHs8VdA=="
	// PastWebinarID ended before the server started: type=past only.
	PastWebinarID   = "97755331100"
	PastWebinarUUID = "Pw3sEx9KqN1mBv6cJt2LfQ=="
	// WebinarScope is the scope the webinar endpoints need.
	WebinarScope = "dashboard_webinars:read:admin"
)

// webinars builds the live webinar and the past one.
func (s *Server) webinars() []*meeting {
	priya := person("16784001", "Priya Natarajan", "Mac", "Wired", "Austin (US)", RoleSharer)
	launch := &meeting{id: WebinarID, uuid: WebinarUUID, topic: "Product launch", webinar: true,
		host: priya.name, hostEmail: priya.email, t0: s.t0, every: s.opts.SampleEvery}
	launch.members = []*member{priya,
		person("16784002", "Tomás Ruiz", "Windows", "Wifi", "Madrid (ES)", RoleRegular),
		person("16784003", "Olu Adebayo", "Android", "Cellular", "Lagos (NG)", RoleRegular),
		person("16784004", "Sven Berg", "Linux", "Wired", "Oslo (NO)", RoleRegular),
		person("16784005", "Yuki Sato", "iOS", "Wifi", "Tokyo (JP)", RoleRegular)}
	launch.share = func(k int) (*member, bool) { return priya, k == 0 }

	pre := s.opts.PreHistory
	kai := person("16785001", "Kai Müller", "Windows", "Wired", "Munich (DE)", RoleSharer)
	past := &meeting{id: PastWebinarID, uuid: PastWebinarUUID, topic: "Quarterly briefing", webinar: true,
		host: kai.name, hostEmail: kai.email, every: time.Minute, ended: true, lastK: 30,
		t0: s.t0.Add(time.Duration(pre) * s.opts.SampleEvery).Truncate(time.Minute).Add(-5 * time.Hour)}
	past.members = []*member{kai,
		person("16785002", "Lena Novak", "Mac", "Wifi", "Prague (CZ)", RoleRegular),
		person("16785003", "Marco Rossi", "Windows", "Wired", "Milan (IT)", RoleRegular)}
	past.share = func(k int) (*member, bool) { return kai, k == 0 }
	return []*meeting{launch, past}
}

// Webinars lists the webinars of the cast, as Meetings lists meetings.
func (s *Server) Webinars() []MeetingInfo { return s.infos(true) }

// familyCheck answers what Zoom refuses before it looks for the meeting:
// a webinar call without the webinar scope, type=pastOne for webinars,
// and a meeting asked for as a webinar (or the other way round), which
// Zoom does not find.
func (s *Server) familyCheck(t target, q url.Values) *reply {
	if t.webinar && s.opts.NoWebinarScope {
		r := missingScope(WebinarScope)
		return &r
	}
	if t.webinar && q.Get("type") == "pastOne" {
		r := badRequest("Invalid field: type.")
		return &r
	}
	if m, ok := s.byID[t.meeting]; ok && t.meeting != "" && m.webinar != t.webinar {
		r := meetingNotFound(t.meeting)
		if t.webinar {
			r = errorReply(http.StatusNotFound, 3001, "Webinar does not exist: "+t.meeting+".")
		}
		return &r
	}
	return nil
}

// missingScope is Zoom's refusal of a token that lacks scope.
func missingScope(scope string) reply {
	return errorReply(http.StatusBadRequest, 4700, "Invalid access token, does not contain scopes: ["+scope+"].")
}

type wireWebinarList struct {
	From string `json:"from"`
	To   string `json:"to"`
	wirePage
	Webinars []wireMeeting `json:"webinars"`
}
