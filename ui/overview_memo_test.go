package ui

import (
	"strings"
	"testing"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/table"
)

// A refresh rebuilds only the rows whose member changed, and the changed
// reading is what the screen then shows; a kept row is the same cells,
// not a copy.
func TestOverviewRebuildsOnlyChangedRows(t *testing.T) {
	src := newTableSource()
	src.setPeople(crowd(3, 0))
	h, next := newTableHarness(t, src, 120, 40, onBridge, func(c *Config) { c.Fixed = true })
	cellsOf := func() map[string]*table.Cell {
		out := map[string]*table.Cell{}
		for _, r := range h.overview().table.Rows() {
			out[r.Key] = &r.Cells[0]
		}
		return out
	}
	before := cellsOf()
	ps := crowd(3, 0)
	send := model.StreamKey{Media: model.Audio, Dir: model.Send}
	for i := range ps[1].Samples {
		st := ps[1].Samples[i].Streams[send]
		st.LatencyMS = model.Some(290)
		ps[1].Samples[i].Streams[send] = st
	}
	src.setPeople(ps)
	built := h.overview().rebuilt
	h.pollOverview(next)
	after := cellsOf()
	for i, p := range ps {
		if kept := before[p.UserID] == after[p.UserID]; kept != (i != 1) {
			t.Errorf("%s: row kept %v, want kept only if unchanged", p.UserName, kept)
		}
	}
	if n := h.overview().rebuilt - built; n != 1 {
		t.Errorf("a refresh with one change rebuilt %d rows, want 1", n)
	}
	if v := h.a.content(); !strings.Contains(v, "lat 290ms") {
		t.Errorf("the changed reading does not show:\n%s", v)
	}
}

// What every row shows alike (names under R, the media columns under m)
// rebuilds every row: no kept row shows the old way.
func TestOverviewMemoFollowsRedactAndShown(t *testing.T) {
	src := newTableSource()
	src.setPeople(crowd(3, 0))
	h, _ := newTableHarness(t, src, 120, 40, onBridge, func(c *Config) { c.Fixed = true })
	for _, k := range []string{"R", "m"} {
		built := h.overview().rebuilt
		h.press(k)
		if n := h.overview().rebuilt - built; n < 3 {
			t.Errorf("after %s, %d of 3 rows rebuilt", k, n)
		}
	}
	v := h.a.content()
	if strings.Contains(v, "Person 001") || !strings.Contains(v, "participant 2") {
		t.Errorf("under R a kept row still shows a name:\n%s", v)
	}
	h.press("R")
	if v := h.a.content(); !strings.Contains(v, "Person 001") {
		t.Errorf("R again does not bring the names back:\n%s", v)
	}
}
