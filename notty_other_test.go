//go:build !unix

package main

import (
	"os/exec"
	"testing"
)

// withoutTerminal needs a Unix session without a controlling terminal.
func withoutTerminal(t *testing.T, _ *exec.Cmd) {
	t.Skip("no setsid here")
}
