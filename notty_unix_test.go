//go:build unix

package main

import (
	"os/exec"
	"syscall"
	"testing"
)

// withoutTerminal starts cmd in a session of its own, as setsid(1) does:
// it has no controlling terminal, so /dev/tty cannot be opened, as under
// cron, systemd or `ssh host cmd`.
func withoutTerminal(_ *testing.T, cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
}
