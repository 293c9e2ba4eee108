package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/ui/table"
)

func TestMeetingLength(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Whole minutes, cut down: the list is a minute old at worst.
		{"00:40:38", "40m"},
		{"01:02:59", "1h02m"},
		{"00:01:00", "1m"},
		{"00:00:07", "<1m"},
		{"26:00:00", "26h"},
		{"", "-"},
		{"40 minutes", "40 minutes"},
		{"1:-2:3", "1:-2:3"},
		{"\x1b[2J01:00:00", "01:00:00"}, // sanitized, and not a length
	} {
		if got := meetingLength(tc.in); got != tc.want {
			t.Errorf("meetingLength(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCostText(t *testing.T) {
	for _, tc := range []struct {
		pages, lastMinute int
		once              bool
		want              string
	}{
		{4, 5, false, "4 req/refresh, 5 in last minute"},
		{1, 0, false, "1 req/refresh, 0 in last minute"},
		{3, 9, true, "3 req/refresh"},
	} {
		if got := wholeParts(costParts(tc.pages, tc.lastMinute, tc.once), " · ", 0); got != tc.want {
			t.Errorf("costParts(%d, %d, %v) = %q, want %q", tc.pages, tc.lastMinute, tc.once, got, tc.want)
		}
	}
}

func TestLineInput(t *testing.T) {
	var l table.Input
	runes := func(s string) tea.KeyPressMsg { return keyMsg(s) }
	for _, step := range []struct {
		msg  tea.KeyPressMsg
		want string
	}{
		{runes("alice"), "alice"},
		{keyMsg(" "), "alice "},
		{runes("chen"), "alice chen"},
		{keyMsg("ctrl+w"), "alice "},
		{keyMsg("backspace"), "alice"},
		{runes("\x1b]52;c;cm0=\x07\x1b[2J!"), "alice!"}, // a paste that tries the clipboard and a clear
		{keyMsg("ctrl+u"), ""},
		{keyMsg("backspace"), ""},
	} {
		l.Update(step.msg)
		if got := l.Text(); got != step.want {
			t.Fatalf("after %q: %q, want %q", step.msg, got, step.want)
		}
	}
}
