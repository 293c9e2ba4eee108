package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The demo takes --debug-log as the commands that ask Zoom do, since
// the errors it shows (a cut answer, an unexpected one) point at it:
// each request to its simulator is a line in the file.
func TestEndToEndDemoDebugLog(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	logFile := filepath.Join(t.TempDir(), "demo.log")
	s := startTmux(t, 100, 30, []string{"TERM=xterm-256color"}, bin, "demo", "--debug-log", logFile)
	s.waitFor("the meeting list", 20*time.Second, func(sc string) bool {
		return containsAll(sc, "Meetings", "Incident bridge", "fetched")
	})
	s.send("q")
	s.waitFor("the program to exit", 5*time.Second, func(string) bool { return s.exitStatus() != "" })
	if status := s.exitStatus(); status != "0" {
		t.Fatalf("exit status %s; screen:\n%s", status, s.capture())
	}
	log, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"POST /oauth/token 200", "GET /v2/metrics/meetings?", "Bearer [redacted]"} {
		if !strings.Contains(string(log), want) {
			t.Errorf("the debug log lacks %q:\n%s", want, log)
		}
	}
}
