package ui

import (
	"strings"
	"testing"
)

// `qostop meeting ID` knows no topic: it is asked of Zoom once, and the
// header names the meeting, not only its ID; polls do not ask again.
func TestMeetingOpenedByIDShowsItsTopicAskedOnce(t *testing.T) {
	src := newTableSource()
	src.setPeople(bridge())
	src.meetings = liveMeetings()
	h, next := newTableHarness(t, src, 120, 40, func(c *Config) { c.MeetingID = "85012345678" })
	for _, msg := range only[topicMsg](next) {
		h.send(msg)
	}
	first := strings.SplitN(h.a.content(), "\n", 2)[0]
	if !strings.Contains(first, "Incident bridge") || !strings.Contains(first, "meeting 85012345678") {
		t.Fatalf("the header does not name the meeting: %q", first)
	}
	for range 3 {
		tm, pt, ok := pollOf(t, next, h.overview().poll.Owner)
		if !ok {
			t.Fatal("no poll scheduled")
		}
		h.clock.set(h.clock.Now().Add(tm.d))
		next = h.settle(h.send(pt))
	}
	if n := src.callsOf("details"); n != 1 {
		t.Errorf("the meeting's details were asked %d times, want once", n)
	}
}
