package ui

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// syncBuffer is the program's output, read while it runs.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var osc52 = regexp.MustCompile("\x1b\\]52;([a-z]*);([A-Za-z0-9+/=]*)(?:\x07|\x1b\\\\)")

// y in a real Bubble Tea program writes one OSC 52 sequence to the
// terminal, for the clipboard, carrying exactly the snapshot table text of
// what the screen shows: no styling, no escape, nothing else.
func TestCopyWritesTheScreenAsTextInOneOSC52(t *testing.T) {
	src := &fakeSource{p: callParticipant(true)}
	h := newHarness(t, src, 80, 24)
	h.start()
	want := h.a.top().(copier).copyText()
	for _, s := range []string{"Participant  Alice Chen", "Newest sample", "audio send"} {
		if !strings.Contains(want, s) {
			t.Fatalf("the screen's text lacks %q:\n%s", s, want)
		}
	}
	var out syncBuffer
	p := tea.NewProgram(h.a, tea.WithInput(nil), tea.WithOutput(&out), tea.WithWindowSize(80, 24))
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	p.Send(tea.KeyPressMsg{Code: 'y', Text: "y"})
	deadline := time.Now().Add(10 * time.Second)
	for !osc52.MatchString(out.String()) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	p.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	ms := osc52.FindAllStringSubmatch(out.String(), -1)
	if len(ms) != 1 {
		t.Fatalf("%d OSC 52 sequences written, want 1", len(ms))
	}
	if ms[0][1] != "c" {
		t.Errorf("selection %q, want c (the clipboard)", ms[0][1])
	}
	got, err := base64.StdEncoding.DecodeString(ms[0][2])
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("the clipboard gets:\n%q\nwant the screen's text:\n%q", got, want)
	}
	if bytes.ContainsRune(got, 0x1b) {
		t.Error("the copied text holds an escape")
	}
}

// y says what it did, honestly: the terminal may refuse OSC 52. With
// nothing to copy it says so and does not clear the clipboard.
func TestCopySaysSoAndNeverSendsNothing(t *testing.T) {
	h := newHarness(t, &fakeSource{}, 100, 24) // no answer yet
	if out := h.key("y"); len(out) != 0 || !strings.Contains(h.a.View().Content, "nothing to copy here yet") {
		t.Fatalf("y with nothing shown: %d messages; view:\n%s", len(out), h.a.View().Content)
	}
	src := &fakeSource{p: callParticipant(true)}
	h = newHarness(t, src, 100, 24)
	h.start()
	h.key("y")
	if v := h.a.View().Content; !strings.Contains(v, "if your terminal allows OSC 52") {
		t.Fatalf("y does not say OSC 52 may be refused:\n%s", v)
	}
	h.key("p")
	if v := h.a.View().Content; strings.Contains(v, "if your terminal allows OSC 52") {
		t.Fatalf("the notice outlives the next key:\n%s", v)
	}
}

// The notice drops whole parts where the line is narrow, never cut: at
// 100 columns it ended "(in tmux: set -g set-clipboard".
func TestCopyNoticeIsWhole(t *testing.T) {
	src := &fakeSource{p: callParticipant(true)}
	h := newHarness(t, src, 100, 24)
	h.start()
	for w := 60; w <= 200; w++ {
		h.resize(w, 24)
		h.key("y")
		c := h.a.View().Content
		line := c[strings.LastIndexByte(c, '\n')+1:]
		n, _, _ := strings.Cut(strings.TrimPrefix(line, "copied "), " ")
		want := "copied " + n + " lines, if your terminal allows OSC 52 (tmux: set -g set-clipboard on)"
		if w < len(want) {
			want = "copied " + n + " lines, if your terminal allows OSC 52"
		}
		if line != want {
			t.Errorf("at %d columns the notice is %q, want %q", w, line, want)
		}
	}
}

// t says which theme is on now.
func TestThemeKeyNamesTheTheme(t *testing.T) {
	h := newHarness(t, &fakeSource{p: callParticipant(true)}, 100, 24, func(c *Config) { c.Profile = colorprofile.ANSI256 })
	h.start()
	h.key("t")
	if v := h.a.View().Content; !strings.Contains(v, "theme light (t cycles dark, light, high-contrast)") {
		t.Fatalf("t does not name the theme:\n%s", v)
	}
}

// Behind "terminal too small" no key acts but quit: three enters at 50x12
// (then too small) opened a participant's expanded pane unseen.
func TestNoKeysActBehindTooSmall(t *testing.T) {
	src := newTableSource()
	src.setPeople(bridge())
	h, _ := newTableHarness(t, src, 120, 40)
	h.resize(39, 9)
	h.press("enter", "enter", "enter", "R", "t")
	if h.a.top().name() != "meetings" || h.a.c.redact || h.a.theme.Name != "dark" {
		t.Fatalf("keys acted behind too small: top %v, redact %v, theme %s", h.a.top(), h.a.c.redact, h.a.theme.Name)
	}
	if !strings.Contains(h.a.content(), "terminal too small") {
		t.Fatalf("not too small:\n%s", h.a.content())
	}
	h.press("q")
	if !h.a.quit {
		t.Fatal("q does not quit behind too small")
	}
}

// y on the overview pastes with what an incident channel needs: the
// topic, the time of the data and the diagnosis, above the rows.
func TestCopyOverviewHasTopicTimeAndDiagnosis(t *testing.T) {
	src := newTableSource()
	src.setPeople(bridge())
	h, _ := newTableHarness(t, src, 120, 40, onBridge)
	text := h.a.top().(copier).copyText()
	head := strings.SplitN(text, "\n\n", 2)[0]
	want := "Incident bridge\nData of 2026-11-25 19:39 UTC (the newest sample)\nDiagnosis: " + h.overview().diagnosis.Text("; ")
	if head != want || !strings.Contains(head, "degraded") {
		t.Errorf("copied head:\n%s\nwant:\n%s", head, want)
	}
}

// y on the chart screen copies the series it shows: a line per sample in
// its window, each panel's reading each way, under who and when; it said
// "nothing to copy".
func TestCopyChartScreenSeries(t *testing.T) {
	h := newHarness(t, &fakeSource{p: callParticipant(true)}, 120, 40)
	h.start()
	h.key("enter")
	s, ok := h.a.top().(*chartScreen)
	if !ok {
		t.Fatalf("enter opened %s", h.a.top().name())
	}
	text := s.copyText()
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	start, end := s.win.Range(s.newest)
	n := 0
	for _, smp := range h.watch().hist.Since(start) {
		if !smp.Time.After(end) {
			n++
		}
	}
	if n == 0 || len(lines) != n+3 || !strings.HasPrefix(lines[0], "Alice Chen · audio · ") ||
		!strings.Contains(lines[2], "send latency (ms)") || !strings.Contains(lines[2], "receive jitter (ms)") {
		t.Fatalf("%d samples in the window; copied %d lines:\n%s", n, len(lines), text)
	}
	h.key("y")
	if want := fmt.Sprintf("copied %d lines", len(lines)); !strings.HasPrefix(h.a.notice, want) {
		t.Errorf("y on the chart screen says %q, want %q", h.a.notice, want)
	}
}
