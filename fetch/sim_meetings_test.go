package fetch

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/model"
)

// simClient is a Client of the simulator on loopback, both on one fixed
// clock. The ended meeting started about three hours before it.
func simClient(t *testing.T, now time.Time) (*Client, *sim.Server) {
	t.Helper()
	clock := func() time.Time { return now }
	s := sim.New(sim.Options{Seed: 1, Now: clock})
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(func() { s.Close(); srv.Close() })
	c, err := New(Config{APIURL: srv.URL + "/v2", OAuthURL: srv.URL + "/oauth/token",
		AccountID: sim.DemoAccountID, ClientID: sim.DemoClientID, ClientSecret: sim.DemoClientSecret,
		Timeout: 5 * time.Second, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	return c, s
}

var simNow = time.Date(2026, 12, 1, 14, 30, 17, 0, time.UTC)

func TestMeetingsAgainstSimulator(t *testing.T) {
	c, _ := simClient(t, simNow)
	ids := func(ms []model.Meeting) map[string]string {
		out := map[string]string{}
		for _, m := range ms {
			out[m.ID] = m.Topic
		}
		return out
	}
	live, err := c.Meetings(bg, model.Live, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	got := ids(live)
	if len(got) != 3 || got[sim.DemoMeetingID] != "Incident bridge" || got[sim.EndedMeetingID] != "" {
		t.Errorf("live meetings %v, want the three running ones", got)
	}
	past, err := c.Meetings(bg, model.Past, simNow, simNow)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(past); len(got) != 1 || got[sim.EndedMeetingID] != "Weekly ops sync" {
		t.Errorf("past meetings today %v, want the ended one", got)
	}
	tomorrow := simNow.AddDate(0, 0, 1)
	if past, err := c.Meetings(bg, model.Past, tomorrow, tomorrow); err != nil || len(past) != 0 {
		t.Errorf("past meetings tomorrow %v, err %v; want none", past, err)
	}
	same, err := c.LiveMeetings(bg, time.Time{}, time.Time{})
	if err != nil || len(ids(same)) != 3 {
		t.Errorf("LiveMeetings %v, err %v", ids(same), err)
	}
}

func TestMeetingDetailsAgainstSimulator(t *testing.T) {
	c, s := simClient(t, simNow)
	for _, tc := range []struct {
		name, id string
		typ      model.MeetingType
		topic    string
		count    int
	}{
		{"live by ID", sim.DemoMeetingID, model.Live, "Incident bridge", 7},
		{"live by UUID with //", sim.ReviewMeetingUUID, model.Live, "Design review", 3},
		{"past by UUID with a leading /", sim.EndedMeetingUUID, model.Past, "Weekly ops sync", 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := c.Meeting(bg, tc.id, tc.typ)
			if err != nil {
				t.Fatal(err)
			}
			if m.Topic != tc.topic || m.Participants != tc.count || m.Host == "" || m.StartTime.IsZero() || m.Duration == "" {
				t.Errorf("meeting %+v, want %q with %d participants, a host, start and duration", m, tc.topic, tc.count)
			}
		})
	}
	for _, tc := range []struct {
		name, id string
		typ      model.MeetingType
		text     string
	}{
		{"unknown", "12345678901", model.Live, "Zoom found no such meeting, or it is not live now (HTTP 404, code 3001"},
		{"ended, asked live", sim.EndedMeetingID, model.Live, "use --type past"},
		{"running, asked past", sim.DemoMeetingID, model.Past, "Zoom found no such past meeting (HTTP 404, code 3001"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.Meeting(bg, tc.id, tc.typ)
			if e := asAPIError(t, err, NotFound); e.Code != 3001 {
				t.Errorf("code %d, want 3001", e.Code)
			}
			wantText(t, err, tc.text)
		})
	}
	if st := s.Stats(); st.Meeting != 6 || st.APIRequests() != 6 {
		t.Errorf("simulator saw %d details requests, %d in all; want 6: one per call, no retries", st.Meeting, st.APIRequests())
	}
}
