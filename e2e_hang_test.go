package main

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
)

// A Zoom that never answers: the watch screen says how long it has waited,
// still takes keys, and q ends the program at once, not after the
// request's minute-long timeout.
func TestEndToEndQuitWhileZoomHangs(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	s := sim.New(sim.Options{Faults: 1, FaultKinds: []sim.FaultKind{sim.FaultSlow}, SlowDelay: time.Hour})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	defer s.Close() // releases the held requests, so the server can close
	env := []string{"TERM=xterm-256color", "ZOOM_ACCOUNT_ID=" + sim.DemoAccountID, "ZOOM_CLIENT_ID=" + sim.DemoClientID,
		"ZOOM_CLIENT_SECRET=" + sim.DemoClientSecret, "ZOOM_API_URL=" + srv.URL + "/v2", "ZOOM_OAUTH_URL=" + srv.URL + "/oauth/token"}
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
