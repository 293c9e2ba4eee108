//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// queryWait is how long termenv (Bubble Tea v1) waited for a terminal's
// answer before giving up.
const queryWait = 5 * time.Second

// openPTY opens a pseudo-terminal pair: what qostop writes to tty comes
// out of ptm, and nothing answers its queries unless the test does.
func openPTY(t *testing.T, cols, rows int) (ptm, tty *os.File) {
	t.Helper()
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("no pseudo-terminals here (%v): CI must run the terminal tests", err)
		}
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(ptm.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlock pty: %v", err)
	}
	n, err := unix.IoctlGetInt(int(ptm.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("pty number: %v", err)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open pty: %v", err)
	}
	ws := unix.Winsize{Row: uint16(rows), Col: uint16(cols)}
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, tty.Fd(), syscall.TIOCSWINSZ, uintptr(unsafe.Pointer(&ws))); e != 0 {
		t.Fatalf("set pty size: %v", e)
	}
	t.Cleanup(func() { ptm.Close(); tty.Close() })
	return ptm, tty
}

// A terminal that answers no queries (a dumb serial console, some SSH
// clients, a pipe through script) must not hold up the first frame:
// Bubble Tea v1 waited termenv's 5 s for the background colour. What is
// compared is the time from qostop's first byte (its queries) to the
// frame, against that 5 s: process start, which a loaded machine or the
// race detector can stretch past a second, is not counted, and nothing
// short of a wait for an answer takes seconds there.
func TestEndToEndFirstFrameWithoutQueryAnswers(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it on a pty")
	}
	bin := buildBinary(t)
	ptm, tty := openPTY(t, 100, 30)
	cmd := exec.Command(bin, "demo")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })

	out := make(chan []byte)
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptm.Read(buf)
			if n > 0 {
				out <- bytes.Clone(buf[:n])
			}
			if err != nil {
				close(out)
				return
			}
		}
	}()
	var screen bytes.Buffer
	var asked time.Time // when qostop first wrote
	timeout := time.After(10 * time.Second)
	for !strings.Contains(screen.String(), "Meetings") {
		select {
		case b, ok := <-out:
			if !ok {
				t.Fatalf("qostop closed the terminal before drawing; it wrote %q", screen.String())
			}
			if screen.Len() == 0 {
				asked = time.Now()
			}
			screen.Write(b)
		case <-timeout:
			t.Fatalf("no first frame in 10 s; qostop wrote %q", screen.String())
		}
	}
	if took := time.Since(asked); took >= queryWait {
		t.Errorf("the first frame came %s after qostop's first byte: it waited for an answer", took.Round(time.Millisecond))
	}
	ptm.Write([]byte("q"))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("q: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Errorf("q did not end qostop within 5 s")
	}
}
