package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// Every screen's first line ends with the profile's name: the meeting
// list, the overview, the watch screen and its charts, at every width
// the screens draw, and never past the width.
func TestProfileNameOnEveryScreen(t *testing.T) {
	zoom := simtest.Start(t, sim.Options{Seed: 1})
	for _, width := range []int{80, 120, 200} {
		h, _ := newTableHarness(t, zoom.Client(t), width, 30, func(c *Config) { c.Account, c.Accent = "client-b", "#ff8700" })
		for _, step := range []struct{ screen, key string }{{"meetings", ""}, {"overview", "enter"}, {"watch", "enter"}, {"charts", "enter"}} {
			if step.key != "" {
				h.press(step.key)
			}
			if got := h.a.top().name(); !strings.HasPrefix(got, step.screen[:4]) {
				t.Fatalf("%d: on %q, want %s", width, got, step.screen)
			}
			first, _, _ := strings.Cut(h.a.View().Content, "\n")
			if !strings.HasSuffix(ansi.Strip(first), "[client-b]") || ansi.StringWidth(first) != width {
				t.Errorf("%d, %s: first line %q (width %d) does not end with the profile", width, step.screen, ansi.Strip(first), ansi.StringWidth(first))
			}
		}
	}
}
