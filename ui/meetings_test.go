package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The meeting ID is what a user copies into `qostop watch ID`: at every
// width the list keeps its column and shows each ID whole, dropping
// media, host and length first.
func TestMeetingListKeepsTheWholeIDAtEveryWidth(t *testing.T) {
	src := newTableSource()
	src.meetings = liveMeetings()
	src.meetings[0].ID = "8990011223344" // longer than the column's width: it grows
	for _, tc := range []struct {
		width      int
		gone, kept []string
	}{
		{60, []string{"media", "host", "Morgan"}, []string{"people", "started", "length"}},
		{80, []string{"media"}, []string{"host", "people", "started", "length"}},
		{120, nil, []string{"host", "people", "started", "length", "media"}},
	} {
		h, _ := newTableHarness(t, src, tc.width, 24)
		view := ansi.Strip(h.a.content())
		lines := strings.Split(view, "\n")
		if !strings.Contains(lines[2], "meeting ID") {
			t.Errorf("at %d columns the list has no meeting ID column:\n%s", tc.width, view)
		}
		for _, mt := range src.meetings {
			if !strings.Contains(view, " "+mt.ID+" ") {
				t.Errorf("at %d columns meeting ID %s is not shown whole:\n%s", tc.width, mt.ID, view)
			}
		}
		for _, w := range tc.gone {
			if strings.Contains(lines[2]+lines[3], w) {
				t.Errorf("at %d columns %q should have gone before the ID:\n%s", tc.width, w, view)
			}
		}
		for _, w := range tc.kept {
			if !strings.Contains(lines[2], w) {
				t.Errorf("at %d columns %q should fit beside the ID:\n%s", tc.width, w, view)
			}
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > tc.width {
				t.Errorf("at %d columns a line is %d wide: %q", tc.width, ansi.StringWidth(l), l)
			}
		}
	}
}
