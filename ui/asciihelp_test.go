package ui

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/qostop/qostop/fetch/sim"
)

// nonASCII is the first rune of s outside printable ASCII, or "".
func nonASCII(s string) string {
	for _, r := range s {
		if r > '~' {
			return string(r)
		}
	}
	return ""
}

// With --ascii, no help is drawn with a character a plain font may lack:
// not the keys or their words (the arrows are "up", "down"), not the
// full help's notes and legend, on every screen from the meeting list
// to the event log. Each screen is checked as its bindings say and as
// drawn, with ? open where it has a full help.
func TestASCIIHelpIsASCII(t *testing.T) {
	now := time.Date(2026, 11, 25, 19, 42, 38, 0, time.UTC)
	srv := httptest.NewServer(sim.New(sim.Options{Seed: 1, Now: func() time.Time { return now }}).Handler())
	defer srv.Close()
	h, _ := newTableHarness(t, clientFor(t, srv.URL), 200, 60, func(c *Config) {
		c.Now, c.ASCII = func() time.Time { return now }, true
	})
	seen := map[string]bool{}
	check := func(withFull ...bool) {
		t.Helper()
		s := h.a.top()
		seen[s.name()] = true
		short, full := s.help()
		for _, b := range append(short, concat(full)...) {
			if c := nonASCII(b.Help().Key + b.Help().Desc); c != "" {
				t.Errorf("%s: help %q %q has %q", s.name(), b.Help().Key, b.Help().Desc, c)
			}
		}
		for _, open := range withFull {
			if open {
				h.press("?")
			}
			for i, l := range strings.Split(h.a.content(), "\n") {
				if c := nonASCII(l); c != "" {
					t.Errorf("%s (full help %v): line %d has %q: %s", s.name(), open, i+1, c, l)
				}
			}
			if open {
				h.press("?")
			}
		}
	}
	check(false, true)  // the meeting list
	h.press("enter")    // the overview
	check(false, true)  //
	h.press("enter")    // a participant's panes
	check(false, true)  //
	h.press("enter")    // their charts
	check(false, true)  //
	h.press("esc", "l") // the event log: ? is not its key
	check(false)
	for _, name := range []string{"meetings", "overview", "watch", "chart", "event log"} {
		if !seen[name] {
			t.Errorf("screen %q was not reached; seen %v", name, seen)
		}
	}
}

func concat(groups [][]key.Binding) []key.Binding {
	var all []key.Binding
	for _, g := range groups {
		all = append(all, g...)
	}
	return all
}
