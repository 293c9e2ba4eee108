package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/qostop/qostop/ui"
	"github.com/qostop/qostop/ui/notify"
	"github.com/spf13/cobra"
)

// runUI runs the screens. cfg, now with its Source, is checked first:
// what is still wrong with it came from the flags. resolve, if not nil,
// then fills in what costs a request (a participant given by name), once
// the terminal is known to suit the screens.
func runUI(ctx context.Context, cmd *cobra.Command, cfg ui.Config, resolve func(*ui.Config) error) error {
	if err := cfg.Validate(); err != nil {
		return usageError(cmd, "%v", err)
	}
	// A terminal that cannot address the cursor (TERM dumb or unset, as in
	// Emacs shells or some CI logs) would show the screens as a mess of
	// escape sequences. Windows consoles set no TERM.
	if term := os.Getenv("TERM"); (term == "" && runtime.GOOS != "windows") || term == "dumb" {
		return fmt.Errorf("this terminal (TERM=%q) cannot move the cursor, which the live screens need; "+
			"for a printout, run 'qostop snapshot MEETING --format table'", term)
	}
	if err := needTerminal(); err != nil {
		return err
	}
	if resolve != nil {
		if err := resolve(&cfg); err != nil {
			return err
		}
	}
	cfg, stopRecording, err := ui.StartRecording(cfg)
	if err != nil {
		return err
	}
	defer func() {
		if err := stopRecording(); err != nil {
			fmt.Fprintln(cmd.ErrOrStderr(), "qostop: the recording is not whole:", err)
		}
	}()
	m, err := ui.New(cfg)
	if err != nil {
		return err
	}
	if os.Getenv("GOMAXPROCS") == "" { // the screens need one; each frame woke a second thread (docs/performance.md)
		runtime.GOMAXPROCS(1)
	}
	_, err = tea.NewProgram(m, tea.WithContext(ctx), tea.WithFPS(10)).Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // interrupted: a normal way out
	}
	return err
}

// forScripts is what a script uses instead of the screens.
const forScripts = "for scripts, 'qostop snapshot MEETING [PARTICIPANT]' prints the QoS once, as JSON or a table"

// needTerminal says why the screens cannot run here, or nil. Like Bubble
// Tea, they read keys from stdin when it is a terminal, else from the
// controlling terminal (/dev/tty), which a process started by cron,
// systemd, `ssh host cmd` without -t, or setsid lacks: Bubble Tea's own
// error then names only the device. They draw on stdout: redirected to a
// file or a pipe, the screens went there and the terminal stayed blank.
func needTerminal() error {
	if !term.IsTerminal(os.Stdin.Fd()) {
		in, out, err := tea.OpenTTY()
		if err != nil {
			cause := error(err)
			if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
				cause = pe // "open /dev/tty: no such device or address", without Bubble Tea's prefixes
			}
			return fmt.Errorf("the live screens need a terminal to read keys from, and this process has none "+
				"(stdin is not one, and %v). Run qostop in a terminal (over ssh: ssh -t); %s", cause, forScripts)
		}
		in.Close()
		if out != in {
			out.Close()
		}
	}
	if !term.IsTerminal(os.Stdout.Fd()) {
		return errors.New("the live screens draw on the terminal, and stdout is not one (it goes to a file or " +
			"a pipe). Run qostop without redirecting its output; " + forScripts)
	}
	return nil
}

// alertFlags registers how the screens alert when someone newly turns
// critical: through the terminal (the bell, a desktop notification) and
// a command.
func (f *flags) alertFlags(c *cobra.Command) {
	fs := c.Flags()
	f.notify = string(notify.Desktop)
	fs.Var(notifyFlag{&f.notify}, "notify", "when someone newly turns critical: off, bell, or desktop (the bell and a notification, OSC 777 or 9)")
	fs.StringVar(&f.notifyCmd, "notify-cmd", "", "also run `CMD` with the alert as JSON on stdin, e.g. a pager (split at spaces, no shell; stopped after 10s)")
	complete(c, "notify", notify.Modes...)
}

// notifyFlag is --notify, checked when set, so a config file's notify key
// is refused at its line (settings sets flags from the file).
type notifyFlag struct{ s *string }

func (n notifyFlag) String() string {
	if n.s == nil {
		return ""
	}
	return *n.s
}

func (n notifyFlag) Set(v string) error {
	if _, err := notify.ParseMode(v); err != nil {
		return err
	}
	*n.s = v
	return nil
}

func (notifyFlag) Type() string { return "string" }

// alerts is cfg with the alert settings of the flags and of the terminal
// the environment names (tmux, iTerm2).
func (f *flags) alerts(cmd *cobra.Command, cfg ui.Config) (ui.Config, error) {
	mode, err := notify.ParseMode(f.notify)
	if err != nil {
		return ui.Config{}, usageError(cmd, "--notify %v", err)
	}
	run, err := notify.ParseCommand(f.notifyCmd)
	if err != nil {
		return ui.Config{}, usageError(cmd, "--notify-cmd %v", err)
	}
	cfg.Notify, cfg.NotifyCmd, cfg.Terminal = mode, run, notify.TerminalFrom(os.Getenv)
	return cfg, nil
}
