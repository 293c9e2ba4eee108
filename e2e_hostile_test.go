package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// A participant whose name carries an OSC 0 window title, a screen clear
// and an OSC 52 clipboard write must change nothing in the terminal but
// the name text. tmux is the terminal: it takes OSC 0/2 as the pane title
// and, with set-clipboard on, OSC 52 as a paste buffer, so the test reads
// both after qostop drew the name. A control run first prints the same
// bytes raw and must see both change, or the test could not fail.

const e2eTitle = "qostop-e2e"

// startTmuxShell starts a tmux server with config lines conf and runs
// shell command cmd in a width x height pane; the exit status is kept as
// startTmux keeps it.
func startTmuxShell(t *testing.T, conf []string, width, height int, cmd string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed; .ci/run should have installed it")
		}
		t.Skip("tmux is not installed")
	}
	dir := t.TempDir()
	s := &tmuxSession{
		t:          t,
		socket:     fmt.Sprintf("qostop-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()),
		statusFile: filepath.Join(dir, "status"),
	}
	confFile := filepath.Join(dir, "tmux.conf")
	if err := os.WriteFile(confFile, []byte(strings.Join(conf, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	full := fmt.Sprintf("%s; echo $? > %s", cmd, s.statusFile)
	out, err := exec.Command("tmux", "-L", s.socket, "-f", confFile, "new-session", "-d",
		"-x", fmt.Sprint(width), "-y", fmt.Sprint(height), "-s", "e2e", full).CombinedOutput()
	if err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	s.tmux("set-option", "-t", "e2e", "remain-on-exit", "on")
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

// hostileTerminal is what the pane's terminal state says: its title, its
// window name and its paste buffers.
func (s *tmuxSession) hostileTerminal() (title, window, buffers string) {
	s.t.Helper()
	title = strings.TrimSpace(s.tmux("display-message", "-p", "-t", "e2e", "#{pane_title}"))
	window = strings.TrimSpace(s.tmux("display-message", "-p", "-t", "e2e", "#{window_name}"))
	buffers = strings.TrimSpace(s.tmux("list-buffers"))
	return title, window, buffers
}

// terminalConf makes tmux honour what the hostile name attempts.
var terminalConf = []string{"set -g set-clipboard on", "set -g allow-rename on"}

// setTitle names the pane before the program under test starts, so a
// changed title can only come from that program.
const setTitle = `printf '\033]2;` + e2eTitle + `\033\\'`

func hostileName(t *testing.T) string {
	t.Helper()
	for _, m := range sim.New(sim.Options{Hostile: true}).Meetings() {
		for _, p := range m.Participants {
			if p.UserID == sim.HostileParticipantID {
				return p.UserName
			}
		}
	}
	t.Fatal("the simulator has no hostile participant")
	return ""
}

func TestEndToEndHostileNameControl(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: runs tmux")
	}
	raw := filepath.Join(t.TempDir(), "name")
	if err := os.WriteFile(raw, []byte(hostileName(t)+"\nprinted\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := startTmuxShell(t, terminalConf, 80, 24, setTitle+"; cat "+raw+"; sleep 60")
	s.waitFor("the raw name to be printed", 10*time.Second, func(sc string) bool { return strings.Contains(sc, "printed") })
	title, _, buffers := s.hostileTerminal()
	if title == e2eTitle || buffers == "" {
		t.Fatalf("printed raw, the hostile name left title %q and buffers %q: this terminal cannot show the attack, so the real test proves nothing", title, buffers)
	}
}

func TestEndToEndHostileName(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	// read holds qostop back until pipe-pane records what the pane is
	// sent: capture-pane shows the screen with every escape stripped.
	s := startTmuxShell(t, terminalConf, 120, 30, setTitle+"; read _; TERM=xterm-256color "+bin+" demo --hostile")
	written := filepath.Join(t.TempDir(), "written")
	s.tmux("pipe-pane", "-t", "e2e", "-o", "cat > "+written)
	s.send("Enter")
	// Sanitized, the name is its printable text run together, the bidi
	// override gone and the invalid bytes shown as U+FFFD.
	screen := s.waitFor("the hostile participant's name and location", 20*time.Second, func(sc string) bool {
		return containsAll(sc, "Malloryexe.txt", "Nowhere (RU)")
	})
	polled := statusPolled(screen)
	// Several redraws later, the terminal must still be as it was.
	for range 3 {
		screen = s.waitFor("another poll", 10*time.Second, func(sc string) bool {
			p := statusPolled(sc)
			return p != "" && p != polled
		})
		polled = statusPolled(screen)
	}
	title, window, buffers := s.hostileTerminal()
	if title != e2eTitle {
		t.Errorf("pane title changed to %q", title)
	}
	if strings.Contains(window, "pwned") || strings.Contains(window, "root@prod") {
		t.Errorf("window renamed to %q", window)
	}
	if buffers != "" {
		t.Errorf("the clipboard (a paste buffer) was written: %s", buffers)
	}
	// A clear screen would blank rows that Bubble Tea does not redraw.
	if !containsAll(screen, "audio", "video", "screen share", "send", "receive", "events", "polled") {
		t.Errorf("the screen lost parts of itself:\n%s", screen)
	}
	if strings.ContainsAny(screen, "\u202e\x1b") {
		t.Errorf("control characters reached the screen:\n%q", screen)
	}
	// The bytes qostop wrote hold the name's text and none of its
	// sequences: the title, the clipboard write, the bidi override.
	out, err := os.ReadFile(written)
	if err != nil || !strings.Contains(string(out), "Malloryexe.txt") || !strings.Contains(string(out), altScreenOn) {
		t.Fatalf("pipe-pane recorded no name or no escapes (%v): the check below would prove nothing", err)
	}
	for _, seq := range []string{"\x1b]0;", "\x1b]52;", "pwned", "cm0gLXJmIH4K", "\u202e"} {
		if i := strings.Index(string(out), seq); i >= 0 {
			t.Errorf("qostop wrote the name's %q to the terminal: %q", seq, out[max(0, i-40):min(len(out), i+40)])
		}
	}

	// R hides the name and says so.
	s.send("R")
	s.waitFor("the name redacted", 5*time.Second, func(sc string) bool {
		return containsAll(sc, "[redacted]", "REDACTED") && !strings.Contains(sc, "Mallory") && !strings.Contains(sc, "Nowhere")
	})
	s.send("q")
	s.waitFor("the program to exit", 5*time.Second, func(string) bool { return s.exitStatus() != "" })
	if status := s.exitStatus(); status != "0" {
		t.Fatalf("exit status %s; screen:\n%s", status, s.capture())
	}
}

// statusPolled is the "polled HH:MM:SS" of the status bar, or "".
func statusPolled(screen string) string {
	i := strings.Index(screen, "polled ")
	if i < 0 || len(screen) < i+len("polled 15:04:05") {
		return ""
	}
	return screen[i : i+len("polled 15:04:05")]
}

// snapshot prints the hostile participant as JSON with the name's text
// kept and nothing a terminal would act on; --redact prints none of the
// personal fields, in JSON or in the meeting table.
func TestEndToEndSnapshotHostileAndRedacted(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary")
	}
	bin := buildBinary(t)
	zoom := simtest.Start(t, sim.Options{Hostile: true})
	snapshot := func(args ...string) []byte {
		cmd := exec.Command(bin, append([]string{"snapshot", "--api-url", zoom.URL + "/v2", "--oauth-url", zoom.URL + "/oauth/token"}, args...)...)
		cmd.Env = append(os.Environ(), "ZOOM_ACCOUNT_ID="+sim.DemoAccountID, "ZOOM_CLIENT_ID="+sim.DemoClientID,
			"ZOOM_CLIENT_SECRET="+sim.DemoClientSecret)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("snapshot %v: %v", args, err)
		}
		for i, r := range string(out) {
			if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) {
				t.Fatalf("snapshot %v printed control %U at byte %d:\n%q", args, r, i, out)
			}
		}
		return out
	}
	var got struct {
		Participant map[string]any `json:"participant"`
	}
	if err := json.Unmarshal(snapshot("--format", "json", sim.DemoMeetingID, sim.HostileParticipantID), &got); err != nil {
		t.Fatal(err)
	}
	if name := got.Participant["user_name"]; name != "Malloryexe.txt\uFFFD\uFFFD" {
		t.Errorf("user_name %q, want the name's text with the invalid bytes as U+FFFD", name)
	}

	if err := json.Unmarshal(snapshot("--format", "json", "--redact", sim.DemoMeetingID, sim.HostileParticipantID), &got); err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{"user_name", "email", "ip_address", "location"} {
		if v := got.Participant[field]; v != "[redacted]" {
			t.Errorf("--redact: %s = %q", field, v)
		}
	}
	table := string(snapshot("--format", "table", "--redact", sim.DemoMeetingID))
	for _, name := range []string{"Alice Chen", "Bob Okafor", "Mallory", "Oakland"} {
		if strings.Contains(table, name) {
			t.Errorf("--redact table shows %q:\n%s", name, table)
		}
	}
	if !strings.Contains(table, "[redacted]") {
		t.Errorf("--redact table does not say what it hid:\n%s", table)
	}
}
