package main

import (
	"strings"
	"testing"
	"time"
)

// The demo's overview in a real terminal: at 200 columns the wide form
// (readings side by side, the MOS estimate, the trend); shrunk to a
// 40x10 corner, its first rows, not a refusal; below that a refusal that
// says, whole, what it needs.
func TestEndToEndWideAndSmallOverview(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	s := startTmux(t, 200, 50, []string{"TERM=xterm-256color"}, bin, "demo")
	s.waitFor("the meeting list", 20*time.Second, func(sc string) bool { return containsAll(sc, "Incident bridge", "fetched") })
	s.send("Enter")
	s.waitFor("the wide overview", 10*time.Second, func(sc string) bool {
		return containsAll(sc, "latency ms", "jitter ms", "loss %", "est. MOS", "worst reading, last 30 min", "Alice Chen")
	})
	s.tmux("resize-window", "-t", "e2e", "-x", "40", "-y", "10")
	s.waitFor("the overview's first rows at 40x10", 10*time.Second, func(sc string) bool {
		return containsAll(sc, "participant", "worst now") && !strings.Contains(sc, "too small")
	})
	s.tmux("resize-window", "-t", "e2e", "-x", "39", "-y", "9")
	s.waitFor("the refusal, whole", 10*time.Second, func(sc string) bool {
		return containsAll(sc, "terminal too small:", "need 40x10, have 39x9")
	})
}
