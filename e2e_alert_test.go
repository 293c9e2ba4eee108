package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// rawWatch is `qostop watch` of Alice Chen in tmux, with every byte the
// program writes to the terminal kept (tmux pipe-pane).
type rawWatch struct {
	s   *tmuxSession
	raw string
}

func startRawWatch(t *testing.T, bin string, env []string, flags ...string) rawWatch {
	t.Helper()
	raw := filepath.Join(t.TempDir(), "raw")
	// The program starts a second late, so pipe-pane is on from its first byte.
	cmd := "sleep 1; env TERM=xterm-256color " + strings.Join(env, " ") + " " + bin + " watch --interval 2s " +
		strings.Join(flags, " ") + " " + sim.DemoMeetingID + " " + sim.DemoParticipantID
	s := startTmuxShell(t, nil, 120, 40, cmd)
	s.tmux("pipe-pane", "-o", "-t", "e2e", "cat >> "+raw)
	return rawWatch{s: s, raw: raw}
}

func (w rawWatch) stream() string {
	b, _ := os.ReadFile(w.raw)
	return string(b)
}

var requestsRE = regexp.MustCompile(`today (\d+) requests`)

// requests is the status bar's count of the day's requests: it moves on
// with every poll.
func (w rawWatch) requests() int {
	m := requestsRE.FindStringSubmatch(w.s.capture())
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// The done-when: in tmux, Alice Chen turns critical mid-watch (the
// simulator scripts a bad spell a few samples after it starts); the raw
// stream holds a BEL and one desktop notification naming her, passed
// through tmux, for the whole spell; beside it, a watch with --notify off
// of the same spell sends neither.
func TestEndToEndAlertOnCritical(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds the binary and runs it in tmux")
	}
	bin := buildBinary(t)
	zoom := simtest.Start(t, sim.Options{SampleEvery: time.Second, Seed: 1})
	on := startRawWatch(t, bin, zoom.Env())
	off := startRawWatch(t, bin, zoom.Env(), "--notify", "off")
	const note = "\x1b\x1b]777;notify;qostop;Alice Chen critical: "
	on.s.waitFor("a notification naming Alice in the raw stream", 60*time.Second, func(string) bool {
		return strings.Contains(on.stream(), note)
	})
	// The spell lasts a few samples of the simulator's twenty-sample
	// cycle: ten more polls, a second a sample, and it is over.
	after := on.requests()
	on.s.waitFor("ten more polls", 60*time.Second, func(string) bool { return on.requests() >= after+10 })
	out := on.stream()
	if n := strings.Count(out, note); n != 1 {
		t.Errorf("%d notifications naming Alice for one bad spell, want 1", n)
	}
	if i := strings.Index(out, note); !strings.HasSuffix(out[:i], "\a\x1bPtmux;") {
		t.Errorf("no BEL before the notification: %q", out[max(0, i-40):i+len(note)])
	}
	quiet := off.stream()
	if strings.Contains(quiet, "]777;") || strings.Contains(quiet, "]9;") {
		t.Errorf("--notify off sent a notification")
	}
	// Terminal queries and replies end in BEL too: a bell is a BEL of its own.
	if n, osc := strings.Count(quiet, "\a"), strings.Count(quiet, "\x1b]"); n > osc {
		t.Errorf("--notify off: %d BELs for %d OSC sequences: the bell rang", n, osc)
	}
	for _, w := range []rawWatch{on, off} {
		w.s.send("q")
		w.s.waitFor("the program to exit", 10*time.Second, func(string) bool { return w.s.exitStatus() != "" })
	}
}
