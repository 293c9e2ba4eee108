package ui

import (
	"strings"
	"testing"
)

// watching is the participant ID of the watch screen on top, or "".
func watching(h *harness) string {
	if h.a.top().name() != "watch" {
		return ""
	}
	return h.watch().t.participantID
}

// Bridge user IDs, by castOf's order.
const (
	bobID   = "16778241"
	aliceID = "16778242"
	guestID = "16778243"
	erikID  = "16778244"
	danaID  = "16778245"
)

func TestNextPreviousAndWorstPersonFollowTheOverview(t *testing.T) {
	src := newTableSource()
	src.setPeople(bridge())
	h, _ := newTableHarness(t, src, 120, 40, onBridge)
	// Worst first: Alice, the guest, Dana, Bob, Erik (left).
	for _, step := range []struct {
		key, want string
	}{
		{"enter", aliceID}, {"n", guestID}, {"n", danaID}, {"N", guestID}, {"w", aliceID},
		{"N", aliceID}, // the top: nowhere to go
	} {
		h.press(step.key)
		if got := watching(h); got != step.want {
			t.Fatalf("%s: watching %q, want %q", step.key, got, step.want)
		}
	}
	h.press("n", "esc")
	if r, _ := h.overview().table.Selected(); h.a.top().name() != "overview" || r.Key != guestID {
		t.Fatalf("esc: the overview's cursor is on %q, want the guest last watched", r.Key)
	}
	for _, l := range strings.Split(h.a.content(), "\n") {
		if strings.Contains(l, "▸") && !strings.Contains(l, "(hidden) "+guestID) {
			t.Fatalf("esc: the overview draws its cursor on another row than the guest's:\n%s", h.a.content())
		}
	}
	// Sorted by name: n follows that order, not worst first.
	h.press("s", "g", "enter", "n")
	if got := watching(h); got != bobID {
		t.Fatalf("by name, n after Alice watches %q, want Bob", got)
	}
	h.press("n", "n", "n", "n") // Dana, Erik, the guest (hidden names last), then the end
	if got := watching(h); got != guestID {
		t.Fatalf("n past the end watches %q, want the last row, the guest", got)
	}
	if stack := len(h.a.stack); stack != 2 {
		t.Errorf("the stack holds %d screens after n and w, want 2 (overview, watch)", stack)
	}
}

// R gives stable pseudonyms, the same on the overview and the watch
// screen, so rows can still be told apart while sharing; user IDs go too.
func TestRedactGivesStablePseudonymsEverywhere(t *testing.T) {
	src := newTableSource()
	src.setPeople(bridge())
	h, _ := newTableHarness(t, src, 120, 40, onBridge)
	h.press("R")
	v := h.a.content()
	for _, gone := range []string{"Alice Chen", bobID, guestID} {
		if strings.Contains(v, gone) {
			t.Errorf("R: %q still on the overview:\n%s", gone, v)
		}
	}
	// Alice was seen second (castOf's order), whatever her place now.
	if got := names(h); got[0] != "participant 2" {
		t.Fatalf("R: rows %q, want Alice, on top, as participant 2", got)
	}
	h.press("enter")
	if first := firstLine(h.a.content()); !strings.HasPrefix(first, "participant 2") {
		t.Fatalf("the watch screen calls her %q, want participant 2 as on the overview", first)
	}
	if strings.Contains(h.a.content(), aliceID) {
		t.Errorf("her user ID is on the watch screen under R:\n%s", h.a.content())
	}
}

func firstLine(s string) string { return strings.TrimSpace(strings.SplitN(s, "\n", 2)[0]) }
