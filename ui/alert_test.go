package ui

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/ui/notify"
)

// alertRig watches participant (or, "" for it, the overview of) the
// demo's Incident bridge for a simulated span, through the real client
// and HTTP, and returns what went to the terminal as is.
func alertRig(t *testing.T, participant string, span time.Duration, opt func(*Config), onAlert ...func(*harness)) (raw []string, h *harness) {
	t.Helper()
	start := watchT0.Add(17 * time.Second)
	clock := newTestClock(start)
	zoom := simtest.Start(t, sim.Options{Seed: 3, Now: clock.Now})
	client := zoom.Client(t, func(c *fetch.Config) { c.Timeout, c.Now = 10*time.Second, clock.Now })
	h = newHarness(t, nil, 120, 40, func(c *Config) {
		c.Source, c.Now = client, clock.Now
		c.MeetingID, c.ParticipantID, c.Topic = sim.DemoMeetingID, participant, "Incident bridge"
		c.Terminal = notify.Terminal{Tmux: true}
		if opt != nil {
			opt(c)
		}
	})
	h.clock = clock
	d := &soakDriver{t: t, h: h, raw: func(r tea.RawMsg) {
		raw = append(raw, fmt.Sprint(r.Msg))
		for _, f := range onAlert {
			f(h)
		}
	}}
	d.run(h.a.Init())
	d.runUntil(start.Add(span))
	return raw, h
}

// Alice Chen's scripted trouble turns her critical for a few minutes of
// every twenty, flipping between warn and critical: over an hour of
// watching, each bad spell rings once, naming her, what and the value,
// as a BEL and an OSC 777 passed through tmux.
func TestAlertWhenWatchedTurnsCritical(t *testing.T) {
	raw, _ := alertRig(t, sim.DemoParticipantID, time.Hour, nil)
	if len(raw) < 2 || len(raw) > 3 {
		t.Fatalf("%d alerts in an hour of three bad spells (the first may be on screen at the start): %q", len(raw), raw)
	}
	for _, r := range raw {
		if !strings.HasPrefix(r, "\a\x1bPtmux;\x1b\x1b]777;notify;qostop;Alice Chen critical: ") || !strings.HasSuffix(r, "\a\x1b\\") {
			t.Errorf("alert is not a BEL and an OSC 777 through tmux naming Alice: %q", r)
		}
		if !strings.Contains(r, " ms") && !strings.Contains(r, "%") {
			t.Errorf("alert names no value: %q", r)
		}
	}
}

func TestAlertOffSendsNothing(t *testing.T) {
	raw, h := alertRig(t, sim.DemoParticipantID, time.Hour, func(c *Config) { c.Notify = notify.Off })
	if len(raw) != 0 {
		t.Fatalf("--notify off wrote %q", raw)
	}
	h.key("?")
	if v := h.a.content(); !strings.Contains(v, "Critical alerts: off") {
		t.Errorf("? does not say alerts are off:\n%s", v)
	}
}

// The overview alerts about anyone in the meeting; --notify-cmd gets the
// alert as JSON, and bell alone writes a BEL and nothing else.
func TestAlertCommandGetsJSON(t *testing.T) {
	out := t.TempDir() + "/alert.json"
	t.Setenv("QOSTOP_NOTIFY_HELPER_OUT", out)
	raw, h := alertRig(t, "", 40*time.Minute, func(c *Config) {
		c.Notify = notify.Bell
		c.NotifyCmd = notify.Command{os.Args[0], "-test.run=^TestHelperNotifyCmd$"}
	})
	if len(raw) == 0 {
		t.Fatal("no alert in 40 minutes of the bridge")
	}
	for _, r := range raw {
		if r != "\a" {
			t.Errorf("--notify bell wrote %q", r)
		}
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("the command did not run: %v", err)
	}
	var p notify.Payload
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	if p.Meeting != sim.DemoMeetingID || p.Topic != "Incident bridge" || len(p.Alerts) == 0 ||
		p.Alerts[0].Level != "critical" || p.Alerts[0].Participant == "" || p.Alerts[0].Value == 0 || p.Alerts[0].UserID == "" {
		t.Errorf("payload: %s", b)
	}
	h.key("?")
	if v := h.a.content(); !strings.Contains(v, "Critical alerts: bell, --notify-cmd") {
		t.Errorf("? does not say what is on:\n%s", v)
	}
}

// On the overview, whoever got worse since the last key press is marked
// until the next one.
func TestOverviewMarksRowsWorseSinceLooked(t *testing.T) {
	var marked, after []string
	var h *harness
	rowsOf := func() []string {
		var out []string
		for _, n := range names(h) {
			if strings.HasPrefix(n, "▲ ") {
				out = append(out, n)
			}
		}
		return out
	}
	alertRig(t, "", 40*time.Minute, func(c *Config) {
		c.Notify = notify.Bell
	}, func(hh *harness) {
		h = hh
		if marked == nil {
			marked = rowsOf()
			h.key("j")
			after = rowsOf()
		}
	})
	if !slices.Contains(marked, "▲ Alice Chen") {
		t.Errorf("at the alert, the rows marked are %q: Alice, who turned critical, is not", marked)
	}
	if len(after) != 0 {
		t.Errorf("after a key, still marked: %q", after)
	}
}

// TestHelperNotifyCmd is the --notify-cmd program of TestAlertCommandGetsJSON:
// the test binary run again, which copies its stdin to a file.
func TestHelperNotifyCmd(t *testing.T) {
	out := os.Getenv("QOSTOP_NOTIFY_HELPER_OUT")
	if out == "" {
		t.Skip("run by TestAlertCommandGetsJSON")
	}
	b, err := io.ReadAll(os.Stdin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
