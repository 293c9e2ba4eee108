//go:build linux

package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Typed in a terminal with its output redirected, the screens went to the
// file and the terminal stayed blank, waiting for keys. Now each command
// that draws them says stdout is no terminal and points at snapshot.
func TestEndToEndRedirectedOutputSuggestsSnapshot(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it on a pty")
	}
	withCredentials(t)
	bin := buildBinary(t)
	for _, args := range [][]string{{"demo"}, {"watch", "85012345678", "2"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			_, tty := openPTY(t, 100, 30)
			cmd := exec.Command(bin, args...)
			var stdout, stderr bytes.Buffer
			cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, &stdout, &stderr
			cmd.Env = append(os.Environ(), "TERM=xterm-256color")
			cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("still running after 10 s, drawing into the redirect: %q", stdout.String())
			}
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
				t.Errorf("%v, want exit status 1", err)
			}
			errs := stderr.String()
			if strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "stdout is not one") ||
				!strings.Contains(errs, "'qostop snapshot MEETING [PARTICIPANT]'") {
				t.Errorf("stderr %q: want one line saying stdout is no terminal, suggesting snapshot", errs)
			}
			if stdout.Len() > 0 {
				t.Errorf("drew into the redirect: %q", stdout.String())
			}
		})
	}
}
