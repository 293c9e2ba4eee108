package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// Golden screens of the meeting list and the overview, drawn from the
// simulator through the real client at a fixed clock, in the Ascii
// colour profile. Regenerate with
//
//	go test ./ui -run TestGoldenTables -update
//
// and read every file.
func TestGoldenTables(t *testing.T) {
	now := time.Date(2026, 11, 25, 19, 42, 38, 0, time.UTC)
	clock := func() time.Time { return now }
	zoom := simtest.Start(t, sim.Options{Seed: 1, Now: clock})
	at := func(c *Config) { c.Now = clock }
	cases := []struct {
		name  string
		sizes [][2]int
		opts  []harnessOpt
		keys  []string
	}{
		{name: "list", sizes: [][2]int{{80, 24}, {120, 40}}},
		// Opened from the list: breadcrumbs, the worst first, the reason on every row.
		// From 140 columns the wide form: latency, jitter and loss side by
		// side, an estimated MOS and a trend.
		{name: "overview", sizes: [][2]int{{80, 24}, {120, 40}, {60, 16}, {140, 30}, {200, 60}}, keys: []string{"enter"}},
		// A corner and a tmux split: reduced, not refused.
		{name: "small", sizes: [][2]int{{40, 10}, {100, 12}}, keys: []string{"enter"}},
		// 42 people: the table scrolls and says where it is.
		// (The last row is the live webinar; the all-hands is above it.)
		{name: "allhands", sizes: [][2]int{{80, 24}}, keys: []string{"G", "k", "enter", "G"}},
		{name: "filter", sizes: [][2]int{{80, 24}}, keys: []string{"enter", "/", "a", "l"}},
		{name: "full_help", sizes: [][2]int{{80, 24}}, keys: []string{"enter", "?"}},
		// The third keystroke lands on Alice's panes.
		{name: "watch", sizes: [][2]int{{80, 24}}, keys: []string{"enter", "enter"}},
		// l: every event whole, newest first, in the panes' place.
		{name: "eventlog", sizes: [][2]int{{80, 24}}, keys: []string{"enter", "enter", "l"}},
		{name: "ended", sizes: [][2]int{{80, 24}}, opts: []harnessOpt{func(c *Config) { c.MeetingID = sim.EndedMeetingID }}},
	}
	for _, tc := range cases {
		for _, sz := range tc.sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", tc.name, sz[0], sz[1]), func(t *testing.T) {
				h, _ := newTableHarness(t, zoom.Client(t), sz[0], sz[1], append([]harnessOpt{at}, tc.opts...)...)
				h.press(tc.keys...)
				requireScreen(t, h.a.content(), sz[0], sz[1])
			})
		}
	}
}
