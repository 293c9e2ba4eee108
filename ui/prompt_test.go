package ui

import (
	"strings"
	"testing"

	"github.com/qostop/qostop/fetch/sim"
)

// typeLine types s key by key, as a person would.
func (h *harness) typeLine(s string) {
	for _, r := range s {
		h.deliver(h.press(string(r)))
	}
}

// The ":" prompt goes anywhere from anywhere: a meeting by the ID as
// Zoom prints it, someone in it by a completed name, the rooms, the
// webinars; a reference that cannot be a meeting sends nothing.
func TestPromptOpensMeetingsPeopleRoomsAndWebinars(t *testing.T) {
	h, s := simHarness(t)
	h.typeLine(":m 850 1234 5678")
	if !strings.Contains(h.a.View().Content, ":m 850 1234 5678") {
		t.Errorf("the prompt is not drawn:\n%s", h.a.View().Content)
	}
	h.deliver(h.press("enter"))
	if got := stackOf(h); got != "meetings > overview" || h.overview().t.meetingID != sim.DemoMeetingID {
		t.Fatalf(":m: stack %s", got)
	}
	h.typeLine(":w ali")
	h.press("tab")
	if got := h.a.prompt.text; got != "w Alice Chen" {
		t.Errorf("tab completed %q; want the name from the roster", got)
	}
	h.deliver(h.press("enter"))
	if got := stackOf(h); got != "meetings > overview > watch" || h.watch().t.participantID != sim.DemoParticipantID {
		t.Fatalf(":w: stack %s", got)
	}

	before := s.Stats().APIRequests()
	h.typeLine(":m https://evil.example/j/85012345678?pwd=hunter2")
	h.deliver(h.press("enter"))
	view := h.a.View().Content
	if !strings.Contains(view, "not to a Zoom or ZoomGov host") || strings.Contains(view, "hunter2") {
		t.Errorf("a link elsewhere: want the reason, without the password:\n%s", view)
	}
	if s.Stats().APIRequests() != before || stackOf(h) != "meetings > overview > watch" {
		t.Errorf("a refused reference sent %d requests or moved (%s)", s.Stats().APIRequests()-before, stackOf(h))
	}
	h.typeLine(":w zed")
	h.deliver(h.press("enter"))
	if !strings.Contains(h.a.View().Content, `participant "zed": nobody in meeting 85012345678`) {
		t.Errorf(":w with an unknown name:\n%s", h.a.View().Content)
	}

	h.typeLine(":ro")
	h.press("tab")
	h.deliver(h.press("enter"))
	if got := stackOf(h); !strings.HasSuffix(got, "> rooms") {
		t.Errorf(":rooms: stack %s", got)
	}
	h.typeLine(":webinars")
	h.deliver(h.press("enter"))
	rows := h.meetings().table.Rows()
	if got := stackOf(h); !strings.HasSuffix(got, "> rooms > meetings") || len(rows) != 1 || !strings.Contains(rows[0].Cells[0].Text, "Product launch") {
		t.Errorf(":webinars: stack %s, %d rows", got, len(rows))
	}
	h.typeLine(":nope")
	h.press("esc")
	if h.a.prompt != nil {
		t.Error("esc left the prompt open")
	}
}
