package ui

import (
	"strings"
	"testing"
)

// statusBar is the status bar line of the screen: the one that counts
// requests.
func statusBar(h *harness) string {
	lines := strings.Split(h.a.content(), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], "request") {
			return strings.TrimSpace(lines[i])
		}
	}
	return ""
}

// The bar says how polling goes: "every 15s" only when an interval is
// fixed (--interval, + or -), "adaptive" while the schedule follows
// Zoom's minute, where no one interval would be true. The chart screen
// and the meeting list say the same of theirs.
func TestStatusBarSaysHowItPolls(t *testing.T) {
	fixed := func(c *Config) { c.Fixed = true }
	for _, tc := range []struct {
		name      string
		opts      []harnessOpt
		keys      []string
		want, not string
	}{
		{name: "watch adaptive", want: "adaptive", not: "every "},
		{name: "watch --interval", opts: []harnessOpt{fixed}, want: "every 10s", not: "adaptive"},
		{name: "watch +", keys: []string{"+"}, want: "every 15s", not: "adaptive"},
		{name: "charts adaptive", keys: []string{"enter"}, want: "adaptive", not: "every "},
		{name: "charts after +", keys: []string{"+", "enter"}, want: "every 15s", not: "adaptive"},
		{name: "charts --interval", opts: []harnessOpt{fixed}, keys: []string{"enter"}, want: "every 10s", not: "adaptive"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, &fakeSource{p: callParticipant(true)}, 120, 40, tc.opts...)
			h.start()
			for _, k := range tc.keys {
				h.key(k)
			}
			if bar := statusBar(h); !strings.Contains(bar, tc.want) || strings.Contains(bar, tc.not) {
				t.Errorf("bar %q: want %q, and no %q", bar, tc.want, tc.not)
			}
		})
	}
	t.Run("meeting list", func(t *testing.T) {
		src := newTableSource()
		src.meetings = liveMeetings()
		h, _ := newTableHarness(t, src, 120, 40)
		if bar := statusBar(h); !strings.Contains(bar, "every 1m") || strings.Contains(bar, "adaptive") {
			t.Errorf("meeting list bar %q: want a fixed %q", bar, "every 1m")
		}
	})
}

// The full help says what "adaptive" means, and how to fix an interval;
// once fixed, it says that instead.
func TestFullHelpExplainsAdaptive(t *testing.T) {
	h := newHarness(t, &fakeSource{p: callParticipant(true)}, 120, 40)
	h.start()
	h.key("?")
	if v := strings.Join(strings.Fields(h.a.content()), " "); !strings.Contains(v, "Adaptive polling: ") ||
		!strings.Contains(v, "+ and - fix an interval.") {
		t.Errorf("full help does not explain adaptive polling:\n%s", h.a.content())
	}
	h.key("+")
	if v := strings.Join(strings.Fields(h.a.content()), " "); !strings.Contains(v, "Polling every 15s (a fixed interval") {
		t.Errorf("full help after +:\n%s", h.a.content())
	}
}
