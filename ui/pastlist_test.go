package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// qostop meetings --type past lists the meetings that ended, asked of
// Zoom by type and dates, says so in its header, and opens one as past.
func TestPastMeetingListAsksForEndedMeetingsOfItsDates(t *testing.T) {
	src := newTableSource()
	src.meetings = liveMeetings()
	src.setPeople(bridge())
	from := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	to := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	h, _ := newTableHarness(t, src, 120, 40, func(c *Config) { c.Type, c.From, c.To = model.Past, from, to })
	if n := src.callsOf("list past 2026-11-20 2026-11-24"); n != 1 {
		t.Errorf("Zoom was asked %d times for the past meetings of 2026-11-20 to 2026-11-24, want once (calls %v)", n, src.calls)
	}
	if n := src.callsOf("list"); n != 0 {
		t.Errorf("the live list was asked %d times", n)
	}
	first := strings.SplitN(h.a.content(), "\n", 2)[0]
	if !strings.Contains(first, "PAST") || strings.Contains(first, "LIVE") ||
		!strings.Contains(first, "3 meetings ended, started from 2026-11-20 to 2026-11-24 (UTC)") {
		t.Fatalf("header %q", first)
	}
	h.press("enter")
	if o := h.overview(); o.t.typ != model.Past {
		t.Fatalf("the meeting opened as %q, want past", o.t.typ)
	}
}
