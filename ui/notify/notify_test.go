package notify

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

func TestSequence(t *testing.T) {
	hostile := "Mallory\x1b]0;pwned\x07\x1b[2J; rm -rf critical"
	for _, tc := range []struct {
		name string
		term Terminal
		mode Mode
		want string
	}{
		{"off", Terminal{Title: "qostop"}, Off, ""},
		{"bell", Terminal{Title: "qostop"}, Bell, "\a"},
		{"desktop", Terminal{Title: "qostop"}, Desktop, "\a\x1b]777;notify;qostop;Mallory, rm -rf critical\a"},
		{"iTerm2", Terminal{Title: "qostop", OSC9: true}, Desktop, "\a\x1b]9;Mallory, rm -rf critical\a"},
		{"tmux", Terminal{Title: "qostop", Tmux: true}, Desktop, "\a\x1bPtmux;\x1b\x1b]777;notify;qostop;Mallory, rm -rf critical\a\x1b\\"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.term.Sequence(tc.mode, hostile); got != tc.want {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
	long := Terminal{Title: "qostop"}.Sequence(Desktop, strings.Repeat("x", 5000))
	if len(long) > maxBody+40 {
		t.Errorf("a long alert is %d bytes", len(long))
	}
}

func TestTerminalFrom(t *testing.T) {
	env := map[string]string{"TMUX": "/tmp/tmux-1000/default,1,0", "LC_TERMINAL": "iTerm2"}
	if got := TerminalFrom(func(k string) string { return env[k] }); !got.Tmux || !got.OSC9 {
		t.Errorf("inside tmux in iTerm2: %+v", got)
	}
	if got := TerminalFrom(func(string) string { return "" }); got.Tmux || got.OSC9 {
		t.Errorf("no environment: %+v", got)
	}
}

func TestParseModeAndCommand(t *testing.T) {
	if m, err := ParseMode(""); m != Desktop || err != nil {
		t.Errorf(`"": %q %v`, m, err)
	}
	if _, err := ParseMode("loud"); err == nil || !strings.Contains(err.Error(), "off, bell, desktop") {
		t.Errorf("loud: %v", err)
	}
	if _, err := ParseCommand("no-such-program-qostop --x"); err == nil || !strings.Contains(err.Error(), "without a shell") {
		t.Errorf("missing program: %v", err)
	}
	c, err := ParseCommand("  true  --flag ")
	if err != nil || len(c) != 2 || c[1] != "--flag" {
		t.Errorf("true --flag: %q %v", c, err)
	}
}

// A command that fails says how, with the start of what it printed, and
// never the command line.
func TestRunFailure(t *testing.T) {
	c, err := ParseCommand("sh -c echo${IFS}nope-from-the-pager>&2;exit${IFS}3")
	if err != nil {
		t.Skip("no sh")
	}
	al := model.Alert{At: time.Unix(0, 0), Crossings: []model.Crossing{{Name: "Alice", Key: "1",
		Worst: model.Reading{Metric: model.Latency, Value: model.Some(412), Level: model.Critical}}}}
	err = c.Run(context.Background(), PayloadOf(al, "85012345678", "Incident bridge", true))
	if err == nil || !strings.Contains(err.Error(), "exit status 3: nope-from-the-pager") || strings.Contains(err.Error(), "IFS") {
		t.Errorf("got %v", err)
	}
}
