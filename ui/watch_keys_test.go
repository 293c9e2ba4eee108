package ui

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/poll"
)

// keyEffects asserts what each binding of DefaultKeyMap does. Every key
// of every binding is pressed; TestEveryKeyIsTested fails if a binding
// has no entry here.
var keyEffects = map[string]func(t *testing.T, h *harness, k string){
	"Quit": func(t *testing.T, h *harness, k string) {
		out := h.key(k)
		if len(only[tea.QuitMsg](out)) != 1 || h.src.lastCtx().Err() == nil {
			t.Fatalf("%s: no tea.Quit, or the context was not cancelled", k)
		}
	},
	"Help": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if v := h.a.content(); !strings.Contains(v, "poll less often") || !strings.Contains(v, "fewer keys") {
			t.Fatalf("%s did not show the full help:\n%s", k, v)
		}
		h.key(k)
		if v := h.a.content(); strings.Contains(v, "poll less often") {
			t.Fatalf("%s again did not hide the full help:\n%s", k, v)
		}
	},
	"Pause": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if !h.watch().chain().Paused || !strings.Contains(h.a.content(), "PAUSED") {
			t.Fatalf("%s did not pause", k)
		}
		h.key(k)
		if h.watch().chain().Paused || strings.Contains(h.a.content(), "PAUSED") {
			t.Fatalf("%s again did not resume", k)
		}
	},
	"Refresh": func(t *testing.T, h *harness, k string) {
		out := h.key(k)
		if len(fetches(out)) != 1 || h.src.callCount() != 2 {
			t.Fatalf("%s did not fetch at once: %#v", k, out)
		}
	},
	"SlowerPoll": func(t *testing.T, h *harness, k string) {
		out := h.key(k)
		tm, _ := pollTimer(t, out)
		if h.watch().chain().Interval != 15*time.Second || tm.d != 15*time.Second || !strings.Contains(h.a.content(), "every 15s") {
			t.Fatalf("%s: interval %s, next poll in %s; want 15s", k, h.watch().chain().Interval, tm.d)
		}
		for range 20 {
			h.key(k)
		}
		if h.watch().chain().Interval != poll.MaxInterval {
			t.Fatalf("%s pressed often: interval %s, want the ceiling %s", k, h.watch().chain().Interval, poll.MaxInterval)
		}
	},
	"FasterPoll": func(t *testing.T, h *harness, k string) {
		out := h.key(k)
		tm, _ := pollTimer(t, out)
		if h.watch().chain().Interval != 5*time.Second || tm.d != 5*time.Second || !strings.Contains(h.a.content(), "every 5s") {
			t.Fatalf("%s: interval %s, next poll in %s; want 5s", k, h.watch().chain().Interval, tm.d)
		}
		for range 20 {
			h.key(k)
		}
		if h.watch().chain().Interval != 2*time.Second {
			t.Fatalf("%s pressed often: interval %s, want the floor 2s", k, h.watch().chain().Interval)
		}
	},
	"ShorterSpan": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if !strings.Contains(h.a.content(), "window 30m") || len(h.watch().window()) != 30 {
			t.Fatalf("%s: window %s with %d samples, want 30m and 30", k, h.watch().span(), len(h.watch().window()))
		}
		for range 10 {
			h.key(k)
		}
		if h.watch().span() != 5*time.Minute || !strings.Contains(h.a.content(), "window 5m") {
			t.Fatalf("%s pressed often: window %s, want the shortest, five samples", k, h.watch().span())
		}
	},
	"LongerSpan": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if !strings.Contains(h.a.content(), "window 1h") || len(h.watch().window()) != 40 {
			t.Fatalf("%s: window %s with %d samples, want 1h and all 40", k, h.watch().span(), len(h.watch().window()))
		}
		for range 10 {
			h.key(k)
		}
		if !strings.Contains(h.a.content(), "window 24h") {
			t.Fatalf("%s pressed often did not reach the day the history holds", k)
		}
	},
	"WholeCall": func(t *testing.T, h *harness, k string) {
		h.key("]")
		h.key(k)
		if !strings.Contains(h.a.content(), "whole call 41m") || len(h.watch().window()) != 40 {
			t.Fatalf("%s after ]: window %s with %d samples, want the whole call, 41m", k, h.watch().span(), len(h.watch().window()))
		}
		h.key(k)
		if !strings.Contains(h.a.content(), "window 45m") || h.watch().whole {
			t.Fatalf("%s again: window %s, want the fitted window back", k, h.watch().span())
		}
	},
	"NextPane": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if v := h.a.content(); !strings.Contains(v, "[video]") || strings.Contains(v, "[audio]") {
			t.Fatalf("%s did not move focus to video:\n%s", k, v)
		}
	},
	"PrevPane": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if v := h.a.content(); !strings.Contains(v, "[screen share]") || strings.Contains(v, "[audio]") {
			t.Fatalf("%s did not move focus back to screen share:\n%s", k, v)
		}
	},
	"Expand": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if v := ansi.Strip(h.a.content()); !strings.Contains(v, "audio · latency") || !strings.Contains(v, "latency send ") || strings.Contains(v, " video ") {
			t.Fatalf("%s did not open the focused pane's charts:\n%s", k, v)
		}
	},
	"Earlier": func(t *testing.T, h *harness, k string) {
		h.key("enter")
		h.key("[") // 30m of the 40 minutes: there is an earlier view
		h.key(k)
		if s := statusLine(h.a.content()); !strings.Contains(s, "19:00–19:30") || !strings.Contains(s, "end: live") {
			t.Fatalf("%s on the chart screen: status %q, want 19:00–19:30 and end: live", k, s)
		}
	},
	"Later": func(t *testing.T, h *harness, k string) {
		h.key("enter")
		h.key("[")
		h.key("left")
		h.key(k)
		if s := statusLine(h.a.content()); !strings.Contains(s, "live · last 30m") {
			t.Fatalf("%s near the newest sample: status %q, want live", k, s)
		}
	},
	"Live": func(t *testing.T, h *harness, k string) {
		h.key("enter")
		h.key("[")
		h.key("left")
		h.key(k)
		if s := statusLine(h.a.content()); !strings.Contains(s, "live · last 30m") {
			t.Fatalf("%s: status %q, want live", k, s)
		}
	},
	"ZoomIn": func(t *testing.T, h *harness, k string) {
		h.key("enter")
		h.key(k)
		if s := statusLine(h.a.content()); !strings.Contains(s, "live · last 30m") || h.watch().span() != 45*time.Minute {
			t.Fatalf("%s on the chart screen: status %q, panes' window %s; want the charts at 30m, the panes at 45m", k, s, h.watch().span())
		}
	},
	"ZoomOut": func(t *testing.T, h *harness, k string) {
		h.key("enter")
		h.key(k)
		if s := statusLine(h.a.content()); !strings.Contains(s, "live · last 1h") || h.watch().span() != 45*time.Minute {
			t.Fatalf("%s on the chart screen: status %q, panes' window %s; want the charts at 1h, the panes at 45m", k, s, h.watch().span())
		}
	},
	"NextChart": func(t *testing.T, h *harness, k string) {
		h.key("enter")
		h.key(k)
		if v := ansi.Strip(h.a.content()); !strings.Contains(v, "jitter send ") || strings.Contains(v, "latency send ") {
			t.Fatalf("%s did not move the charts on by one:\n%s", k, v)
		}
	},
	"PrevChart": func(t *testing.T, h *harness, k string) {
		h.key("enter")
		h.key("down")
		h.key(k)
		if v := ansi.Strip(h.a.content()); !strings.Contains(v, "latency send ") {
			t.Fatalf("%s did not move the charts back:\n%s", k, v)
		}
	},
	"Back": func(t *testing.T, h *harness, k string) {
		h.key("enter")
		h.key(k)
		if v := h.a.content(); !strings.Contains(v, " video ") {
			t.Fatalf("%s did not leave the chart screen:\n%s", k, v)
		}
		h.key("?")
		h.key(k)
		if v := h.a.content(); strings.Contains(v, "poll less often") {
			t.Fatalf("%s did not close the full help:\n%s", k, v)
		}
	},
	"Log": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if v := h.a.content(); !strings.Contains(v, "event log: ") || strings.Contains(v, "[audio]") {
			t.Fatalf("%s did not open the event log:\n%s", k, v)
		}
		h.key("esc")
		if v := h.a.content(); !strings.Contains(v, "[audio]") {
			t.Fatalf("esc did not close it:\n%s", v)
		}
	},
	// Opened without an overview (qostop watch), n, N and w have no order
	// to follow: nothing happens, nothing is asked. With one, see
	// TestNextPreviousAndWorstPersonFollowTheOverview.
	"NextPerson":  directAsksRoster,
	"PrevPerson":  directAsksRoster,
	"WorstPerson": directAsksRoster,
	// M opens the note's prompt; the marker itself, on every view, is
	// TestMarkerShowsOnEveryViewAndIsRecorded's.
	"Mark": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if v := h.a.View().Content; !strings.Contains(v, "marker note:") {
			t.Fatalf("%s opened no prompt for a marker's note:\n%s", k, v)
		}
		h.key("esc")
		if v := h.a.View().Content; strings.Contains(v, "marker note:") || len(h.a.c.marksOf("85012345678").All()) != 0 {
			t.Fatalf("esc left the prompt open or dropped a marker:\n%s", v)
		}
	},
	"Copy": func(t *testing.T, h *harness, k string) {
		if out := h.key(k); len(out) != 1 || !strings.Contains(h.a.View().Content, "copied ") {
			t.Fatalf("%s: %d messages, want the clipboard's; view:\n%s", k, len(out), h.a.View().Content)
		}
	},
	"Theme": func(t *testing.T, h *harness, k string) {
		before := h.a.content()
		h.key(k)
		if h.a.theme.Name != "light" || h.a.content() == before {
			t.Fatalf("%s: theme %q, view changed %v; want light and new colours", k, h.a.theme.Name, h.a.content() != before)
		}
		if ansi.Strip(h.a.content()) != ansi.Strip(before) {
			t.Fatalf("%s changed more than colours", k)
		}
	},
	"Redact": func(t *testing.T, h *harness, k string) {
		before, calls := h.a.content(), h.src.callCount()
		h.key(k)
		v := h.a.content()
		for _, gone := range []string{"Alice Chen", "Boston"} {
			if strings.Contains(v, gone) {
				t.Errorf("%s: %q still on screen:\n%s", k, gone, v)
			}
		}
		if !strings.Contains(v, model.Redacted) || !strings.Contains(v, "REDACTED") {
			t.Errorf("%s: the screen does not say it hides names:\n%s", k, v)
		}
		h.key(k)
		if h.a.content() != before || h.src.callCount() != calls {
			t.Fatalf("%s twice: the screen is not as before, or it polled", k)
		}
	},
}

// directAsksRoster: on a watch screen started by `qostop watch`, n, N and
// w ask Zoom who is in the meeting, and say so; they did nothing.
func directAsksRoster(t *testing.T, h *harness, k string) {
	said := false
	for _, msg := range h.key(k) {
		if n, ok := msg.(noticeMsg); ok && strings.Contains(string(n), "asking Zoom who is in the meeting") {
			said = true
		}
	}
	if !said {
		t.Fatalf("%s on a direct watch did not ask for the roster and say so", k)
	}
}

func TestEveryKeyIsTested(t *testing.T) {
	km := reflect.ValueOf(DefaultKeyMap())
	for i := range km.NumField() {
		name := km.Type().Field(i).Name
		if _, ok := keyEffects[name]; !ok {
			t.Errorf("binding %s has no test in keyEffects", name)
		}
	}
}

func TestKeysDoWhatTheHelpSays(t *testing.T) {
	km := reflect.ValueOf(DefaultKeyMap())
	for i := range km.NumField() {
		name := km.Type().Field(i).Name
		b := km.Field(i).Interface().(key.Binding)
		if b.Help().Desc == "" {
			t.Errorf("binding %s has no help text", name)
		}
		for _, k := range b.Keys() {
			t.Run(name+"/"+k, func(t *testing.T) {
				effect, ok := keyEffects[name]
				if !ok {
					t.Skip("no effect listed")
				}
				// ANSI256, so a theme change shows.
				h := newHarness(t, &fakeSource{p: callParticipant(false)}, 120, 40, func(c *Config) { c.Profile = colorprofile.ANSI256 })
				h.start()
				effect(t, h, k)
			})
		}
	}
}
