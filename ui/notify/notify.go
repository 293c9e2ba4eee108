// Package notify sends an alert out of the terminal program: the bell, a
// desktop notification the terminal shows (OSC 777 or OSC 9, through
// tmux when inside it), and a command given the alert as JSON. What is
// worth an alert is model.Alerts'; this package only delivers.
package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
)

// Mode is how loud an alert is.
type Mode string

// The modes --notify takes.
const (
	Off     Mode = "off"
	Bell    Mode = "bell"    // the terminal bell only
	Desktop Mode = "desktop" // the bell and a desktop notification (the default)
)

// Modes lists them for help and completion.
var Modes = []string{string(Off), string(Bell), string(Desktop)}

// ParseMode reads --notify; "" is Desktop.
func ParseMode(s string) (Mode, error) {
	switch m := Mode(strings.ToLower(s)); m {
	case "":
		return Desktop, nil
	case Off, Bell, Desktop:
		return m, nil
	}
	return "", fmt.Errorf("%q: want %s", s, strings.Join(Modes, ", "))
}

// Terminal is what decides how a notification is written: inside tmux it
// must pass through to the outer terminal, and iTerm2 knows OSC 9 but
// not OSC 777.
type Terminal struct {
	Tmux  bool // $TMUX is set
	OSC9  bool // the terminal is iTerm2, which shows OSC 9, not OSC 777
	Title string
}

// TerminalFrom reads what it needs of the environment.
func TerminalFrom(getenv func(string) string) Terminal {
	iterm := getenv("TERM_PROGRAM") == "iTerm.app" || getenv("LC_TERMINAL") == "iTerm2"
	return Terminal{Tmux: getenv("TMUX") != "", OSC9: iterm, Title: "qostop"}
}

// maxBody bounds a notification: desktops cut long ones anyway, and a
// roster of names must not become kilobytes of escape sequence.
const maxBody = 240

// Sequence is what to write to the terminal for text in mode m: a BEL,
// and for Desktop the notification too. text is sanitised here: a name
// from Zoom must not end the sequence and start another.
func (t Terminal) Sequence(m Mode, text string) string {
	if m == Off {
		return ""
	}
	out := "\a"
	if m != Desktop {
		return out
	}
	body := ansi.Truncate(strings.ReplaceAll(model.Sanitize(text), ";", ","), maxBody, "…")
	osc := "\x1b]777;notify;" + t.Title + ";" + body + "\a"
	if t.OSC9 {
		osc = ansi.Notify(body)
	}
	if t.Tmux {
		osc = ansi.TmuxPassthrough(osc)
	}
	return out + osc
}

// Payload is the JSON a --notify-cmd command reads on stdin.
type Payload struct {
	Meeting string    `json:"meeting_id"`
	Topic   string    `json:"topic,omitempty"`
	At      time.Time `json:"at"`
	Text    string    `json:"text"`
	Alerts  []Entry   `json:"alerts"`
}

// Entry is one participant newly critical.
type Entry struct {
	Participant string  `json:"participant"`
	UserID      string  `json:"user_id,omitempty"` // left out when the screen is redacted
	Stream      string  `json:"stream"`            // "audio send"
	Metric      string  `json:"metric"`            // "latency", as --thresholds names it
	Value       float64 `json:"value"`
	Unit        string  `json:"unit"`
	Level       string  `json:"level"`
}

// PayloadOf is al as JSON for meeting (topic), with user IDs only when
// withIDs.
func PayloadOf(al model.Alert, meeting, topic string, withIDs bool) Payload {
	p := Payload{Meeting: meeting, Topic: model.Sanitize(topic), At: al.At.UTC(), Text: al.Text()}
	for _, c := range al.Crossings {
		e := Entry{Participant: model.Sanitize(c.Name), Stream: c.Worst.Stream.String(), Metric: c.Worst.Metric.String(),
			Value: c.Worst.Value.V, Unit: c.Worst.Metric.Unit(),
			Level: c.Worst.Level.String()}
		if withIDs {
			e.UserID = c.Key
		}
		p.Alerts = append(p.Alerts, e)
	}
	return p
}

// Timeout is how long a --notify-cmd command may run before it is killed.
const Timeout = 10 * time.Second

// maxOutput is what is kept of a failing command's output for its error:
// the first line, for the status line; the rest is dropped, never logged.
const maxOutput = 200

// Command is --notify-cmd: a program and its arguments, split at spaces
// and run without a shell, so nothing in an alert is ever interpreted.
type Command []string

// ParseCommand splits s and checks the program exists now rather than at
// the first alert, hours later.
func ParseCommand(s string) (Command, error) {
	argv := strings.Fields(s)
	if len(argv) == 0 {
		return nil, nil
	}
	if _, err := exec.LookPath(argv[0]); err != nil {
		return nil, fmt.Errorf("%s: no such program (it runs without a shell: give a program and its arguments)", argv[0])
	}
	return Command(argv), nil
}

// Run runs c with p as JSON on stdin, killed after Timeout or when ctx
// ends. Its output is discarded but for the start of what it printed on
// failure; neither the command line nor the payload is logged anywhere.
func (c Command) Run(ctx context.Context, p Payload) error {
	if len(c) == 0 {
		return nil
	}
	in, err := json.Marshal(p)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, c[0], c[1:]...)
	cmd.Stdin = bytes.NewReader(append(in, '\n'))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &limited{&out}, &limited{&out}
	cmd.WaitDelay = time.Second // a child that keeps the pipes open does not hold Wait
	err = cmd.Run()
	switch {
	case err == nil:
		return nil
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("the notify command ran over %s and was stopped", Timeout)
	}
	first, _, _ := strings.Cut(strings.TrimSpace(out.String()), "\n")
	if first = model.Sanitize(first); first != "" {
		return fmt.Errorf("the notify command failed: %v: %s", err, first)
	}
	return fmt.Errorf("the notify command failed: %v", err)
}

// limited keeps the first maxOutput bytes written to it.
type limited struct{ b *bytes.Buffer }

func (l *limited) Write(p []byte) (int, error) {
	if room := maxOutput - l.b.Len(); room > 0 {
		l.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
