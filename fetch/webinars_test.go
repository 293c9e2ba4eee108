package fetch

import (
	"bytes"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/model"
)

func TestWebinarsAgainstSimulator(t *testing.T) {
	c, s := simClient(t, simNow)
	live, err := c.Webinars(bg, model.Live, time.Time{}, time.Time{})
	if err != nil || len(live) != 1 || live[0].ID != sim.WebinarID || live[0].Kind != model.KindWebinar {
		t.Fatalf("live webinars %+v, %v; want the product launch, kind webinar", live, err)
	}
	past, err := c.Webinars(bg, model.Past, simNow, simNow)
	if err != nil || len(past) != 1 || past[0].ID != sim.PastWebinarID {
		t.Fatalf("past webinars %+v, %v", past, err)
	}
	key := live[0].Ref().Key() // by UUID, as the list opens it
	ps, err := c.MeetingQoS(bg, key, model.Live)
	if err != nil || len(ps) != 5 || len(ps[0].Samples) == 0 {
		t.Fatalf("webinar QoS: %d attendees, %v; want 5 with samples", len(ps), err)
	}
	p, err := c.ParticipantQoS(bg, model.Ref{Kind: model.KindWebinar, ID: sim.WebinarID}.Key(), "16784003", model.Live)
	if err != nil || p.UserName != "Olu Adebayo" {
		t.Fatalf("one attendee: %q, %v", p.UserName, err)
	}
	m, err := c.Meeting(bg, key, model.Live)
	if err != nil || m.Topic != "Product launch" || m.Kind != model.KindWebinar {
		t.Errorf("webinar details: %+v, %v", m, err)
	}
	// The past webinar's UUID begins with "/": encoded twice, as for meetings.
	if _, err := c.MeetingQoS(bg, model.Ref{Kind: model.KindWebinar, ID: sim.PastWebinarUUID}.Key(), model.Past); err != nil {
		t.Errorf("past webinar by UUID: %v", err)
	}
	// The webinar's ID asked as a meeting is not found, as on Zoom.
	if _, err := c.MeetingQoS(bg, sim.WebinarID, model.Live); err == nil {
		t.Error("the webinar found under /metrics/meetings")
	}
	if st := s.Stats(); st.Webinar != 6 {
		t.Errorf("requests under /metrics/webinars: %d; want 6", st.Webinar)
	}
}

func TestWebinarScopeAdvice(t *testing.T) {
	s := sim.New(sim.Options{Now: func() time.Time { return simNow }, NoWebinarScope: true, NoRoomScope: true})
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(func() { s.Close(); srv.Close() })
	c, err := New(Config{APIURL: srv.URL + "/v2", OAuthURL: srv.URL + "/oauth/token",
		AccountID: sim.DemoAccountID, ClientID: sim.DemoClientID, ClientSecret: sim.DemoClientSecret})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Webinars(bg, model.Live, time.Time{}, time.Time{})
	var ae *APIError
	if !errors.As(err, &ae) || ae.Kind != MissingScope || !strings.Contains(err.Error(), "Add dashboard_webinars:read:admin") {
		t.Errorf("webinars without the scope: %v; want the webinar scope named", err)
	}
	_, err = c.Rooms(bg)
	if !errors.As(err, &ae) || !strings.Contains(err.Error(), "Add dashboard_zr:read:admin") {
		t.Errorf("rooms without the scope: %v; want the rooms scope named", err)
	}
}

func TestFindParticipantAgainstSimulator(t *testing.T) {
	var log bytes.Buffer
	s := sim.New(sim.Options{Seed: 1, Now: func() time.Time { return simNow }})
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(func() { s.Close(); srv.Close() })
	c, err := New(Config{APIURL: srv.URL + "/v2", OAuthURL: srv.URL + "/oauth/token",
		AccountID: sim.DemoAccountID, ClientID: sim.DemoClientID, ClientSecret: sim.DemoClientSecret,
		DebugLog: &log, Now: func() time.Time { return simNow }})
	if err != nil {
		t.Fatal(err)
	}
	for _, who := range []string{"alice", "Alice Chen", "ALICE.CHEN@example.com", sim.DemoParticipantID} {
		p, err := c.FindParticipant(bg, sim.DemoMeetingID, who, model.Live)
		if err != nil || p.UserID != sim.DemoParticipantID {
			t.Errorf("%q: %q, %v; want Alice, %s", who, p.UserID, err, sim.DemoParticipantID)
		}
	}
	// Three names, three roster fetches; the numeric ID none.
	if st := s.Stats(); st.Participants != 3 || st.ParticipantQoS+st.ParticipantsQoS != 0 {
		t.Errorf("requests: %d roster, %d QoS; want 3 roster fetches and no QoS", st.Participants, st.ParticipantQoS+st.ParticipantsQoS)
	}
	if n := strings.Count(log.String(), "note: resolve participant"); n != 3 {
		t.Errorf("debug log says %d resolutions; want 3:\n%s", n, log.String())
	}
	if _, err := c.FindParticipant(bg, sim.DemoMeetingID, "zed", model.Live); !errors.As(err, new(*model.NoParticipantError)) ||
		!strings.Contains(err.Error(), "meeting "+sim.DemoMeetingID) {
		t.Errorf("unknown name: %v", err)
	}
	// An attendee of the webinar is found among its attendees.
	p, err := c.FindParticipant(bg, model.Ref{Kind: model.KindWebinar, ID: sim.WebinarID}.Key(), "tomas", model.Live)
	if err != nil || p.UserID != "16784002" {
		t.Errorf("webinar attendee: %q, %v", p.UserID, err)
	}
}

func TestRoomsAgainstSimulator(t *testing.T) {
	c, _ := simClient(t, simNow)
	rooms, err := c.Rooms(bg)
	if err != nil || len(rooms) != 4 {
		t.Fatalf("rooms: %+v, %v", rooms, err)
	}
	model.SortRooms(rooms)
	var names []string
	for _, r := range rooms {
		names = append(names, r.Name)
	}
	if got := strings.Join(names, ", "); got != "Boardroom 12, Huddle 2A, Conference Room 4B, Lobby display" {
		t.Errorf("worst first: %s", got)
	}
	r, err := c.Room(bg, sim.InMeetingRoomID)
	if err != nil || r.Meeting.Ref() != (model.Ref{Kind: model.KindMeeting, ID: sim.DemoMeetingUUID}) || r.Meeting.ID != sim.DemoMeetingID {
		t.Errorf("the room in a meeting: %+v, %v", r.Meeting, err)
	}
	if r, err := c.Room(bg, sim.IdleRoomID); err != nil || r.Meeting != (model.Meeting{}) {
		t.Errorf("an idle room: %+v, %v", r.Meeting, err)
	}
}
