package ui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/model"
)

// keeper records what the app asks to keep, as the state file would.
type keeper struct {
	kept []model.Choices
	err  error
}

func (k *keeper) keep(c model.Choices) error {
	k.kept = append(k.kept, c)
	return k.err
}

func (k *keeper) last() model.Choices {
	if len(k.kept) == 0 {
		return model.Choices{}
	}
	return k.kept[len(k.kept)-1]
}

// What t, ] and s choose is kept, and the next run starts with it: the
// overview in the order chosen, the watch screen at the window chosen.
func TestChoicesAreKeptAndRestored(t *testing.T) {
	zoom := simtest.Start(t, sim.Options{Seed: 1})
	k := &keeper{}
	remember := func(c *Config) { c.Remember = k.keep }
	h, _ := newTableHarness(t, zoom.Client(t), 120, 40, remember, func(c *Config) { c.MeetingID = sim.DemoMeetingID })
	h.press("s") // name A-Z
	if got := k.last().Sort; got.Column != model.SortName {
		t.Fatalf("after s, kept %+v; want the name column", got)
	}
	h.send(tea.ColorProfileMsg{Profile: colorprofile.ANSI256}) // t cycles only with colours
	h.press("t")
	if k.last().Theme != "light" || k.last().Sort.Column != model.SortName {
		t.Errorf("after t, kept %+v; want light, and the sort still", k.last())
	}
	n := len(k.kept)
	h.press("enter") // watch the first participant (Alice, by name)
	h.press("]")
	if len(k.kept) != n+1 || k.last().Window == 0 {
		t.Fatalf("after ], kept %+v", k.kept)
	}
	window := k.last().Window

	// The next run.
	h2, _ := newTableHarness(t, zoom.Client(t), 120, 40, remember, func(c *Config) {
		c.MeetingID, c.Choices = sim.DemoMeetingID, k.last()
	})
	if v := h2.a.View().Content; !strings.Contains(v, "sort: name A-Z") {
		t.Errorf("the overview did not start in the order kept:\n%s", v)
	}
	h2.press("enter")
	if got := h2.watch().span(); got != window {
		t.Errorf("the watch screen starts at %v, want the window kept, %v", got, window)
	}
}

// Without a keeper (--no-state) nothing is asked to be kept; a keeper
// that fails is said once on the help line, and the screen goes on.
func TestChoicesNotKept(t *testing.T) {
	zoom := simtest.Start(t, sim.Options{Seed: 1})
	h, _ := newTableHarness(t, zoom.Client(t), 120, 40, func(c *Config) { c.MeetingID = sim.DemoMeetingID })
	if msgs := h.press("s"); len(msgs) != 0 {
		t.Errorf("with no keeper, s yields %v", msgs)
	}
	k := &keeper{err: errors.New("state file locked by another process")}
	h, _ = newTableHarness(t, zoom.Client(t), 120, 40, func(c *Config) { c.MeetingID, c.Remember = sim.DemoMeetingID, k.keep })
	for _, msg := range h.press("s") {
		if f, ok := msg.(rememberFailedMsg); ok {
			h.send(f)
		}
	}
	if v := h.a.View().Content; !strings.Contains(v, "choices not kept: state file locked") || !strings.Contains(v, "sort: name A-Z") {
		t.Errorf("a failed keep is not said, or the sort was lost:\n%s", v)
	}
}
