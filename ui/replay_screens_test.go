package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/fetch/sim/simtest/fakeclock"
	"github.com/qostop/qostop/theme"
)

// recordCall records a watch screen on the call for three polls, and
// returns the recording's path and the harness, at the last answer.
func recordCall(t *testing.T) (string, *harness) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "call.jsonl")
	p := callParticipant(true)
	src := &fakeSource{p: p}
	src.p.Samples = p.Samples[:36]
	var stop func() error
	h := newHarness(t, src, 120, 40, recordTo(t, file, &stop))
	next := h.start()
	for i := 37; i <= 40; i++ {
		src.p.Samples = p.Samples[:i]
		next = h.poll(next)
		if i == 38 { // a marker, which the replay drops again at its time
			h.key("M")
			for _, msg := range h.key("enter") {
				h.send(msg)
			}
		}
	}
	return file, h
}

// replayOf is a harness replaying the recording at path on a wall clock
// of its own, with timers recorded, its first answer delivered.
func replayOf(t *testing.T, path string, width, height int) (*harness, *fakeclock.Clock) {
	t.Helper()
	rec, err := record.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	wall := fakeclock.New(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cfg := ReplayConfig(Config{Theme: theme.Dark(), Profile: colorprofile.Ascii, UTC: true, schedule: recordScheduler}, rec, wall.Now)
	m, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, a: m.(*app)}
	h.resize(width, height)
	for _, msg := range runCmd(h.a.top().chain().First()) {
		h.send(msg)
	}
	return h, wall
}

// withoutStatus is a screen without its status bar: the line that says
// REPLAY in the replay, at the same place live.
func withoutStatus(t *testing.T, live, replayed string) (string, string) {
	t.Helper()
	ll, rl := strings.Split(live, "\n"), strings.Split(replayed, "\n")
	for i, l := range rl {
		if strings.Contains(l, "REPLAY") && i < len(ll) {
			return strings.Join(append(ll[:i:i], ll[i+1:]...), "\n"), strings.Join(append(rl[:i:i], rl[i+1:]...), "\n")
		}
	}
	t.Fatalf("the replay's screen has no REPLAY status bar:\n%s", replayed)
	return "", ""
}

// A replay at the time of the live screen's last answer draws the watch
// screen, its charts and its event log as they were drawn live, but for
// the status bar, which says REPLAY in place of the polling.
func TestReplayDrawsWhatWasShownLive(t *testing.T) {
	file, live := recordCall(t)
	at := live.clock.Now()
	r, _ := replayOf(t, file, 120, 40)
	if _, ok := r.a.top().(*watchModel); !ok {
		t.Fatalf("a recording of one participant opens on %s, want the watch screen", r.a.top().name())
	}
	r.a.c.cfg.Replay.Clock.Seek(at)
	for _, msg := range runCmd(r.a.replayed(false)) {
		r.send(msg)
	}
	for _, k := range []string{"", "enter", "esc", "l"} {
		if k != "" {
			live.key(k)
			r.key(k)
		}
		lv, rv := withoutStatus(t, live.a.content(), r.a.content())
		if lv != rv {
			t.Errorf("after %q the replay at %s draws:\n%s\nlive drew:\n%s", k, at.Format("15:04:05"), rv, lv)
		}
	}
	if s := r.a.content(); !strings.Contains(s, "REPLAY ×1 "+at.Format("15:04:05")+" / "+at.Format("15:04:05")+", at the end") {
		t.Errorf("the status bar does not say where the replay stands:\n%s", s)
	}
}

// The clock's keys: space pauses, > speeds up, and a minute back forgets
// the newest minute's sample, which a minute on brings back.
func TestReplayKeysMoveTheClock(t *testing.T) {
	file, live := recordCall(t)
	r, _ := replayOf(t, file, 120, 40)
	for _, msg := range r.key("$") {
		r.send(msg)
	}
	full := r.watch().hist.Len()
	if full != 40 {
		t.Fatalf("at the end the replay holds %d samples, want the 40 shown live", full)
	}
	r.key("space")
	r.key(">")
	r.key(">")
	end := live.clock.Now().Format("15:04:05")
	if s := r.a.content(); !strings.Contains(s, "REPLAY ×5 "+end+" / "+end+", paused") {
		t.Errorf("after space > >, the status bar:\n%s", s)
	}
	for _, k := range []string{",", ",", ","} {
		for _, msg := range r.key(k) {
			r.send(msg)
		}
	}
	// Three minutes back is before the second poll: the first answer's 36.
	if n := r.watch().hist.Len(); n != 36 {
		t.Errorf("three minutes back the replay holds %d samples, want 36", n)
	}
	if got := r.watch().feed.Events().Events(); len(got) > 0 && got[0].At.After(r.a.c.clk.Now) {
		t.Errorf("three minutes back the event log still shows %q of %s", got[0].Text, got[0].At)
	}
	if len(r.watch().feed.Markers()) != 0 {
		t.Errorf("three minutes back, before the marker, the replay shows %v", r.watch().feed.Markers())
	}
	for _, msg := range r.key("}") {
		r.send(msg)
	}
	if n := r.watch().hist.Len(); n != full {
		t.Errorf("ten minutes on the replay holds %d samples, want %d", n, full)
	}
	r.key("?")
	if s := r.a.content(); !strings.Contains(s, "10 minutes back") || !strings.Contains(s, "pause the replay") {
		t.Errorf("the full help does not list the replay's keys:\n%s", s)
	}
	r.key("?")
	if ms := r.watch().feed.Markers(); len(ms) != 1 || !strings.Contains(r.a.content(), "marker: ") {
		t.Errorf("past the marker the replay shows markers %v:\n%s", ms, r.a.content())
	}
}

// A recording cut mid-line replays what it holds, and the screen says
// it is incomplete and where it was cut.
func TestReplayOfACutRecordingSaysSo(t *testing.T) {
	file, _ := recordCall(t)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	cut := filepath.Join(t.TempDir(), "cut.jsonl")
	if err := os.WriteFile(cut, []byte(strings.Join(lines[:4], "")+lines[4][:len(lines[4])/2]), 0o600); err != nil {
		t.Fatal(err)
	}
	r, _ := replayOf(t, cut, 120, 40)
	for _, msg := range r.key("$") {
		r.send(msg)
	}
	if s := r.a.content(); !strings.Contains(s, "incomplete recording (cut at line 5)") || r.watch().hist.Len() == 0 {
		t.Errorf("a recording cut in line 5, replayed:\n%s", s)
	}
	// At 80 columns, at the end at ×10, the clock and the cut both show.
	r.resize(80, 24)
	r.key(">")
	r.key(">")
	r.key(">")
	if s := r.a.content(); !strings.Contains(s, "incomplete (cut at line 5)") || !strings.Contains(s, "×10 19:39:38 / 19:39:38, at the end") {
		t.Errorf("at 80 columns the status bar lacks the cut or the clock:\n%s", s)
	}
}
