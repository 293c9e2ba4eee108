package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A user's incident, end to end in the real binary at 100x30: the demo
// recording to a file, a participant watched, M and a note typed; the
// marker on the pane's time axis, in the event log and on the charts;
// then q, and `report --from` the file has it on its timeline. Then
// `demo --replay` serves the recording again, its people on the overview.
func TestEndToEndMarkerToReportAndReplay(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "incident.jsonl")
	env := []string{"TERM=xterm-256color", "XDG_STATE_HOME=" + dir, "XDG_CONFIG_HOME=" + dir}
	const note = "user reported audio cutting out"

	s := startTmux(t, 100, 30, env, bin, "demo", "--record", file)
	s.waitFor("the Incident bridge, which the demo records", 20*time.Second, func(sc string) bool {
		return containsAll(sc, "Incident bridge", "Alice Chen", "worst first")
	})
	s.send("Enter")
	s.waitFor("a participant's panes", 20*time.Second, func(sc string) bool {
		return containsAll(sc, "audio", "video", "window ")
	})
	s.send("M")
	s.waitFor("the note's prompt", 5*time.Second, func(sc string) bool { return strings.Contains(sc, "marker note:") })
	s.send("-l", note)
	s.send("Enter")
	screen := s.waitFor("the marker on the watch screen", 5*time.Second, func(sc string) bool {
		return containsAll(sc, "marker: "+note, "marker at ")
	})
	if !strings.Contains(lineOf(screen, "window "), "◆") {
		t.Errorf("the time axis has no marker:\n%s", screen)
	}
	s.send("Enter")
	s.waitFor("the marker on the charts", 10*time.Second, func(sc string) bool {
		return containsAll(sc, "latency send", "◆", "╎")
	})
	s.send("q")
	s.waitFor("the program to exit", 5*time.Second, func(string) bool { return s.exitStatus() != "" })
	if status := s.exitStatus(); status != "0" {
		t.Fatalf("exit status %s; screen:\n%s", status, s.capture())
	}

	runReport(t, bin, nil, "--from", file, "--out", filepath.Join(dir, "r"))
	if md, _ := os.ReadFile(filepath.Join(dir, "r.md")); !strings.Contains(string(md), "marker: "+note) {
		t.Errorf("the report's timeline lacks the marker:\n%s", md)
	}

	r := startTmux(t, 100, 30, env, bin, "demo", "--replay", file)
	r.waitFor("the replayed meeting in the list", 20*time.Second, func(sc string) bool {
		return containsAll(sc, "Incident bridge", "1 meeting in progress")
	})
	r.send("Enter")
	r.waitFor("the recorded people", 20*time.Second, func(sc string) bool {
		return containsAll(sc, "Alice Chen", "Bob Okafor", "Erik Lund", "7 participants")
	})
	r.send("q")
	r.waitFor("the replay to exit", 5*time.Second, func(string) bool { return r.exitStatus() != "" })
}

func lineOf(screen, s string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}
