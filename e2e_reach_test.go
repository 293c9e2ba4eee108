package main

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
)

// watch takes what a person has on a bridge, a join link with its
// password and a first name, in a real terminal; the password is on no
// screen and in no request. A name nobody has ends it with the reason,
// having asked for the roster and no QoS.
func TestEndToEndWatchByLinkAndName(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	s := simEnv(t, sim.Options{Seed: 2})
	env := []string{"TERM=xterm-256color", "XDG_STATE_HOME=" + os.Getenv("XDG_STATE_HOME")}
	for _, k := range []string{"ZOOM_API_URL", "ZOOM_OAUTH_URL", "ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"} {
		env = append(env, k+"="+os.Getenv(k))
	}
	const link = "'https://us02web.zoom.us/j/85012345678?pwd=hunter2SECRET'"
	tm := startTmux(t, 100, 30, env, bin, "watch", link, "Alice")
	screen := tm.waitFor("Alice Chen's watch screen", 20*time.Second, func(sc string) bool {
		return containsAll(sc, "Alice Chen", "audio", "send", "receive")
	})
	if strings.Contains(screen, "hunter2") {
		t.Errorf("the screen shows the link's password:\n%s", screen)
	}
	tm.send("q")
	tm.waitFor("the program to end", 10*time.Second, func(string) bool { return tm.exitStatus() == "0" })
	st := s.Stats()
	if st.Participants != 1 || st.ParticipantQoS == 0 {
		t.Errorf("%d roster and %d QoS requests; want one roster fetch, then QoS", st.Participants, st.ParticipantQoS)
	}

	before := s.Stats()
	tm = startTmux(t, 100, 30, env, bin, "watch", link, "zed")
	tm.waitFor("the reason", 20*time.Second, func(string) bool { return tm.exitStatus() != "" })
	// The reason is one line, wrapped by the terminal: read it joined, with the scrollback.
	screen = tm.tmux("capture-pane", "-p", "-J", "-S", "-100", "-t", "e2e")
	if code := tm.exitStatus(); code != "2" || !strings.Contains(screen, "nobody in meeting 85012345678") || strings.Contains(screen, "hunter2") {
		t.Errorf("exit %s, screen:\n%s\nwant 2 and who was not found", code, screen)
	}
	if after := s.Stats(); after.ParticipantQoS != before.ParticipantQoS || after.Participants != before.Participants+1 {
		t.Errorf("an unknown name sent %d QoS requests and %d roster fetches; want none and one",
			after.ParticipantQoS-before.ParticipantQoS, after.Participants-before.Participants)
	}
}
