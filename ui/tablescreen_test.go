package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/ui/table"
)

func TestMeetingLength(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"00:40:38", "40m38s"},
		{"01:02:00", "1h02m"},
		{"00:00:07", "7s"},
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
		pages    int
		interval time.Duration
		once     bool
		want     string
	}{
		{4, 10 * time.Second, false, "4 requests / refresh, 24 / min"},
		{1, 10 * time.Second, false, "1 request / refresh, 6 / min"},
		{1, 5 * time.Minute, false, "1 request / refresh, 12 / hour"},
		{3, 10 * time.Second, true, "3 requests / refresh"},
	} {
		if got := costText(tc.pages, tc.interval, tc.once); got != tc.want {
			t.Errorf("costText(%d, %s, %v) = %q, want %q", tc.pages, tc.interval, tc.once, got, tc.want)
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
