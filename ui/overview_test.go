package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/poll"
)

// onBridge opens the overview of the Incident bridge directly, as
// `qostop meeting 85012345678` does.
func onBridge(c *Config) { c.MeetingID, c.Topic = "85012345678", "Incident bridge" }

// names are the participant column of the overview's rows, in order.
func names(h *harness) []string {
	var out []string
	for _, r := range h.overview().table.Rows() {
		out = append(out, strings.TrimSpace(r.Cells[0].Text+" "+r.Cells[0].Keep))
	}
	return out
}

func TestOverviewSortsWorstFirstAndCycles(t *testing.T) {
	src := newTableSource()
	src.setPeople(bridge())
	h, _ := newTableHarness(t, src, 120, 40, onBridge)
	for _, tc := range []struct {
		keys  []string
		order string
		want  []string
	}{
		// Alice is critical now; the others are good, ranked by how close
		// to the warn threshold their worst reading is (the guest's 64 ms
		// video before Dana's 49 ms); Erik has left, so he goes last
		// whatever his numbers.
		{nil, "sort: worst first", []string{"Alice Chen", "(hidden) 16778243", "Dana Reyes", "Bob Okafor", "Erik Lund"}},
		{[]string{"s"}, "sort: name A-Z", []string{"Alice Chen", "Bob Okafor", "Dana Reyes", "Erik Lund", "(hidden) 16778243"}},
		{[]string{"S"}, "sort: name Z-A", []string{"Erik Lund", "Dana Reyes", "Bob Okafor", "Alice Chen", "(hidden) 16778243"}},
		{[]string{"s"}, "sort: audio latency, highest first", []string{"Erik Lund", "Alice Chen", "(hidden) 16778243", "Dana Reyes", "Bob Okafor"}},
		{[]string{"S"}, "sort: audio latency, lowest first", []string{"Bob Okafor", "Dana Reyes", "(hidden) 16778243", "Alice Chen", "Erik Lund"}},
		// m changes what the columns show, and what their sort compares.
		{[]string{"S", "m", "m"}, "sort: audio loss, highest first", []string{"Erik Lund", "Alice Chen", "(hidden) 16778243", "Bob Okafor", "Dana Reyes"}},
		{[]string{"s", "s", "s", "s"}, "sort: worst first", []string{"Alice Chen", "(hidden) 16778243", "Dana Reyes", "Bob Okafor", "Erik Lund"}},
	} {
		h.press(tc.keys...)
		if got := names(h); strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%s: rows %q, want %q", tc.order, got, tc.want)
		}
		if !strings.Contains(h.a.content(), tc.order) {
			t.Errorf("%s: the header does not say so:\n%s", tc.order, h.a.content())
		}
	}
	view := h.a.content()
	for _, want := range []string{"audio loss", "audio ↑ loss 6.5%!", "↑6.5! ↓-", "left 19:30", "5 participants, 1 left", "zoom health"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
}

func TestOverviewFilterAsYouType(t *testing.T) {
	src := newTableSource()
	src.setPeople(bridge())
	h, _ := newTableHarness(t, src, 100, 30, onBridge)
	h.press("/", "e", "r")
	if got := names(h); strings.Join(got, ",") != "Erik Lund" {
		t.Fatalf(`"er" keeps %q, want Erik alone`, got)
	}
	// While typing, q and t are letters, not quit and theme.
	out := h.press("backspace", "q")
	if h.a.quit || h.a.theme.Name != "dark" || len(out) != 0 {
		t.Fatalf("q while typing quit (%v) or did something: %#v", h.a.quit, out)
	}
	if got := names(h); len(got) != 0 || !strings.Contains(h.a.content(), `nothing matches "eq"`) {
		t.Fatalf(`"eq" keeps %q; view:\n%s`, got, h.a.content())
	}
	// The user ID finds the guest who has no name.
	h.press("ctrl+u", "1", "6", "7", "7", "8", "2", "4", "3")
	if got := names(h); strings.Join(got, ",") != "(hidden) 16778243" {
		t.Fatalf("the guest's user ID keeps %q", got)
	}
	// enter keeps the filter; esc then clears it, and a second esc has
	// nowhere to go back to.
	h.press("enter")
	if h.overview().typing || !strings.Contains(h.a.content(), "/16778243") {
		t.Fatalf("enter did not keep the filter:\n%s", h.a.content())
	}
	h.press("esc")
	if len(names(h)) != 5 || h.overview().filter.Text() != "" {
		t.Fatalf("esc left the filter %q with %d rows", h.overview().filter.Text(), len(names(h)))
	}
	h.press("/", "a", "l", "esc")
	if len(names(h)) != 5 || h.overview().typing {
		t.Fatalf("esc while typing did not drop the filter: %d rows", len(names(h)))
	}
}

func TestOverviewCursorStaysOnTopUntilMoved(t *testing.T) {
	src := newTableSource()
	src.setPeople(bridge())
	h, next := newTableHarness(t, src, 100, 30, onBridge)
	// Bob turns critical as Alice recovers: the top row is now his, and
	// the cursor with it.
	src.setPeople(castOf(castMember{name: "Bob Okafor", latencyMS: 40, lossPct: 12},
		castMember{name: "Alice Chen", latencyMS: 40, lossPct: 0.1}))
	next = h.pollOverview(next)
	if p, _ := h.overview().selected(); p.UserName != "Bob Okafor" {
		t.Fatalf("cursor on %q, want the new worst, Bob", p.UserName)
	}
	// Once moved, it follows its row through re-sorting.
	h.press("j")
	picked, _ := h.overview().selected()
	src.setPeople(bridge())
	h.pollOverview(next)
	if p, _ := h.overview().selected(); p.UserID != picked.UserID {
		t.Fatalf("cursor moved from %q to %q on a refresh", picked.UserName, p.UserName)
	}
}

// pollOverview fires the overview's poll among msgs and settles it.
func (h *harness) pollOverview(msgs []tea.Msg) []tea.Msg {
	h.t.Helper()
	tm, pt, ok := pollOf(h.t, msgs, h.overview().poll.Owner)
	if !ok {
		h.t.Fatalf("no overview poll among %#v", msgs)
	}
	h.clock.set(h.clock.Now().Add(tm.d))
	return h.settle(h.send(pt))
}

func TestOverviewKeepsWhoLeft(t *testing.T) {
	src := newTableSource()
	src.setPeople(bridge())
	h, next := newTableHarness(t, src, 120, 40, onBridge)
	src.setPeople(bridge()[:2]) // the guest and Dana drop out of Zoom's list
	h.pollOverview(next)
	view := h.a.content()
	if len(names(h)) != 5 || !strings.Contains(view, "5 participants, 3 left") {
		t.Fatalf("participants missing from an answer were dropped: %q\n%s", names(h), view)
	}
	if got := names(h); got[len(got)-1] == "Alice Chen" || got[0] != "Alice Chen" {
		t.Fatalf("who left should sort after who stays: %q", got)
	}
}

func TestOverviewRequestCost(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{37, "4 req/refresh, 4 in last minute"},
		{3, "1 req/refresh, 1 in last minute"},
		{42, "5 req/refresh, 5 in last minute"},
	} {
		t.Run(fmt.Sprint(tc.n), func(t *testing.T) {
			src := newTableSource()
			var cast []castMember
			for i := range tc.n {
				cast = append(cast, castMember{name: fmt.Sprintf("Person %02d", i), latencyMS: 50, lossPct: 0.1})
			}
			src.setPeople(castOf(cast...))
			h, _ := newTableHarness(t, src, 120, 40, onBridge)
			if !strings.Contains(h.a.content(), tc.want) {
				t.Fatalf("header lacks %q:\n%s", tc.want, h.a.content())
			}
		})
	}
}

func TestOverviewOneRefreshInFlight(t *testing.T) {
	src := newTableSource()
	src.setPeople(bridge())
	h, next := newTableHarness(t, src, 100, 30, onBridge)
	tm, pt, _ := pollOf(t, next, h.overview().poll.Owner)
	if tm.d != 10*time.Second {
		t.Fatalf("the overview polls in %s, want the watch interval of 10s", tm.d)
	}
	out := h.send(pt) // refresh 2 is in flight
	if len(only[overviewFetchedMsg](out)) != 1 || !h.overview().poll.Inflight {
		t.Fatalf("the poll tick did not start a refresh: %#v", out)
	}
	if again := h.key("r"); len(again) != 0 {
		t.Fatalf("r with a refresh in flight produced %#v", again)
	}
	if again := h.send(poll.TickMsg{Gen: h.overview().poll.Gen, Owner: h.overview().poll.Owner}); len(again) != 0 {
		t.Fatalf("a tick with a refresh in flight produced %#v", again)
	}
	if src.callsOf("meeting") != 2 {
		t.Fatalf("%d refreshes sent, want 2", src.callsOf("meeting"))
	}
	// A late answer to refresh 1 is dropped; refresh 2's is taken.
	stale := only[overviewFetchedMsg](out)[0]
	stale.Seq--
	stale.participants = nil
	h.send(stale)
	if !h.overview().poll.Inflight || len(names(h)) != 5 {
		t.Fatal("a stale answer was used")
	}
	h.settle(out)
	if h.overview().poll.Inflight {
		t.Fatal("the current answer was not taken")
	}
}

func TestOverviewMeetingNotFound(t *testing.T) {
	src := newTableSource()
	src.setErr(&fetch.APIError{Op: "fetch meeting QoS (meeting 87766554433)", Status: 404, Code: 3001,
		Message: "Meeting does not exist: 87766554433.", Kind: fetch.NotFound})
	h, _ := newTableHarness(t, src, 80, 24, func(c *Config) { c.MeetingID = "87766554433" })
	view := h.a.content()
	for _, want := range []string{"is not live", "it has ended", "--type past 87766554433"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
}

func TestOverviewPastFetchesOnce(t *testing.T) {
	src := newTableSource()
	src.setPeople(bridge())
	h, next := newTableHarness(t, src, 100, 30, onBridge, func(c *Config) { c.Type = model.Past })
	if _, _, ok := pollOf(t, next, h.overview().poll.Owner); ok || !h.overview().poll.Done {
		t.Fatalf("a past meeting is polled again: %#v", next)
	}
	if v := h.a.content(); !strings.Contains(v, "PAST") || !strings.Contains(v, "1 req/refresh") {
		t.Fatalf("view:\n%s", v)
	}
}

// At 80x24, where device, network and location give way, every row still
// says why it is where it is: its worst reading now, medium, direction and
// marker. Two people at the same level: the one further past the
// threshold is first.
func TestOverviewRankingReasonAt80x24(t *testing.T) {
	src := newTableSource()
	src.setPeople(castOf(castMember{name: "Ann Low", latencyMS: 160, lossPct: 0.1},
		castMember{name: "Zed High", latencyMS: 290, lossPct: 0.1}, castMember{name: "Mo Fine", latencyMS: 40, lossPct: 0.1}))
	h, _ := newTableHarness(t, src, 80, 24, onBridge)
	if got := names(h); strings.Join(got, ",") != "Zed High,Ann Low,Mo Fine" {
		t.Fatalf("rows %q: 290 ms against 150:300 should rank above 160 ms", got)
	}
	v := h.a.content()
	for _, want := range []string{"worst now", "video ↓ lat 294ms*", "video ↓ lat 164ms*", "Mo Fine              good", "↑290* ↓-"} {
		if !strings.Contains(v, want) {
			t.Errorf("80x24 lacks %q:\n%s", want, v)
		}
	}
	// A row at good names no reading: in green, one read like a problem.
	if strings.Contains(v, "video ↓ lat 44ms") {
		t.Errorf("the good row names a reading:\n%s", v)
	}
}

// The worst cell names every breach, worst first, as many as the width
// lets it, then how many more: issue 17 saw "audio ↑ lat 412ms!" while
// jitter and loss were critical too.
func TestOverviewNamesEveryBreach(t *testing.T) {
	for _, tc := range []struct {
		width int
		want  string
	}{
		{80, "audio ↑ loss 6.5%! +1"},
		{200, "audio ↑ loss 6.5%! video ↓ lat 214ms*"},
	} {
		src := newTableSource()
		src.setPeople(bridge())
		h, _ := newTableHarness(t, src, tc.width, 30, onBridge)
		if v := h.a.content(); !strings.Contains(v, "Alice Chen") || !strings.Contains(v, tc.want) {
			t.Errorf("%d columns: want %q in\n%s", tc.width, tc.want, v)
		}
	}
}
