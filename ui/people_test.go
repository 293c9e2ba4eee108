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
