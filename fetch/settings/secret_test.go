package settings

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// script writes an executable shell script and returns its path: the
// command under test is a real program, as a password manager's is.
func script(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "secret.sh")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	return path
}

func source(t *testing.T, command string, timeout time.Duration) commandSource {
	t.Helper()
	argv, err := splitCommand(command)
	if err != nil {
		t.Fatal(err)
	}
	return commandSource{argv: argv, timeout: timeout, what: `client_secret_command of profile "w"`}
}

const cmdSecret = "cmd-secret-5b1e9d"

func TestSecretCommand(t *testing.T) {
	for _, c := range []struct {
		name, body string
		want       string // the secret, or a part of the error
		ok         bool
	}{
		{"trailing newline stripped", "echo " + cmdSecret, cmdSecret, true},
		{"CRLF stripped", "printf '%s\\r\\n' " + cmdSecret, cmdSecret, true},
		{"no newline", "printf %s " + cmdSecret, cmdSecret, true},
		{"failure shows stderr, not the secret", "echo " + cmdSecret + "; echo \"vault locked near " + cmdSecret + "\" >&2; exit 3",
			"failed (exit status 3): vault locked near [redacted]", false},
		{"nothing printed", "true", "printed nothing", false},
		{"two lines", "echo " + cmdSecret + "; echo more", "more than one line", false},
		{"escape sequences in stderr", "printf 'bad\\033[2Jthing' >&2; exit 1", "badthing", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := source(t, script(t, c.body), time.Minute).Secret(t.Context())
			switch {
			case c.ok && (err != nil || got != c.want):
				t.Errorf("got %q, %v; want %q", got, err, c.want)
			case !c.ok && err == nil:
				t.Errorf("got %q, want an error", got)
			case !c.ok && (!strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), cmdSecret) ||
				strings.Contains(err.Error(), "\033")):
				t.Errorf("error %q: want %q in it, no secret and no escape", err, c.want)
			}
		})
	}
}

// The command runs without a shell: $VARS, globs and pipes are its
// arguments, not the shell's; quotes group words.
func TestSecretCommandHasNoShell(t *testing.T) {
	got, err := source(t, `printf '%s|%s' "$HOME *" 'a | b'`, time.Minute).Secret(t.Context())
	if err != nil || got != "$HOME *|a | b" {
		t.Errorf("got %q, %v: want the arguments as written", got, err)
	}
}

// A command that never ends is stopped at its time limit, and so is one
// whose child keeps the output open.
func TestSecretCommandTimesOut(t *testing.T) {
	for _, body := range []string{"sleep 60", "sleep 60 & wait"} {
		_, err := source(t, script(t, body), 200*time.Millisecond).Secret(t.Context())
		if err == nil || !strings.Contains(err.Error(), "did not finish within 200ms") {
			t.Errorf("%s: %v, want a timeout", body, err)
		}
	}
}

func TestSecretCommandCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := source(t, "echo x", time.Minute).Secret(ctx); err == nil {
		t.Error("ran with a canceled context")
	}
}

func TestSplitCommand(t *testing.T) {
	for in, want := range map[string][]string{
		`op read op://Work/Zoom/credential`: {"op", "read", "op://Work/Zoom/credential"},
		`pass  show 'zoom/my account'`:      {"pass", "show", "zoom/my account"},
		`sh -c "pass show x | head -1"`:     {"sh", "-c", "pass show x | head -1"},
		`a\ b "c\"d" ''`:                    {"a b", `c"d`, ""},
	} {
		if got, err := splitCommand(in); err != nil || !slices.Equal(got, want) {
			t.Errorf("%s: %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "   ", `a 'b`, `a "b`, `a\`} {
		if got, err := splitCommand(bad); err == nil {
			t.Errorf("%q: %q, want an error", bad, got)
		}
	}
}

// 'config check' finds a secret command whose program does not exist,
// without running any.
func TestProgramsOnPath(t *testing.T) {
	ran := filepath.Join(t.TempDir(), "ran")
	f, err := load(t, "[profiles.a]\nclient_secret_command = \"sh -c 'touch "+ran+"'\"\n"+
		"[profiles.b]\nclient_secret_command = \"no-such-program-qostop show x\"\n")
	if err != nil {
		t.Fatal(err)
	}
	err = f.Programs()
	if err == nil || !strings.Contains(err.Error(), `:4: profiles.b.client_secret_command: "no-such-program-qostop"`) ||
		strings.Contains(err.Error(), "profiles.a") {
		t.Errorf("Programs: %v, want profile b's program named, a's not", err)
	}
	if _, err := os.Stat(ran); err == nil {
		t.Error("a secret command was run")
	}
}
