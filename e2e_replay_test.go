package main

import (
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// The real binary records ten minutes of the simulator's call on the
// watch screen, and `qostop replay` (with no Zoom settings in its
// environment, nor a network to ask) draws the watch screen, its charts
// and its event log as they were drawn live, but for the status bar.
//
// The times align as follows: the simulator's clock is moved a minute at
// a time, ten times, and stops; once the live screen shows the tenth new
// sample nothing changes on it but the status bar, and the screens are
// captured. The replay's $ moves its clock to the recording's end, the
// last answer the live screens took, which held the same samples.
func TestEndToEndReplayDrawsWhatWasShownLive(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	start := time.Now().UTC().Add(-15 * time.Minute).Truncate(time.Minute)
	z := simtest.StartAt(t, start, sim.Options{Seed: 1, SampleEvery: time.Minute, PreHistory: 1})
	file := filepath.Join(t.TempDir(), "call.jsonl")
	env := append([]string{"TERM=xterm-256color", "TZ=UTC", "XDG_STATE_HOME=" + t.TempDir()}, z.Env()...)
	live := startTmux(t, 120, 40, env, bin, "watch", sim.DemoMeetingID, "16778241", "--record", file, "--interval", "2s", "--no-state")
	for i := 1; i <= 10; i++ {
		z.Clock.Add(time.Minute)
		newest := "newest " + z.Clock.Now().Truncate(time.Minute).Format("15:04")
		live.waitFor(newest, 30*time.Second, func(sc string) bool { return strings.Contains(sc, newest) })
	}
	shown := captureViews(live)
	live.send("q")
	live.waitFor("qostop to exit", 10*time.Second, func(string) bool { return live.exitStatus() != "" })

	home := t.TempDir()
	replayed := startTmux(t, 120, 40, []string{"env", "-i", "TERM=xterm-256color", "TZ=UTC", "HOME=" + home, "PATH=/usr/bin:/bin"},
		bin, "replay", file)
	replayed.waitFor("the replay", 20*time.Second, func(sc string) bool { return strings.Contains(sc, "REPLAY") })
	replayed.send("$")
	for i, key := range []string{"", "Enter", "Escape", "l"} {
		if key != "" {
			replayed.send(key)
		}
		t.Logf("live, after %q:\n%s", key, shown[i]) // shown when the replay differs
		replayed.waitFor("the replay drawing what was shown live (after "+key+")", 20*time.Second, func(sc string) bool {
			return withoutStatusLine(sc) == withoutStatusLine(shown[i])
		})
	}
	replayed.send("q")
	replayed.waitFor("the replay to exit", 10*time.Second, func(string) bool { return replayed.exitStatus() != "" })
	if st := replayed.exitStatus(); st != "0" {
		t.Errorf("qostop replay exited %s:\n%s", st, replayed.capture())
	}

	// Cut at a random byte after the header, it still replays, and says so.
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	header := strings.IndexByte(string(data), '\n') + 1
	at := header + rand.IntN(len(data)-header-1) + 1
	for data[at-1] == '\n' { // a cut at a line's end is a whole file
		at--
	}
	cut := filepath.Join(t.TempDir(), "cut.jsonl")
	if err := os.WriteFile(cut, data[:at], 0o600); err != nil {
		t.Fatal(err)
	}
	line := strings.Count(string(data[:at]), "\n") + 1
	want := "incomplete recording (cut at line " + strconv.Itoa(line) + ")"
	s := startTmux(t, 120, 40, []string{"env", "-i", "TERM=xterm-256color", "HOME=" + home}, bin, "replay", cut)
	s.waitFor(want+" (the file cut at byte "+strconv.Itoa(at)+")", 20*time.Second, func(sc string) bool { return strings.Contains(sc, want) })
}

// captureViews captures the watch screen, its charts (enter) and its
// event log (l), each once it has settled.
func captureViews(s *tmuxSession) []string {
	var out []string
	for _, key := range []string{"", "Enter", "Escape", "l"} {
		if key != "" {
			s.send(key)
		}
		want := map[string]string{"": "[audio]", "Enter": "1 of 5", "Escape": "[audio]", "l": "event log:"}[key]
		out = append(out, s.waitFor(want, 20*time.Second, func(sc string) bool { return strings.Contains(sc, want) }))
	}
	s.send("Escape") // and wait: an esc just before the next key makes alt+key
	s.waitFor("the watch screen", 20*time.Second, func(sc string) bool { return strings.Contains(sc, "[audio]") })
	return out
}

// withoutStatusLine is a screen without the status bar, the line before
// the help line, which says how the polling goes live and REPLAY in a
// replay.
func withoutStatusLine(screen string) string {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	for i := len(lines) - 1; i >= 0; i-- { // from the bottom: "newest first" heads the event log
		if l := lines[i]; strings.Contains(l, "REPLAY") || strings.Contains(l, " newest ") || strings.Contains(l, "polled ") {
			return strings.Join(append(lines[:i:i], lines[i+1:]...), "\n")
		}
	}
	return screen
}

// A file that is not a recording is refused on one line, exit status 2,
// saying what it is and what replay takes.
func TestReplayRefusesAFileThatIsNoRecording(t *testing.T) {
	bin := buildBinary(t)
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("user reported at 14:32\n"), 0o600)
	for _, path := range []string{notes, filepath.Join(t.TempDir(), "missing.jsonl")} {
		cmd := exec.Command(bin, "replay", path)
		cmd.Env = []string{"HOME=" + t.TempDir(), "TERM=xterm-256color"}
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 2 || strings.Count(string(out), "\n") != 1 ||
			!strings.Contains(string(out), "replay takes a recording written by --record FILE") {
			t.Errorf("qostop replay %s: %v\n%s", filepath.Base(path), err, out)
		}
	}
}
