package ui

import (
	"fmt"
	"net/http/httptest"
	"regexp"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/fetch/sim"
)

// Every key a screen binds is in its full help, whole, at 80x24 and at
// the smallest size, 60x16: at 80 columns the watch screen's fifth
// column (n, N, w, y) was cut behind an ellipsis and shown nowhere.
func TestFullHelpListsEveryKey(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 16}, {100, 30}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			now := time.Date(2026, 11, 25, 19, 42, 38, 0, time.UTC)
			srv := httptest.NewServer(sim.New(sim.Options{Seed: 1, Now: func() time.Time { return now }}).Handler())
			defer srv.Close()
			h, _ := newTableHarness(t, clientFor(t, srv.URL), size[0], size[1], func(c *Config) {
				c.Now = func() time.Time { return now }
			})
			seen := map[string]bool{}
			check := func() {
				t.Helper()
				h.press("?")
				s := h.a.top()
				seen[s.name()] = true
				view := h.a.content()
				_, full := s.help()
				for _, b := range concat(full) {
					if !b.Enabled() {
						continue
					}
					kd := regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(b.Help().Key) + ` +` + regexp.QuoteMeta(b.Help().Desc) + `(\s|$)`)
					if !kd.MatchString(ansi.Strip(view)) {
						t.Errorf("%s: %q %q is not in the full help:\n%s", s.name(), b.Help().Key, b.Help().Desc, view)
					}
				}
				h.press("?")
			}
			check()          // the meeting list
			h.press("enter") // the overview
			check()
			h.press("enter") // a participant's panes
			check()
			h.press("enter") // their charts
			check()
			for _, name := range []string{"meetings", "overview", "watch", "chart"} {
				if !seen[name] {
					t.Errorf("screen %q was not reached; seen %v", name, seen)
				}
			}
		})
	}
}
