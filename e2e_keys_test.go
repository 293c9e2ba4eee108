package main

import (
	"strings"
	"testing"
	"time"
)

// cursorRow is the screen line the table's cursor (▸) is on, or -1.
func cursorRow(screen string) int {
	for i, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " "), "▸") {
			return i
		}
	}
	return -1
}

// Three keys typed faster than a frame (tmux writes "jjj" in one go, as
// does key repeat over SSH) must each move the cursor: Bubble Tea v1 read
// them as one key "jjj" that no binding matched.
func TestEndToEndKeysTypedAtOnceEachCount(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	s := startTmux(t, 100, 30, []string{"TERM=xterm-256color"}, bin, "demo")
	s.waitFor("the meeting list", 20*time.Second, func(sc string) bool {
		return containsAll(sc, "Meetings", "Incident bridge", "fetched")
	})
	s.send("Enter")
	before := s.waitFor("the Incident bridge's participants, cursor on the first", 10*time.Second, func(sc string) bool {
		return containsAll(sc, "Alice Chen", "worst first") && cursorRow(sc) >= 0
	})
	start := cursorRow(before)
	s.send("jjj")
	after := s.waitFor("the cursor three rows down", 5*time.Second, func(sc string) bool {
		return cursorRow(sc) == start+3
	})
	if got := cursorRow(after); got != start+3 {
		t.Fatalf("cursor on line %d after jjj, want %d:\n%s", got, start+3, after)
	}
}
