package ui

import (
	"strings"
	"testing"
)

// onAlice starts where `qostop watch 85012345678 16778242` does: Alice
// Chen's watch screen (the second of bridge()).
func onAlice(c *Config) {
	c.MeetingID, c.ParticipantID, c.Topic = "85012345678", "16778242", "Incident bridge"
}

// From a direct watch, esc goes to that meeting's overview, its cursor on
// whom was watched: it silently did nothing.
func TestDirectWatchEscOpensTheOverview(t *testing.T) {
	src := newTableSource()
	src.setPeople(bridge())
	h, _ := newTableHarness(t, src, 120, 40, onAlice)
	if h.a.top().name() != "watch" || !strings.Contains(h.a.content(), "esc back") {
		t.Fatalf("not on a watch screen that offers esc:\n%s", h.a.content())
	}
	if n := src.callsOf("meeting"); n != 0 {
		t.Fatalf("the overview below asked Zoom %d times before it was wanted", n)
	}
	h.press("esc")
	if h.a.top().name() != "overview" {
		t.Fatalf("esc left %s on top", h.a.top().name())
	}
	if r, ok := h.overview().table.Selected(); !ok || r.Key != "16778242" {
		t.Errorf("the cursor is on %q, not Alice:\n%s", r.Key, h.a.content())
	}
}

// n, N and w on a direct watch ask for the roster, say so, and then step.
func TestDirectWatchNextFetchesTheRoster(t *testing.T) {
	src := newTableSource()
	src.setPeople(bridge())
	h, _ := newTableHarness(t, src, 120, 40, onAlice)
	for _, msg := range h.press("n") {
		if n, ok := msg.(noticeMsg); ok {
			h.send(n) // as Bubble Tea would: the harness settles only answers
		}
	}
	if src.callsOf("meeting") != 1 || !strings.Contains(h.a.notice, "asking Zoom who is in the meeting") {
		t.Fatalf("n fetched the roster %d times; notice %q", src.callsOf("meeting"), h.a.notice)
	}
	h.press("n") // Alice is the worst: the next is the guest
	w, ok := h.a.top().(*watchModel)
	if !ok || w.t.participantID == "16778242" {
		t.Fatalf("n again did not open another participant's watch screen: %s", h.a.top().name())
	}
	h.press("esc")
	if h.a.top().name() != "overview" {
		t.Errorf("esc after n left %s on top", h.a.top().name())
	}
}
