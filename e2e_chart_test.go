package main

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// hhmm is a time label as the chart's x axis and the panes' time axis
// write it.
var hhmm = regexp.MustCompile(`\b([01]\d|2[0-3]):[0-5]\d\b`)

// cursorTitle is a panel title reading the cursor: "latency send  ┊
// 12:52:24 104 ms" (| with --ascii).
var cursorTitle = regexp.MustCompile(`latency send  [┊|] \d\d:\d\d(:\d\d)? (\d|no sample)`)

// The chart screen in a real terminal: enter on the focused pane opens
// its medium as braille line charts with HH:MM labels (ASCII with
// --ascii), ← scrolls back and the status bar says what is shown, end
// goes live again, c shows the cursor and esc hides it, esc returns to
// the panes.
func TestEndToEndChartScreen(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	for _, tc := range []struct {
		name          string
		width, height int
		env, flags    []string
	}{
		{"unicode 100x30", 100, 30, []string{"TERM=xterm-256color"}, nil},
		{"ascii NO_COLOR 80x24", 80, 24, []string{"TERM=xterm-256color", "NO_COLOR=1"}, []string{"--ascii"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ascii := tc.flags != nil
			s := startTmux(t, tc.width, tc.height, tc.env, append([]string{bin, "demo"}, tc.flags...)...)
			s.waitFor("the meeting list", 20*time.Second, func(sc string) bool { return containsAll(sc, "Incident bridge", "fetched") })
			s.send("Enter")
			s.waitFor("the participants", 10*time.Second, func(sc string) bool { return containsAll(sc, "Alice Chen", "worst first") })
			s.send("Enter")
			s.waitFor("the panes", 20*time.Second, func(sc string) bool { return containsAll(sc, "audio", "video", "screen share", "window") })
			s.send("Enter")
			screen := s.waitFor("the audio charts", 10*time.Second, func(sc string) bool {
				return containsAll(sc, "latency send", "warn 150", "live") && hhmm.MatchString(sc)
			})
			if braille := strings.ContainsFunc(screen, func(r rune) bool { return r > 0x2800 && r <= 0x28ff }); braille == ascii {
				t.Fatalf("braille on screen: %v, want %v:\n%s", braille, !ascii, screen)
			}
			if ascii {
				requireASCII(t, screen)
			}
			// The demo starts with a minute of history: zoom in to the
			// shortest chart window and press ← until the history holds
			// more than the view (← with everything in view stays live).
			s.send("[")
			s.send("[")
			screen = s.waitFor("the view scrolled back", 30*time.Second, func(sc string) bool {
				if strings.Contains(sc, "end: live") {
					return true
				}
				s.send("Left")
				return false
			})
			if ascii {
				requireASCII(t, screen)
			}
			s.send("End")
			s.waitFor("the live view", 5*time.Second, func(sc string) bool {
				return strings.Contains(sc, "live") && !strings.Contains(sc, "end: live")
			})
			// c shows the cursor: each title reads a time; esc hides it,
			// and only the next esc leaves.
			s.send("c")
			screen = s.waitFor("the cursor", 5*time.Second, func(sc string) bool {
				return strings.Contains(sc, "hide cursor") && cursorTitle.MatchString(sc)
			})
			if ascii {
				requireASCII(t, screen)
			}
			s.send("Escape")
			s.waitFor("the cursor hidden", 5*time.Second, func(sc string) bool {
				return containsAll(sc, "c cursor", "latency send") && !cursorTitle.MatchString(sc)
			})
			s.send("Escape")
			// The panes are back: their titles and their help line. (Not the
			// bar's "window": at 80 columns it drops once the one polling
			// chain, which kept running under the charts, has learned
			// Zoom's minute and says "next sample due".)
			s.waitFor("the panes again", 5*time.Second, func(sc string) bool {
				return containsAll(sc, "screen share", "tab next pane") && !strings.Contains(sc, "latency send")
			})
			s.send("q")
			s.waitFor("the program to exit", 5*time.Second, func(string) bool { return s.exitStatus() != "" })
			if status := s.exitStatus(); status != "0" {
				t.Fatalf("exit status %s; screen:\n%s", status, s.capture())
			}
		})
	}
}

func requireASCII(t *testing.T, screen string) {
	t.Helper()
	for i, r := range screen {
		if r >= 0x80 {
			t.Fatalf("--ascii screen has non-ASCII %q at byte %d:\n%s", r, i, screen)
		}
	}
}
