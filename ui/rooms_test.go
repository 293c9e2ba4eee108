package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// simHarness is the app against the simulator, through the real client
// and HTTP, on the harness's clock.
func simHarness(t *testing.T, opts ...harnessOpt) (*harness, *sim.Server) {
	t.Helper()
	clock := newTestClock(watchT0.Add(39*time.Minute + 38*time.Second))
	zoom := simtest.Start(t, sim.Options{Seed: 3, Now: clock.Now})
	client := zoom.Client(t, func(c *fetch.Config) { c.Timeout, c.Now = 10*time.Second, clock.Now })
	opts = append([]harnessOpt{func(c *Config) {
		c.Source, c.MeetingID, c.ParticipantID, c.Topic, c.Now = client, "", "", "", clock.Now
	}}, opts...)
	h := newHarness(t, nil, 120, 40, opts...)
	h.clock = clock
	h.deliver(h.settle(runCmd(h.a.Init())))
	return h, zoom.Sim
}

// deliver hands the rooms screen its answers, which settle leaves alone.
func (h *harness) deliver(msgs []tea.Msg) {
	for _, msg := range msgs {
		if m, ok := msg.(roomsFetchedMsg); ok {
			m.Jitter = 0.5
			h.deliver(h.settle(h.send(m)))
		}
	}
}

func (h *harness) rooms() *roomsModel { return screenOf[*roomsModel](h) }

// qostop rooms: worst first, offline and issues marked; enter on the
// room in a meeting lands on that room's row of the meeting's overview,
// and enter again watches it. Every request is counted at the server.
func TestRoomsScreenAgainstSim(t *testing.T) {
	h, s := simHarness(t, func(c *Config) { c.Rooms = true })
	var names []string
	for _, r := range h.rooms().table.Rows() {
		names = append(names, r.Cells[0].Text)
	}
	if got := strings.Join(names, ", "); got != "Boardroom 12, Huddle 2A, Conference Room 4B, Lobby display" {
		t.Fatalf("rooms %s; want worst first", got)
	}
	view := h.a.content()
	for _, want := range []string{"Zoom Rooms  4 rooms  2 offline or with issues", "Offline", "Room Controller disconnected", sim.DemoMeetingID} {
		if !strings.Contains(view, want) {
			t.Errorf("the rooms screen lacks %q:\n%s", want, view)
		}
	}
	if st := s.Stats(); st.ListRooms != 1 || st.Room != 1 {
		t.Errorf("%d room lists and %d room details; want one each (the room in a meeting)", st.ListRooms, st.Room)
	}
	h.press("enter") // the offline room: in no meeting
	if got := stackOf(h); got != "rooms" || !strings.Contains(h.a.content(), "Boardroom 12 is in no meeting") {
		t.Errorf("enter on an offline room: stack %s:\n%s", got, h.a.content())
	}
	h.deliver(h.press("j", "j", "enter"))
	if got := stackOf(h); got != "rooms > overview" {
		t.Fatalf("enter on the room in a meeting: stack %s", got)
	}
	if p, _ := h.overview().selected(); p.UserName != "Conference Room 4B" || p.UserID != sim.RoomParticipantID {
		t.Fatalf("the overview's cursor is on %q; want the room's row", p.UserName)
	}
	if v := h.a.content(); !strings.Contains(v, "Zoom Rooms › Incident bridge") {
		t.Errorf("the overview is not the Incident bridge's:\n%s", v)
	}
	h.press("enter")
	if got := stackOf(h); got != "rooms > overview > watch" || h.watch().t.participantID != sim.RoomParticipantID {
		t.Errorf("enter again: stack %s, watching %q; want the room", got, h.watch().t.participantID)
	}
}

// The meeting list shows the live webinar, marked, and opens it as a
// webinar: its overview ranks the attendees; z opens the rooms.
func TestMeetingListShowsWebinars(t *testing.T) {
	h, s := simHarness(t)
	if v := h.a.content(); !strings.Contains(v, "[webinar] Product launch") || !strings.Contains(v, "Incident bridge") {
		t.Fatalf("the list lacks the webinar:\n%s", v)
	}
	h.press("/")
	h.press(strings.Split("product", "")...)
	h.press("enter", "enter")
	if got := stackOf(h); got != "meetings > overview" {
		t.Fatalf("enter on the webinar: stack %s", got)
	}
	ov := h.overview()
	if len(ov.roster.Members) != 5 || !strings.Contains(h.a.content(), "Meetings › Product launch") {
		t.Errorf("the webinar's overview: %d attendees:\n%s", len(ov.roster.Members), h.a.content())
	}
	if st := s.Stats(); st.Webinar != 2 || st.ParticipantsQoS != 1 {
		t.Errorf("%d webinar requests (%d QoS pages); want the list and one page", st.Webinar, st.ParticipantsQoS)
	}
	h.deliver(h.press("esc", "esc", "z"))
	if got := stackOf(h); got != "meetings > rooms" {
		t.Errorf("z on the list: stack %s", got)
	}
}
