package ui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/poll"
	"github.com/qostop/qostop/ui/table"
)

// crowd is the overview of a meeting of n, each named "Person NN".
func crowdHarness(t *testing.T, n int) *harness {
	t.Helper()
	src := newTableSource()
	var cast []castMember
	for i := range n {
		cast = append(cast, castMember{name: fmt.Sprintf("Person %02d", i), latencyMS: 50, lossPct: 0.1})
	}
	src.setPeople(castOf(cast...))
	src.meetings = liveMeetings()
	h, _ := newTableHarness(t, src, 100, 30, onBridge, func(c *Config) { c.Trail = []string{"Meetings"} })
	return h
}

func cursorName(h *harness) string {
	p, _ := h.overview().selected()
	return p.UserName
}

// tableKeyEffects asserts what each binding of DefaultTableKeyMap does on
// the overview of a 42-person meeting, 24 rows a page; every key of every
// binding is pressed.
var tableKeyEffects = map[string]func(t *testing.T, h *harness, k string){
	"Up": func(t *testing.T, h *harness, k string) {
		h.press("j", "j", k)
		if got := cursorName(h); got != "Person 01" {
			t.Fatalf("%s: cursor on %q, want Person 01", k, got)
		}
	},
	"Down": func(t *testing.T, h *harness, k string) {
		h.press(k)
		if got := cursorName(h); got != "Person 01" {
			t.Fatalf("%s: cursor on %q, want Person 01", k, got)
		}
	},
	"PageDown": func(t *testing.T, h *harness, k string) {
		page := rowsOnScreen(t, h)
		h.press(k)
		if got, want := cursorName(h), fmt.Sprintf("Person %02d", page); got != want {
			t.Fatalf("%s: cursor on %q, want %q", k, got, want)
		}
		if !strings.Contains(h.a.content(), fmt.Sprintf("2-%d of 42", page+1)) {
			t.Fatalf("%s: the header does not say where the view is:\n%s", k, h.a.content())
		}
	},
	"PageUp": func(t *testing.T, h *harness, k string) {
		page := rowsOnScreen(t, h)
		h.press("G", k)
		if got, want := cursorName(h), fmt.Sprintf("Person %02d", 41-page); got != want {
			t.Fatalf("%s: cursor on %q, want %q", k, got, want)
		}
	},
	"Bottom": func(t *testing.T, h *harness, k string) {
		h.press(k)
		if got := cursorName(h); got != "Person 41" {
			t.Fatalf("%s: cursor on %q, want the last", k, got)
		}
	},
	"Top": func(t *testing.T, h *harness, k string) {
		h.press("G", k)
		if got := cursorName(h); got != "Person 00" || h.overview().table.Following() != "" {
			t.Fatalf("%s: cursor on %q (following %q), want the top row, kept", k, got, h.overview().table.Following())
		}
	},
	"Open": func(t *testing.T, h *harness, k string) {
		h.press("j", k)
		if h.a.top().name() != "watch" || !strings.Contains(h.a.content(), "Meetings › Incident bridge › Person 01") {
			t.Fatalf("%s did not open Person 01's watch screen:\n%s", k, h.a.content())
		}
	},
	"Filter": func(t *testing.T, h *harness, k string) {
		h.press(k, "3", "7")
		if len(h.overview().table.Rows()) != 1 || cursorName(h) != "Person 37" {
			t.Fatalf("%s 37: %d rows", k, len(h.overview().table.Rows()))
		}
	},
	"Sort": func(t *testing.T, h *harness, k string) {
		h.press(k)
		if h.overview().order.Column != model.SortName || !strings.Contains(h.a.content(), "sort: name A-Z") {
			t.Fatalf("%s: sorted %s", k, h.overview().order)
		}
	},
}

// rowsOnScreen counts the people the overview shows, read off the
// screen: a page is what the user sees, not what the table says it is.
func rowsOnScreen(t *testing.T, h *harness) int {
	t.Helper()
	n := strings.Count(h.a.content(), "Person ")
	if n < 2 || n >= 42 {
		t.Fatalf("%d people on the screen of 42, want a page of them:\n%s", n, h.a.content())
	}
	return n
}

func TestEveryTableKeyIsTested(t *testing.T) {
	km := reflect.ValueOf(table.DefaultKeyMap())
	for i := range km.NumField() {
		name := km.Type().Field(i).Name
		b := km.Field(i).Interface().(key.Binding)
		if b.Help().Desc == "" {
			t.Errorf("binding %s has no help text", name)
		}
		effect, ok := tableKeyEffects[name]
		if !ok {
			t.Errorf("binding %s has no test in tableKeyEffects", name)
			continue
		}
		for _, k := range b.Keys() {
			t.Run(name+"/"+k, func(t *testing.T) {
				effect(t, crowdHarness(t, 42), k)
			})
		}
	}
}

// TestTableScreensShareWatchKeys: pause, the interval and help work on
// the overview as on the watch screen.
func TestTableScreensShareWatchKeys(t *testing.T) {
	h := crowdHarness(t, 3)
	h.press("p")
	if !h.overview().poll.Paused || !strings.Contains(h.a.content(), "PAUSED") {
		t.Fatalf("p did not pause:\n%s", h.a.content())
	}
	if got := h.send(poll.TickMsg{Gen: h.overview().poll.Gen, Owner: h.overview().poll.Owner}); len(got) != 0 {
		t.Fatalf("a tick while paused: %#v", got)
	}
	h.press("p", "+")
	if h.overview().poll.Interval != 15*time.Second || !strings.Contains(h.a.content(), "every 15s") {
		t.Fatalf("+: interval %s; the status bar must follow:\n%s", h.overview().poll.Interval, h.a.content())
	}
	h.press("?")
	if v := h.a.content(); !strings.Contains(v, "fewer keys") || !strings.Contains(v, "page down") {
		t.Fatalf("? did not show the full help:\n%s", v)
	}
	h.press("esc")
	if h.overview().helpView.ShowAll || h.a.top().name() != "overview" {
		t.Fatal("esc should close the help first, not go back")
	}
	for _, k := range []tea.KeyPressMsg{keyMsg("t"), keyMsg("R")} {
		before := h.a.content()
		h.send(k)
		if k.String() == "R" && (strings.Contains(h.a.content(), "Person 00") || before == h.a.content()) {
			t.Fatalf("R did not hide the names:\n%s", h.a.content())
		}
	}
}
