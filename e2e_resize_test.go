package main

import (
	"strings"
	"testing"
	"time"
)

// sparkRuns are the sparklines of the audio and video panes' rows on a
// screen: what lies between a row's label and its scale ("top 200ms"), trimmed of
// the blank and absent (before the join) columns at the left.
func sparkRuns(screen string) []string {
	var runs []string
	pane := ""
	for _, l := range strings.Split(screen, "\n") {
		switch {
		case strings.Contains(l, "audio") && strings.HasPrefix(l, "╭"), strings.Contains(l, "video") && strings.HasPrefix(l, "╭"):
			pane = "av"
		case strings.HasPrefix(l, "╭"):
			pane = ""
		}
		at := strings.Index(l, "top ")
		if pane == "" || !strings.HasPrefix(l, "│") || at < 0 {
			continue
		}
		fields := strings.Fields(strings.TrimPrefix(l[:at], "│"))
		if len(fields) < 2 {
			continue
		}
		spark := strings.TrimPrefix(strings.TrimPrefix(l[:at], "│"), fields[0])
		runs = append(runs, strings.TrimRight(strings.TrimLeft(spark, " ·"), " "))
	}
	return runs
}

// A resize from 80 to 200 columns mid-call, with a window chosen at 80
// (] to 2m), leaves no blank column inside the demo's unbroken run of
// samples: the window's columns get shorter than the simulator's 3 s
// cadence, and each sample fills the columns of the time it stands for
// rather than one column in every few (the comb of fake gaps the wide
// terminal drew).
func TestEndToEndResizeDrawsNoComb(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	s := startTmux(t, 80, 24, []string{"TERM=xterm-256color"}, bin, "demo")
	s.waitFor("the meeting list", 20*time.Second, func(sc string) bool { return containsAll(sc, "Incident bridge", "fetched") })
	s.send("Enter")
	s.waitFor("the participants", 10*time.Second, func(sc string) bool { return containsAll(sc, "Alice Chen", "worst first") })
	s.send("Enter")
	s.waitFor("the panes", 20*time.Second, func(sc string) bool { return containsAll(sc, "audio", "video", "window") })
	s.send("]")
	s.waitFor("the 2m window, said at 80 columns", 10*time.Second, func(sc string) bool { return strings.Contains(sc, "window 2m") })
	s.tmux("resize-window", "-t", "e2e", "-x", "200", "-y", "50")
	screen := s.waitFor("the panes at 200 columns", 10*time.Second, func(sc string) bool {
		return strings.Contains(sc, "window 2m") && len(sparkRuns(sc)) >= 8 && strings.Contains(sc, strings.Repeat("─", 150))
	})
	for _, run := range sparkRuns(screen) {
		if run == "" {
			t.Fatalf("an empty sparkline at 200 columns:\n%s", screen)
		}
		if strings.Contains(run, " ") {
			t.Errorf("a blank column inside an unbroken run of samples: %q\n%s", run, screen)
		}
	}
}
