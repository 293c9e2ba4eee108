//go:build unix

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Ended by a signal, the screens give the terminal back as they found
// it: the bytes qostop wrote (tmux pipe-pane, which sees escapes that
// capture-pane strips) end by leaving the alt screen and showing the
// cursor, and the shell that ran it finds the tty in cooked mode. Under
// sh, which does not reset the tty, a killed qostop left it raw.
func TestEndToEndSignalsRestoreTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGQUIT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			pid, status, stty, written := filepath.Join(dir, "pid"), filepath.Join(dir, "status"),
				filepath.Join(dir, "stty"), filepath.Join(dir, "written")
			// read waits for the test's Enter, so pipe-pane is on before
			// qostop writes anything; exec keeps the pid sh wrote.
			cmd := "read _; sh -c 'echo $$ > " + pid + "; TERM=xterm-256color exec " + bin + " demo'; echo $? > " +
				status + "; stty -a > " + stty + "; sleep 60"
			s := startTmuxShell(t, nil, 100, 30, cmd)
			s.tmux("pipe-pane", "-t", "e2e", "-o", "cat > "+written)
			s.send("Enter")
			s.waitFor("the meeting list", 20*time.Second, func(sc string) bool { return containsAll(sc, "Meetings", "fetched") })
			b, err := os.ReadFile(pid)
			if err != nil {
				t.Fatal(err)
			}
			n, err := strconv.Atoi(strings.TrimSpace(string(b)))
			if err != nil {
				t.Fatal(err)
			}
			if err := syscall.Kill(n, sig); err != nil {
				t.Fatal(err)
			}
			s.waitFor("the shell to run stty", 10*time.Second, func(string) bool { b, _ := os.ReadFile(stty); return len(b) > 0 })
			code, _ := os.ReadFile(status)
			if got := strings.TrimSpace(string(code)); got != "0" {
				t.Errorf("exit status %s, want 0 (a normal way out, as after q)", got)
			}
			modes, _ := os.ReadFile(stty)
			fields := strings.Fields(string(modes))
			for _, want := range []string{"icanon", "echo", "isig"} {
				if !slices.Contains(fields, want) || slices.Contains(fields, "-"+want) {
					t.Errorf("after %v the tty is not in cooked mode (want %s):\n%s", sig, want, modes)
				}
			}
			// What qostop wrote after it entered the alt screen must leave it
			// and show the cursor again. pipe-pane's cat may still be writing
			// the last bytes: they are waited for, and only a hang fails.
			restored := func(out string) bool {
				i := strings.LastIndex(out, altScreenOn)
				return i >= 0 && strings.Contains(out[i:], altScreenOff) && strings.Contains(out[i:], cursorOn)
			}
			deadline := time.Now().Add(10 * time.Second)
			out, _ := os.ReadFile(written)
			for !restored(string(out)) && time.Now().Before(deadline) {
				time.Sleep(100 * time.Millisecond)
				out, _ = os.ReadFile(written)
			}
			if !restored(string(out)) {
				t.Errorf("after %v qostop did not leave the alt screen (%q) and show the cursor (%q); it wrote last:\n%q",
					sig, altScreenOff, cursorOn, lastBytes(string(out), 300))
			}
		})
	}
}

func lastBytes(s string, n int) string { return s[max(0, len(s)-n):] }
