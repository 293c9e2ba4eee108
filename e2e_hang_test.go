package main

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// A Zoom that never answers: the watch screen says how long it has waited,
// still takes keys, and q ends the program at once, not after the
// request's minute-long timeout.
func TestEndToEndQuitWhileZoomHangs(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	zoom := simtest.Start(t, sim.Options{Faults: 1, FaultKinds: []sim.FaultKind{sim.FaultSlow}, SlowDelay: time.Hour})
	env := append([]string{"TERM=xterm-256color", "XDG_STATE_HOME=" + t.TempDir()}, zoom.Env()...)
	tm := startTmux(t, 120, 30, env, bin, "watch", "--timeout", "1m", sim.DemoMeetingID, sim.DemoParticipantID)
	tm.waitFor("the wait said on screen", 20*time.Second, func(sc string) bool {
		return strings.Contains(sc, "waiting for Zoom since ")
	})
	tm.send("?")
	tm.waitFor("the full help, during the hang", 5*time.Second, func(sc string) bool {
		return containsAll(sc, "fewer keys", "waiting for Zoom")
	})
	tm.send("q")
	tm.waitFor("the program to exit long before the 1m timeout", 10*time.Second, func(string) bool { return tm.exitStatus() != "" })
	if status := tm.exitStatus(); status != "0" {
		t.Fatalf("exit status %s; screen:\n%s", status, tm.capture())
	}
}
