package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Below 40x10 every screen is a refusal that fits: wrapped to the width,
// cut to the height, and what it asks for read whole ("need 60x16, have
// 40x" was cut at 40 columns).
func TestTooSmallRefusalFits(t *testing.T) {
	for _, sz := range [][2]int{{39, 9}, {39, 40}, {200, 9}, {25, 4}, {12, 3}} {
		got := tooSmallText(sz[0], sz[1])
		lines := strings.Split(got, "\n")
		if len(lines) > sz[1] {
			t.Errorf("%dx%d: %d lines:\n%s", sz[0], sz[1], len(lines), got)
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > sz[0] {
				t.Errorf("%dx%d: a line is %d wide: %q", sz[0], sz[1], ansi.StringWidth(l), l)
			}
		}
		if want := fmt.Sprintf("need 40x10, have %dx%d", sz[0], sz[1]); sz[0] >= 25 && !strings.Contains(got, want) {
			t.Errorf("%dx%d: %q does not say %q on a line", sz[0], sz[1], got, want)
		}
	}
}

// smallScreens are the screens a user reaches from the meeting list, each
// with what it must still show in a 40x10 corner or a 100x12 tmux split:
// the keys that reach it from the list, and the words that prove it is
// that screen and usable.
var smallScreens = []struct {
	name string
	keys []string
	want []string
}{
	{"meetings", nil, []string{"Incident bridge", "85012345678", "fetched"}},
	{"overview", []string{"enter"}, []string{"participant", "worst now", "▸ Erik Lund", "good", "newest"}},
	{"watch", []string{"enter", "enter"}, []string{"audio", "│send", "lat ", "newest"}},
	{"chart", []string{"enter", "enter", "enter"}, []string{"latency send", "┤", "live"}},
	{"eventlog", []string{"enter", "enter", "l"}, []string{"event log", "newest"}},
}

// At 40x10 and 100x12 every screen is a reduced view, not a refusal: the
// list's rows, the overview's first rows, the watch screen's compact
// panes with their readings, a chart, the event log; each exactly the
// terminal's size. (At 100x12 the screens refused with "need 60x16".)
func TestSmallTerminalsShowEveryScreen(t *testing.T) {
	for _, sz := range [][2]int{{40, 10}, {100, 12}} {
		for _, sc := range smallScreens {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, sz[0], sz[1]), func(t *testing.T) {
				h, _ := simHarness(t)
				h.resize(sz[0], sz[1])
				h.press(sc.keys...)
				v := ansi.Strip(h.a.content())
				lines := strings.Split(v, "\n")
				if len(lines) != sz[1] {
					t.Errorf("%d lines, want %d:\n%s", len(lines), sz[1], v)
				}
				for _, l := range lines {
					if w := ansi.StringWidth(l); w > sz[0] {
						t.Errorf("a line is %d wide: %q", w, l)
					}
				}
				for _, want := range sc.want {
					if !strings.Contains(v, want) {
						t.Errorf("lacks %q:\n%s", want, v)
					}
				}
			})
		}
	}
}

// The rooms screen too, at 40x10: the worst room's row.
func TestSmallTerminalShowsRooms(t *testing.T) {
	h, _ := simHarness(t, func(c *Config) { c.Rooms = true })
	h.resize(40, 10)
	if v := h.a.content(); !strings.Contains(v, "Boardroom 12") || strings.Contains(v, "too small") {
		t.Errorf("the rooms screen at 40x10:\n%s", v)
	}
}

// The watch screen's compact lines at 40 columns drop the sparkline and
// its scale rather than the readings: the latency is on every line.
func TestNarrowWatchKeepsTheReadings(t *testing.T) {
	src := &fakeSource{p: callParticipant(true)}
	h := newHarness(t, src, 40, 10)
	h.start()
	v := h.a.content()
	n := 0
	for _, l := range strings.Split(v, "\n") {
		if strings.HasPrefix(l, "│send") || strings.HasPrefix(l, "│receive") {
			n++
			if !strings.Contains(l, "lat ") {
				t.Errorf("a compact line without its latency: %q", l)
			}
		}
	}
	if n < 2 {
		t.Errorf("%d compact lines at 40x10, want the audio pane's two at least:\n%s", n, v)
	}
}
