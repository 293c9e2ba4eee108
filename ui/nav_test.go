package ui

import (
	"image/color"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/poll"
)

func listSource() *tableSource {
	src := newTableSource()
	src.meetings = liveMeetings()
	src.people = bridge()
	src.p = callParticipant(true)
	return src
}

func stackOf(h *harness) string {
	var s []string
	for _, sc := range h.a.stack {
		s = append(s, sc.name())
	}
	return strings.Join(s, " > ")
}

func TestMeetingListNewestFirst(t *testing.T) {
	h, _ := newTableHarness(t, listSource(), 120, 40)
	var topics []string
	for _, r := range h.meetings().table.Rows() {
		topics = append(topics, r.Cells[0].Text)
	}
	if got := strings.Join(topics, ","); got != "Incident bridge,Design review,Company all-hands" {
		t.Fatalf("meetings in order %s, want the newest first", got)
	}
	view := h.a.content()
	for _, want := range []string{"▸ Incident bridge", "Bob Okafor", "85012345678", "   40m", "video share", "fetched 19:39:38 (<1m ago)"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
}

func TestMeetingListFilter(t *testing.T) {
	h, _ := newTableHarness(t, listSource(), 100, 30)
	for _, tc := range []struct{ typed, want string }{
		{"design", "Design review"},     // topic
		{"morgan", "Company all-hands"}, // host
		{"8501", "Incident bridge"},     // meeting ID
	} {
		h.press("/")
		h.press(strings.Split(tc.typed, "")...)
		rows := h.meetings().table.Rows()
		if len(rows) != 1 || rows[0].Cells[0].Text != tc.want {
			t.Errorf("%q keeps %d rows, want %s", tc.typed, len(rows), tc.want)
		}
		h.press("esc")
	}
}

// TestWalkListMeetingParticipantAndBack is the newcomer's way in: enter,
// enter, and the participant's panes; esc, esc, and back on the list with
// the cursor and filter as they were.
func TestWalkListMeetingParticipantAndBack(t *testing.T) {
	src := listSource()
	h, _ := newTableHarness(t, src, 120, 40)

	h.press("enter")
	if got := stackOf(h); got != "meetings > overview" {
		t.Fatalf("enter on the list: stack %s", got)
	}
	if v := h.a.content(); !strings.Contains(v, "Meetings › Incident bridge") || !strings.Contains(v, "Alice Chen") {
		t.Fatalf("the overview is not the Incident bridge's:\n%s", v)
	}
	if p, _ := h.overview().selected(); p.UserName != "Alice Chen" {
		t.Fatalf("the degrading participant is not selected: %q", p.UserName)
	}

	// Move off the top and filter, so there is state to keep.
	h.press("/", "e", "enter", "j")
	picked, _ := h.overview().selected()
	out := h.press("enter")
	if got := stackOf(h); got != "meetings > overview > watch" {
		t.Fatalf("enter on the overview: stack %s", got)
	}
	v := h.a.content()
	for _, want := range []string{"Meetings › Incident bridge › " + picked.UserName, "[audio]", " video ", "esc back"} {
		if !strings.Contains(v, want) {
			t.Errorf("watch screen lacks %q:\n%s", want, v)
		}
	}
	if _, _, ok := pollOf(t, out, h.watch().chain().Owner); !ok {
		t.Fatalf("the watch screen does not poll: %#v", out)
	}

	// Under the watch screen the overview holds its chain: its tick
	// starts nothing.
	if got := h.send(poll.TickMsg{Gen: h.overview().poll.Gen, Owner: h.overview().poll.Owner}); len(got) != 0 {
		t.Fatalf("the overview polled under the watch screen: %#v", got)
	}
	calls := src.callsOf("meeting")
	watchCtx, watchGen, watchSeq, watchOwner := src.lastParticipantCtx(), h.watch().chain().Gen, h.watch().chain().Seq, h.watch().chain().Owner

	h.clock.set(h.clock.Now().Add(15 * time.Second)) // past the overview's next refresh
	h.send(clockMsg{now: h.clock.Now()})
	back := h.press("esc")
	if got := stackOf(h); got != "meetings > overview" {
		t.Fatalf("esc on the watch screen: stack %s", got)
	}
	if p, _ := h.overview().selected(); p.UserID != picked.UserID || h.overview().filter.Text() != "e" {
		t.Fatalf("back on the overview: cursor on %q, filter %q; want %q and \"e\"",
			p.UserName, h.overview().filter.Text(), picked.UserName)
	}
	if watchCtx.Err() == nil {
		t.Fatal("the watch screen's requests were not cancelled")
	}
	// The overview resumes (it was due, so it fetches at once) ...
	if src.callsOf("meeting") != calls+1 {
		t.Fatalf("the overview did not resume: %d refreshes, want %d (%#v)", src.callsOf("meeting"), calls+1, back)
	}
	// ... and the watch screen's ticks and answers now go nowhere.
	if got := h.send(poll.TickMsg{Gen: watchGen, Owner: watchOwner}); len(got) != 0 {
		t.Fatalf("a popped watch screen polled: %#v", got)
	}
	if got := h.send(feed.FetchedMsg{Answer: poll.Answer{Envelope: poll.Envelope{Owner: watchOwner, Seq: watchSeq}, At: h.clock.Now()}, P: callParticipant(true)}); len(got) != 0 {
		t.Fatalf("a popped watch screen took an answer: %#v", got)
	}

	h.press("esc") // clears the filter first
	if got := stackOf(h); got != "meetings > overview" || h.overview().filter.Text() != "" {
		t.Fatalf("the first esc should clear the filter: stack %s", got)
	}
	ov := h.overview()
	h.press("esc")
	if got := stackOf(h); got != "meetings" {
		t.Fatalf("esc on the overview: stack %s", got)
	}
	if mt, _ := h.meetings().selected(); mt.Topic != "Incident bridge" {
		t.Fatalf("back on the list, the cursor is on %q", mt.Topic)
	}
	if ov.ctx.Err() == nil {
		t.Fatal("the overview's requests were not cancelled")
	}
}

// TestOpeningAgainNumbersAfterTheOldScreen: a screen opened again must
// not take the answer meant for the one it replaces.
func TestOpeningAgainNumbersAfterTheOldScreen(t *testing.T) {
	h, _ := newTableHarness(t, listSource(), 100, 30)
	out := h.key("enter") // the overview's first fetch, not delivered
	old := only[overviewFetchedMsg](out)
	h.press("esc")
	h.key("enter") // the new overview's first fetch is in flight
	if len(old) != 1 {
		t.Fatalf("no first fetch: %#v", out)
	}
	h.send(old[0])
	if len(h.overview().roster.Members) != 0 || !h.overview().poll.Inflight {
		t.Fatal("the new overview took the old one's answer")
	}
}

func TestMeetingListRefreshPacing(t *testing.T) {
	src := listSource()
	// The demo polls every second; the list must still wait a minute.
	h, next := newTableHarness(t, src, 100, 30, func(c *Config) { c.Interval, c.MinInterval = time.Second, time.Second })
	tm, pt, ok := pollOf(t, next, h.meetings().poll.Owner)
	if !ok || tm.d != time.Minute {
		t.Fatalf("the list refreshes in %s, want a minute", tm.d)
	}
	if got := h.press("-", "-"); len(got) != 0 || h.meetings().poll.Interval != time.Minute {
		t.Fatalf("- took the list below a minute: %s", h.meetings().poll.Interval)
	}

	// r refreshes now, once: not again while it is in flight.
	out := h.key("r")
	if len(only[meetingsFetchedMsg](out)) != 1 {
		t.Fatalf("r did not refresh: %#v", out)
	}
	if again := h.key("r"); len(again) != 0 {
		t.Fatalf("r with a refresh in flight: %#v", again)
	}
	next = h.settle(out)
	if got := h.send(pt); len(got) != 0 {
		t.Fatalf("the tick armed before r still fired: %#v", got)
	}
	if src.callsOf("list") != 2 {
		t.Fatalf("%d list requests, want 2", src.callsOf("list"))
	}

	// Ten seconds in, open a meeting for twenty: the list waits under it
	// and, back on top, refreshes at the minute, not at once.
	h.clock.set(h.clock.Now().Add(10 * time.Second))
	h.press("enter")
	_, pt, _ = pollOf(t, next, h.meetings().poll.Owner)
	if got := h.send(pt); len(got) != 0 {
		t.Fatalf("the list refreshed under the overview: %#v", got)
	}
	h.clock.set(h.clock.Now().Add(20 * time.Second))
	h.send(clockMsg{now: h.clock.Now()})
	back := h.press("esc")
	tm, _, ok = pollOf(t, back, h.meetings().poll.Owner)
	if !ok || tm.d != 30*time.Second || src.callsOf("list") != 2 {
		t.Fatalf("back on the list: next refresh in %s after %d requests; want 30s after 2", tm.d, src.callsOf("list"))
	}
	if v := h.a.content(); !strings.Contains(v, "fetched 19:39:38 (<1m ago)") {
		t.Fatalf("the list does not say when it was fetched:\n%s", v)
	}

	// Away for longer than a minute, it refreshes as soon as it is back.
	h.press("enter")
	h.clock.set(h.clock.Now().Add(2 * time.Minute))
	h.send(clockMsg{now: h.clock.Now()})
	h.press("esc")
	if src.callsOf("list") != 3 {
		t.Fatalf("back after two minutes: %d list requests, want 3", src.callsOf("list"))
	}
}

func TestQuitWhileTypingIsCtrlC(t *testing.T) {
	h, _ := newTableHarness(t, listSource(), 100, 30)
	h.press("/")
	out := h.send(keyMsg("ctrl+c"))
	if len(only[tea.QuitMsg](out)) != 1 || !h.a.quit {
		t.Fatalf("ctrl+c while typing did not quit: %#v", out)
	}
}

// With no theme chosen, a light terminal background gets the light theme
// when the terminal answers; a chosen theme is kept whatever it says.
func TestBackgroundColourPicksTheTheme(t *testing.T) {
	light := tea.BackgroundColorMsg{Color: color.White}
	h := newHarness(t, &fakeSource{p: callParticipant(false)}, 120, 40, func(c *Config) { c.Theme = theme.Theme{} })
	h.start()
	h.send(light)
	if h.a.theme.Name != "light" {
		t.Errorf("no theme chosen, light background: theme %q, want light", h.a.theme.Name)
	}
	h = newHarness(t, &fakeSource{p: callParticipant(false)}, 120, 40)
	h.start()
	h.send(light)
	if h.a.theme.Name != "dark" {
		t.Errorf("--theme dark, light background: theme %q, want dark kept", h.a.theme.Name)
	}
}
