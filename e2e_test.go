package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The end-to-end test: the real binary, in a real terminal (tmux), against
// the in-process simulator over real OAuth and HTTP. It reads the screen
// the way a person would.

// buildBinary compiles qostop once per test run.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "qostop")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// tmuxSession is one detached tmux server on its own socket, so tests never
// touch a user's sessions.
type tmuxSession struct {
	t          *testing.T
	socket     string
	statusFile string
}

func startTmux(t *testing.T, width, height int, env []string, argv ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed; .ci/run should have installed it")
		}
		t.Skip("tmux is not installed")
	}
	s := &tmuxSession{
		t:          t,
		socket:     fmt.Sprintf("qostop-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()),
		statusFile: filepath.Join(t.TempDir(), "status"),
	}
	// The shell writes the exit status to a file: tmux 3.3 sometimes marks
	// a pane dead without ever filling in #{pane_dead_status}.
	cmd := fmt.Sprintf("%s; echo $? > %s", strings.Join(append(env, argv...), " "), s.statusFile)
	s.tmux("new-session", "-d", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height), "-s", "e2e", cmd)
	// Keep the pane after the program exits so the test can tell an exit
	// from a crash and read what was left on screen.
	s.tmux("set-option", "-t", "e2e", "remain-on-exit", "on")
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (s *tmuxSession) capture() string { return s.tmux("capture-pane", "-p", "-t", "e2e") }

func (s *tmuxSession) send(keys ...string) {
	s.tmux(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}

// waitFor polls the screen until ok accepts it, and fails with the last
// screen after timeout.
func (s *tmuxSession) waitFor(what string, timeout time.Duration, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	var screen string
	for time.Now().Before(deadline) {
		screen = s.capture()
		if ok(screen) {
			return screen
		}
		time.Sleep(200 * time.Millisecond)
	}
	s.t.Fatalf("waited %s for %s; the screen was:\n%s", timeout, what, screen)
	return ""
}

// exitStatus is the program's exit status, or "" while it runs.
func (s *tmuxSession) exitStatus() string {
	b, _ := os.ReadFile(s.statusFile)
	return strings.TrimSpace(string(b))
}

// Sequences a terminal program writes, as pipe-pane records them.
const (
	altScreenOn  = "\x1b[?1049h"
	altScreenOff = "\x1b[?1049l"
	cursorOn     = "\x1b[?25h"
)

func containsAll(screen string, words ...string) bool {
	for _, w := range words {
		if !strings.Contains(screen, w) {
			return false
		}
	}
	return true
}

func TestEndToEndDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	cases := []struct {
		name          string
		width, height int
		env, flags    []string
		glyphs        string // at least one of these must draw a sparkline
	}{
		{"unicode 100x30", 100, 30, []string{"TERM=xterm-256color"}, nil, "▁▂▃▄▅▆▇█"},
		{"ascii NO_COLOR 80x24", 80, 24, []string{"TERM=xterm-256color", "NO_COLOR=1"}, []string{"--ascii"}, "_.-=^#"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := startTmux(t, tc.width, tc.height, tc.env, append([]string{bin, "demo"}, tc.flags...)...)
			// The newcomer's way in: the list of meetings, enter on the
			// first (the Incident bridge), enter on the worst participant.
			s.waitFor("the meeting list", 20*time.Second, func(sc string) bool {
				return containsAll(sc, "Meetings", "Incident bridge", "Company all-hands", "fetched")
			})
			s.send("Enter")
			s.waitFor("the Incident bridge's participants", 10*time.Second, func(sc string) bool {
				return containsAll(sc, "Incident bridge", "Alice Chen", "Bob Okafor", "req/refresh", "worst first")
			})
			s.send("Enter")
			screen := s.waitFor("the three panes with sparklines", 20*time.Second, func(sc string) bool {
				return containsAll(sc, "audio", "video", "screen share", "send", "receive") &&
					strings.ContainsAny(sc, tc.glyphs)
			})
			if tc.flags != nil {
				for i, r := range screen {
					if r >= 0x80 {
						t.Fatalf("--ascii screen has non-ASCII %q at byte %d:\n%s", r, i, screen)
					}
				}
			}
			for _, line := range strings.Split(strings.TrimRight(screen, "\n"), "\n") {
				if w := len([]rune(line)); w > tc.width {
					t.Errorf("line wider than the terminal (%d > %d): %q", w, tc.width, line)
				}
			}

			s.send("?")
			s.waitFor("the full help", 5*time.Second, func(sc string) bool {
				return containsAll(sc, "quit", "pause", "refresh", "fewer keys")
			})
			// esc closes the help, then walks back: the overview, the list.
			s.send("Escape")
			s.waitFor("the help closed", 5*time.Second, func(sc string) bool { return !strings.Contains(sc, "fewer keys") })
			s.send("Escape")
			s.waitFor("the overview again", 5*time.Second, func(sc string) bool {
				return containsAll(sc, "Alice Chen", "worst first") && !strings.Contains(sc, "screen share")
			})
			s.send("Escape")
			s.waitFor("the meeting list again", 5*time.Second, func(sc string) bool {
				return containsAll(sc, "Incident bridge", "meetings in progress") && !strings.Contains(sc, "Alice Chen")
			})
			s.send("q")
			s.waitFor("the program to exit", 5*time.Second, func(string) bool { return s.exitStatus() != "" })
			if status := s.exitStatus(); status != "0" {
				t.Fatalf("exit status %s; screen:\n%s", status, s.capture())
			}
		})
	}
}

// TestHelpNamesEveryCommand checks the first thing a newcomer reads.
func TestHelpNamesEveryCommand(t *testing.T) {
	var out bytes.Buffer
	if err := run(t.Context(), []string{"--help"}, &out, &out); err != nil {
		t.Fatal(err)
	}
	root, _ := newRoot(&out, &out)
	for _, c := range root.Commands() {
		if !strings.Contains(out.String(), "qostop "+c.Name()) {
			t.Errorf("help lacks %q:\n%s", c.Name(), out.String())
		}
	}
	if !strings.Contains(out.String(), "ZOOM_CLIENT_SECRET") {
		t.Errorf("help does not name the credential variables:\n%s", out.String())
	}
}
