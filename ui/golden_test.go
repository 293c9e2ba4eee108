package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/model"
)

// Golden screens of the watch screen. They use the Ascii colour profile
// (no escape sequences) and a fixed clock, so each file is exactly what a
// person would see, minus colour. Regenerate with
//
//	go test ./ui -run TestGolden -update
//
// and read the diff: every file must look right at its size.

var goldenSizes = [][2]int{{80, 24}, {120, 40}, {200, 60}}

// noTrafficParticipant has the camera off (no video sent) and shares
// nothing: the panes must say so rather than draw zeros.
func noTrafficParticipant() model.Participant {
	p := callParticipant(false)
	for _, s := range p.Samples {
		delete(s.Streams, model.StreamKey{Media: model.Video, Dir: model.Send})
	}
	return p
}

func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		p    model.Participant
		opts []harnessOpt
	}{
		{name: "normal", p: callParticipant(true)},
		{name: "notraffic", p: noTrafficParticipant()},
		{name: "ascii", p: callParticipant(true), opts: []harnessOpt{func(c *Config) { c.ASCII = true }}},
		{name: "error", p: callParticipant(true)},
	}
	for _, tc := range cases {
		for _, sz := range goldenSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", tc.name, sz[0], sz[1]), func(t *testing.T) {
				src := &fakeSource{p: tc.p}
				h := newHarness(t, src, sz[0], sz[1], tc.opts...)
				next := h.start()
				if tc.name == "error" {
					src.set(model.Participant{}, serverError())
					h.poll(next)
					h.tick(time.Second)
				}
				requireScreen(t, h.a.content(), sz[0], sz[1])
			})
		}
	}
	// Before any data the panes give way to one box: the wait, or the
	// error in full when the first answer failed.
	t.Run("loading_80x24", func(t *testing.T) {
		h := newHarness(t, &fakeSource{}, 80, 24)
		requireScreen(t, h.a.content(), 80, 24)
	})
	t.Run("fatal_80x24", func(t *testing.T) {
		h := newHarness(t, &fakeSource{err: notFoundError()}, 80, 24)
		h.start()
		requireScreen(t, h.a.content(), 80, 24)
	})
	// Below 40x10 a refusal that fits; from there to 60x16 the compact
	// panes that fit whole.
	t.Run("toosmall_39x9", func(t *testing.T) {
		h := newHarness(t, &fakeSource{p: callParticipant(true)}, 39, 9)
		h.start()
		golden.RequireEqual(t, h.a.content())
	})
	for _, sz := range [][2]int{{40, 10}, {50, 12}} {
		t.Run(fmt.Sprintf("reduced_%dx%d", sz[0], sz[1]), func(t *testing.T) {
			h := newHarness(t, &fakeSource{p: callParticipant(true)}, sz[0], sz[1])
			h.start()
			requireScreen(t, h.a.content(), sz[0], sz[1])
		})
	}
}

// TestGoldenSimulator draws what the real client gets from the simulator
// over HTTP and OAuth: the demo participant whose call degrades.
func TestGoldenSimulator(t *testing.T) {
	now := time.Date(2026, 11, 25, 19, 42, 38, 0, time.UTC)
	clock := func() time.Time { return now }
	zoom := simtest.Start(t, sim.Options{Seed: 1, Now: clock})
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			client := zoom.Client(t) // a fresh one, so the request count is this run's
			h := newHarness(t, nil, sz[0], sz[1], func(c *Config) {
				c.Source, c.Now = client, clock
				c.MeetingID, c.ParticipantID, c.Topic = sim.DemoMeetingID, sim.DemoParticipantID, ""
			})
			h.start()
			if h.watch().hist.Len() == 0 {
				t.Fatalf("no samples from the simulator:\n%s", h.a.content())
			}
			requireScreen(t, h.a.content(), sz[0], sz[1])
		})
	}
}

// requireScreen checks the view fills width x height exactly and matches
// its golden file.
func requireScreen(t *testing.T, view string, width, height int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != height {
		t.Errorf("view has %d lines, want %d", len(lines), height)
	}
	for i, l := range lines {
		if w := len([]rune(l)); w > width {
			t.Errorf("line %d is %d wide, more than %d: %q", i, w, width, l)
		}
	}
	golden.RequireEqual(t, view)
}
