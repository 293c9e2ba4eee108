package main

import (
	"strings"
	"testing"
	"time"
)

// firstLine is the screen's first line, trimmed: a watch screen's names
// the participant.
func firstLine(screen string) string { return strings.TrimSpace(strings.SplitN(screen, "\n", 2)[0]) }

// The triage walk of issue 11 in a real terminal: the list, the overview
// (m changes what the media columns show, s the sort), a participant (n
// the next in the overview's order, w the worst now, l the event log),
// and back to the list with esc.
func TestEndToEndTriageWalk(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	s := startTmux(t, 120, 40, []string{"TERM=xterm-256color"}, bin, "demo")
	s.waitFor("the meeting list", 20*time.Second, func(sc string) bool {
		return containsAll(sc, "Meetings", "Incident bridge", "fetched")
	})
	s.send("Enter")
	s.waitFor("the overview, worst first, with the reason on each row", 10*time.Second, func(sc string) bool {
		return containsAll(sc, "sort: worst first", "worst now", "audio lat", "degraded")
	})
	s.send("m")
	s.waitFor("m: the media columns show jitter", 5*time.Second, func(sc string) bool {
		return containsAll(sc, "audio jit", "video jit") && !strings.Contains(sc, "audio lat")
	})
	s.send("s")
	s.waitFor("s: sorted by name", 5*time.Second, func(sc string) bool {
		return containsAll(sc, "sort: name A-Z")
	})
	s.send("Enter")
	s.waitFor("Alice Chen's watch screen, the first by name", 10*time.Second, func(sc string) bool {
		return strings.HasPrefix(firstLine(sc), "Alice Chen") && containsAll(sc, "[audio]")
	})
	s.send("n")
	s.waitFor("n: Bob Okafor, the next by name", 10*time.Second, func(sc string) bool {
		return strings.HasPrefix(firstLine(sc), "Bob Okafor") && containsAll(sc, "[audio]")
	})
	s.send("w")
	worst := s.waitFor("w: another participant's watch screen", 10*time.Second, func(sc string) bool {
		return containsAll(sc, "[audio]", "LIVE") && !strings.HasPrefix(firstLine(sc), "Bob Okafor")
	})
	s.send("l")
	s.waitFor("l: the event log", 5*time.Second, func(sc string) bool {
		return containsAll(sc, "event log: ") && !strings.Contains(sc, "[audio]")
	})
	s.send("Escape")
	s.waitFor("esc: the panes again", 5*time.Second, func(sc string) bool { return containsAll(sc, "[audio]") })
	s.send("Escape")
	over := s.waitFor("esc: the overview", 5*time.Second, func(sc string) bool { return containsAll(sc, "sort: name A-Z") })
	name := strings.Fields(firstLine(worst))[0]
	var cursor []string
	for _, l := range strings.Split(over, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "▸") {
			cursor = append(cursor, l)
		}
	}
	if len(cursor) != 1 || !strings.Contains(cursor[0], name) {
		t.Errorf("the overview's cursor lines are %q, want one, on %s, watched last:\n%s", cursor, name, over)
	}
	s.send("Escape")
	s.waitFor("esc: the meeting list", 5*time.Second, func(sc string) bool {
		return containsAll(sc, "Meetings", "Design review", "Company all-hands")
	})
}
