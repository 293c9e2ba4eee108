package settings

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// DefaultSecretTimeout bounds client_secret_command when the profile sets
// no client_secret_timeout: long enough to unlock a password manager.
const DefaultSecretTimeout = 30 * time.Second

// maxOutput bounds what the command may print: a secret is a few dozen bytes.
const maxOutput = 64 << 10

// maxShownStderr is how much of a failed command's stderr an error quotes:
// its end, where the reason usually is.
const maxShownStderr = 300

// commandSource runs client_secret_command at each token request: not
// through a shell (the user writes "sh -c '…'" to ask for one), with a
// time limit, its stdout's one trailing line break removed. Nothing of
// it is logged; on failure its stderr is quoted, the secret never.
type commandSource struct {
	argv    []string
	timeout time.Duration
	what    string // `client_secret_command of profile "work"`, for errors
}

// Secret implements fetch.SecretSource.
func (c commandSource) Secret(ctx context.Context) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.argv[0], c.argv[1:]...)
	var stdout, stderr capped
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// A child that keeps the pipes open after the command is killed must
	// not hold qostop past the time limit.
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	out := stdout.String()
	switch {
	case ctx.Err() == context.DeadlineExceeded:
		return "", fmt.Errorf("%s did not finish within %s (client_secret_timeout)%s", c.what, c.timeout, c.said(stderr.String(), out))
	case err != nil:
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return "", fmt.Errorf("%s could not run %q: %v", c.what, c.argv[0], err)
		}
		return "", fmt.Errorf("%s failed (%s)%s", c.what, exit.ProcessState, c.said(stderr.String(), out))
	case stdout.over:
		return "", fmt.Errorf("%s printed over %d bytes: not a client secret", c.what, maxOutput)
	}
	secret := strings.TrimSuffix(strings.TrimSuffix(out, "\n"), "\r")
	switch {
	case secret == "":
		return "", fmt.Errorf("%s printed nothing: want the client secret on stdout", c.what)
	case strings.TrimSpace(secret) != secret || strings.ContainsAny(secret, "\r\n"):
		return "", fmt.Errorf("%s printed spaces or more than one line around the secret: print it alone", c.what)
	}
	return secret, nil
}

// said quotes the end of stderr, with anything stdout printed (a secret,
// perhaps) taken out of it.
func (c commandSource) said(stderr, stdout string) string {
	for _, line := range strings.Split(stdout, "\n") {
		if line = strings.TrimSpace(line); len(line) >= 4 {
			stderr = strings.ReplaceAll(stderr, line, "[redacted]")
		}
	}
	s := strings.Join(strings.Fields(model.Sanitize(stderr)), " ")
	if r := []rune(s); len(r) > maxShownStderr {
		s = "…" + string(r[len(r)-maxShownStderr:])
	}
	if s == "" {
		return ""
	}
	return ": " + s
}

// capped is a buffer that keeps the first maxOutput bytes and notes more.
type capped struct {
	bytes.Buffer
	over bool
}

func (c *capped) Write(p []byte) (int, error) {
	if room := maxOutput - c.Len(); len(p) > room {
		c.over = true
		c.Buffer.Write(p[:max(room, 0)])
		return len(p), nil
	}
	return c.Buffer.Write(p)
}

// splitCommand splits a command line into words as a shell would, with
// quotes and backslashes, but nothing else: no variables, globs, pipes.
func splitCommand(s string) ([]string, error) {
	var sp splitter
	for _, r := range s {
		sp.next(r)
	}
	if sp.quote != 0 || sp.escaped {
		return nil, errors.New("unclosed quote or trailing backslash in the command")
	}
	sp.endWord()
	if len(sp.words) == 0 {
		return nil, errors.New("empty command")
	}
	return sp.words, nil
}

// splitter is splitCommand's state between runes.
type splitter struct {
	words   []string
	w       strings.Builder
	inWord  bool // a word has started, perhaps empty ('')
	escaped bool // the last rune was an unquoted or double-quoted backslash
	quote   rune // the open quote, or 0
}

func (sp *splitter) next(r rune) {
	switch {
	case sp.escaped:
		sp.w.WriteRune(r)
		sp.escaped = false
	case r == '\\' && sp.quote != '\'':
		sp.escaped, sp.inWord = true, true
	case sp.quote != 0 && r == sp.quote:
		sp.quote = 0
	case sp.quote != 0:
		sp.w.WriteRune(r)
	case r == '\'' || r == '"':
		sp.quote, sp.inWord = r, true
	case r == ' ' || r == '\t' || r == '\n':
		sp.endWord()
	default:
		sp.w.WriteRune(r)
		sp.inWord = true
	}
}

func (sp *splitter) endWord() {
	if sp.inWord {
		sp.words = append(sp.words, sp.w.String())
		sp.w.Reset()
		sp.inWord = false
	}
}

// CommandSecret is a fetch.SecretSource running the command line
// command as client_secret_command runs (not through a shell, within
// timeout, nothing of it logged); what names it in errors (e.g.
// "--webhook-secret-command").
func CommandSecret(command, what string, timeout time.Duration) (fetch.SecretSource, error) {
	argv, err := splitCommand(command)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return commandSource{argv: argv, timeout: timeout, what: what}, nil
}
