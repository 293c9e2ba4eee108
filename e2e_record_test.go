package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// The screens record what they fetch: with --record FILE into that file,
// without it into the ring in the state directory; quitting leaves a
// whole recording that loads with the meeting's participants and samples.
func TestEndToEndScreensRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	z := simtest.Start(t, sim.Options{Seed: 1, SampleEvery: time.Second})
	state := t.TempDir()
	env := append([]string{"TERM=xterm-256color", "XDG_STATE_HOME=" + state}, z.Env()...)
	file := filepath.Join(t.TempDir(), "call.jsonl")
	for _, args := range [][]string{{"--record", file}, nil} {
		s := startTmux(t, 120, 40, env, append([]string{bin, "meeting", sim.DemoMeetingID, "--interval", "2s"}, args...)...)
		// Shown means recorded: the recorder sees each answer before the screen does.
		s.waitFor("the overview with its participants", 20*time.Second, func(sc string) bool {
			return containsAll(sc, "Alice Chen", "Incident bridge")
		})
		s.send("q")
		s.waitFor("qostop to exit", 10*time.Second, func(string) bool { return s.exitStatus() != "" })
		if st := s.exitStatus(); st != "0" {
			t.Fatalf("qostop %v exited %s:\n%s", args, st, s.capture())
		}
	}
	rec, err := record.Load(file)
	if err != nil || rec.Incomplete || rec.MeetingID != sim.DemoMeetingID || len(rec.Participants) != 7 {
		t.Fatalf("--record %s: %v, incomplete %v, meeting %q, %d participants", file, err, rec.Incomplete, rec.MeetingID, len(rec.Participants))
	}
	for _, p := range rec.Participants {
		if len(p.Samples) == 0 {
			t.Errorf("%s has no samples in the recording", p.UserName)
		}
	}
	ring, _ := os.ReadDir(filepath.Join(state, "qostop", "recordings"))
	var files []string
	for _, e := range ring {
		if filepath.Ext(e.Name()) == ".jsonl" {
			files = append(files, e.Name())
		}
	}
	if len(files) != 1 {
		t.Fatalf("the ring holds %v: want the one run without --record", files)
	}
	if r, err := record.Load(filepath.Join(state, "qostop", "recordings", files[0])); err != nil || len(r.Participants) != 7 {
		t.Errorf("the ring's recording: %v, %d participants", err, len(r.Participants))
	}
}

// The ring's limits are stated where a user reads them, with the values
// the recorder enforces: --help of the screens and the README.
func TestRingLimitsAreStated(t *testing.T) {
	bin := buildBinary(t)
	help, err := exec.Command(bin, "meeting", "--help").Output()
	if err != nil {
		t.Fatal(err)
	}
	readme, _ := os.ReadFile("README.md")
	for _, limit := range []string{fmt.Sprintf("%d MiB", record.DefaultRingBytes>>20),
		fmt.Sprintf("%d MiB", record.DefaultRingFileBytes>>20), fmt.Sprintf("%d days", int(record.DefaultRingAge.Hours()/24))} {
		if !strings.Contains(string(help), limit) {
			t.Errorf("meeting --help does not state %q", limit)
		}
		if !strings.Contains(string(readme), "**"+limit+"**") {
			t.Errorf("the README does not state **%s**", limit)
		}
	}
}

// --record FILE records one meeting, so the meeting list refuses it as a
// usage error (status 2) before it needs a terminal or draws anything,
// and leaves no file behind.
func TestRecordFileNeedsAMeeting(t *testing.T) {
	bin := buildBinary(t)
	file := filepath.Join(t.TempDir(), "call.jsonl")
	cmd := exec.Command(bin, "meetings", "--record", file)
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+t.TempDir(), "ZOOM_ACCOUNT_ID=a", "ZOOM_CLIENT_ID=b",
		"ZOOM_CLIENT_SECRET=c", "ZOOM_API_URL=http://127.0.0.1:9/v2")
	out, err := cmd.CombinedOutput()
	if ee := (*exec.ExitError)(nil); !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(string(out), "--record FILE records one meeting") {
		t.Errorf("qostop meetings --record: %v\n%s", err, out)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Errorf("a file was left at %s: %v", file, err)
	}
}
