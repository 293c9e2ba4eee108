package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
)

// The client secret and the access tokens must appear nowhere the program
// writes: stdout, stderr, the screen or the debug log, whether the server
// answers well, fails at random or echoes credentials back. The test runs
// the built binary against the simulator with a secret only it knows and
// collects every token the server issued from the requests that used them.

// leakServer is the simulator behind a front that remembers the tokens
// clients send and, when told, echoes credentials back in its answers as
// a buggy proxy or a hostile server might.
type leakServer struct {
	sim *sim.Server
	mu  sync.Mutex
	// echo: "" passes through; "api" quotes the Authorization header in
	// API errors; "token" quotes it, and the secret, from the token endpoint.
	echo   string
	tokens map[string]bool
}

func (l *leakServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	auth := r.Header.Get("Authorization")
	l.mu.Lock()
	echo := l.echo
	if tok, ok := strings.CutPrefix(auth, "Bearer "); ok {
		l.tokens[tok] = true
	}
	l.mu.Unlock()
	switch {
	case echo == "token" && r.URL.Path == "/oauth/token":
		_, secret, _ := r.BasicAuth()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprintf(w, `{"reason":"bad credentials %s (%s)","error":"invalid_client"}`, auth, secret)
	case echo == "api" && strings.HasPrefix(r.URL.Path, "/v2/"):
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		fmt.Fprintf(w, "<html><title>%s</title><body>%s</body></html>", auth, auth)
	default:
		l.sim.Handler().ServeHTTP(w, r)
	}
}

func (l *leakServer) setEcho(mode string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.echo = mode
}

func (l *leakServer) issued() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for tok := range l.tokens {
		out = append(out, tok)
	}
	return out
}

func TestEndToEndSecretsNeverPrinted(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it")
	}
	bin := buildBinary(t)
	const secret = "qostop-e2e-secret-7f3c9a1d"
	s := sim.New(sim.Options{ClientSecret: secret, Faults: 0.4, Seed: 5, SlowDelay: 50 * time.Millisecond,
		SampleEvery: time.Second})
	defer s.Close()
	leak := &leakServer{sim: s, tokens: map[string]bool{}}
	srv := httptest.NewServer(leak)
	defer srv.Close()

	logFile := filepath.Join(t.TempDir(), "debug.log")
	state := t.TempDir() // the watch screen records into the ring here
	env := []string{"XDG_STATE_HOME=" + state, "ZOOM_ACCOUNT_ID=" + sim.DemoAccountID, "ZOOM_CLIENT_ID=" + sim.DemoClientID,
		"ZOOM_CLIENT_SECRET=" + secret, "ZOOM_API_URL=" + srv.URL + "/v2", "ZOOM_OAUTH_URL=" + srv.URL + "/oauth/token"}
	var printed []string // everything the program wrote, labelled
	run := func(label string, args ...string) {
		cmd := exec.Command(bin, append(args, "--debug-log", logFile, "--max-wait", "0s")...)
		cmd.Env = append(os.Environ(), env...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		_ = cmd.Run() // failures are expected: faults and echoes
		printed = append(printed, label+" stdout:\n"+stdout.String(), label+" stderr:\n"+stderr.String())
	}
	for i := range 6 { // faults at 40%: some succeed, some fail in each way
		run(fmt.Sprintf("snapshot json %d", i), "snapshot", "--format", "json", sim.DemoMeetingID, sim.DemoParticipantID)
		run(fmt.Sprintf("snapshot table %d", i), "snapshot", "--format", "table", sim.DemoMeetingID)
	}
	leak.setEcho("api")
	run("snapshot, API echoes the token", "snapshot", sim.DemoMeetingID, sim.DemoParticipantID)
	leak.setEcho("token")
	run("snapshot, token endpoint echoes the secret", "snapshot", sim.DemoMeetingID, sim.DemoParticipantID)
	leak.setEcho("")

	// watch, on a real terminal, through several polls.
	tm := startTmux(t, 160, 30, append([]string{"TERM=xterm-256color"}, env...),
		bin, "watch", "--interval", "2s", "--timeout", "2s", "--debug-log", logFile, sim.DemoMeetingID, sim.DemoParticipantID)
	screen := tm.waitFor("the first poll", 20*time.Second, func(sc string) bool { return statusPolled(sc) != "" })
	printed = append(printed, "watch screen:\n"+screen)
	for i := range 4 {
		if i == 2 {
			leak.setEcho("api")
		}
		polled := statusPolled(screen)
		screen = tm.waitFor("another poll", 90*time.Second, func(sc string) bool {
			p := statusPolled(sc)
			return p != "" && p != polled
		})
		printed = append(printed, "watch screen:\n"+screen)
	}
	tm.send("q")
	tm.waitFor("watch to exit", 5*time.Second, func(string) bool { return tm.exitStatus() != "" })

	log, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(logFile); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("debug log mode %v (%v), want 0600: it names every request", st.Mode().Perm(), err)
	}
	if !bytes.Contains(log, []byte("Authorization: Bearer [redacted]")) || !bytes.Contains(log, []byte("POST /oauth/token")) {
		t.Errorf("the debug log does not record requests:\n%s", log)
	}
	printed = append(printed, "debug log:\n"+string(log))
	recordings, _ := filepath.Glob(filepath.Join(state, "qostop", "recordings", "*.jsonl"))
	if len(recordings) == 0 {
		t.Error("the watch screen left no recording in the ring to check")
	}
	for _, r := range recordings {
		b, _ := os.ReadFile(r)
		printed = append(printed, "recording "+filepath.Base(r)+":\n"+string(b))
	}

	tokens := leak.issued()
	if len(tokens) == 0 {
		t.Fatal("no token was ever used: the runs proved nothing")
	}
	secrets := append([]string{secret, base64.StdEncoding.EncodeToString([]byte(sim.DemoClientID + ":" + secret))}, tokens...)
	for _, out := range printed {
		for _, sec := range secrets {
			if strings.Contains(out, sec) {
				t.Errorf("%q leaked into %s", sec, out)
			}
		}
	}
	// The runs must have met the failures they were meant to meet.
	all := strings.Join(printed, "\n")
	for _, want := range []string{"token endpoint", "client secret", "[redacted]"} {
		if !strings.Contains(all, want) {
			t.Errorf("no output says %q: the echo paths did not run", want)
		}
	}
	if s.Stats().FaultsServed() == 0 {
		t.Error("no fault was served")
	}
}

// The same with the secret read by a profile's client_secret_command and
// no ZOOM_* variable set: the command's output, its stderr when it fails
// and its time limit when it hangs, none of which may carry the secret
// out. The screens run from the profile too, and name it in the header.
func TestEndToEndSecretCommandNeverPrinted(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it")
	}
	bin := buildBinary(t)
	const secret = "qostop-cmd-secret-2e71b0c4"
	s := sim.New(sim.Options{ClientSecret: secret, Seed: 5, SampleEvery: time.Second})
	defer s.Close()
	leak := &leakServer{sim: s, tokens: map[string]bool{}}
	srv := httptest.NewServer(leak)
	defer srv.Close()

	dir := t.TempDir()
	script := func(name, body string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o700); err != nil {
			t.Fatal(err)
		}
		return path
	}
	good := script("good.sh", "echo "+secret)
	profile := func(name, command, extra string) string {
		return fmt.Sprintf("[profiles.%s]\naccount_id = %q\nclient_id = %q\nclient_secret_command = %q\n"+
			"api_url = \"%s/v2\"\noauth_url = \"%s/oauth/token\"\n%s\n", name, sim.DemoAccountID, sim.DemoClientID,
			command, srv.URL, srv.URL, extra)
	}
	conf := "default_profile = \"acme\"\n" + profile("acme", good, `accent = "#ff8700"`) +
		profile("broken", script("broken.sh", "echo "+secret+"; echo \"vault: bad passphrase for "+secret+"\" >&2; exit 2"), "") +
		profile("hangs", script("hangs.sh", "sleep 60"), `client_secret_timeout = "300ms"`)
	if err := os.MkdirAll(filepath.Join(dir, "qostop"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "qostop", "config.toml"), []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"XDG_CONFIG_HOME=" + dir, "ZOOM_ACCOUNT_ID=", "ZOOM_CLIENT_ID=", "ZOOM_CLIENT_SECRET=", "ZOOM_API_URL=", "ZOOM_OAUTH_URL="}
	logFile := filepath.Join(dir, "debug.log")
	var printed []string
	run := func(label string, args ...string) string {
		cmd := exec.Command(bin, append(args, "--debug-log", logFile, "--max-wait", "0s")...)
		cmd.Env = append(os.Environ(), env...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		_ = cmd.Run()
		printed = append(printed, label+" stdout:\n"+stdout.String(), label+" stderr:\n"+stderr.String())
		return stdout.String() + stderr.String()
	}
	if out := run("snapshot", "snapshot", "--format", "json", sim.DemoMeetingID, sim.DemoParticipantID); !strings.Contains(out, `"user_id": "16778241"`) {
		t.Fatalf("snapshot from the profile failed:\n%s", out)
	}
	leak.setEcho("token")
	run("token endpoint echoes the secret", "snapshot", sim.DemoMeetingID)
	leak.setEcho("")
	if out := run("command fails", "snapshot", "--profile", "broken", sim.DemoMeetingID); !strings.Contains(out, "vault: bad passphrase for [redacted]") {
		t.Errorf("a failing command's stderr is not shown, redacted:\n%s", out)
	}
	if out := run("command hangs", "snapshot", "--profile", "hangs", sim.DemoMeetingID); !strings.Contains(out, "did not finish within 300ms") {
		t.Errorf("a hanging command was not stopped at its limit:\n%s", out)
	}
	run("config", "config")

	// The screens, from the profile alone, name it in the header.
	tm := startTmux(t, 160, 30, append([]string{"TERM=xterm-256color"}, env...),
		bin, "watch", "--interval", "2s", "--debug-log", logFile, sim.DemoMeetingID, sim.DemoParticipantID)
	screen := tm.waitFor("the first poll", 20*time.Second, func(sc string) bool { return statusPolled(sc) != "" })
	if !strings.Contains(screen, "acme") {
		t.Errorf("the watch screen does not name the profile:\n%s", screen)
	}
	printed = append(printed, "watch screen:\n"+screen)
	tm.send("q")
	tm.waitFor("watch to exit", 5*time.Second, func(string) bool { return tm.exitStatus() != "" })

	log, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	printed = append(printed, "debug log:\n"+string(log))
	if strings.Contains(string(log), good) {
		t.Errorf("the debug log names the secret's command:\n%s", log)
	}
	secrets := append([]string{secret, base64.StdEncoding.EncodeToString([]byte(sim.DemoClientID + ":" + secret))}, leak.issued()...)
	for _, out := range printed {
		for _, sec := range secrets {
			if strings.Contains(out, sec) {
				t.Errorf("%q leaked into %s", sec, out)
			}
		}
	}
}
