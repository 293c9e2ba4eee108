package chart

import (
	"slices"
	"strings"
	"time"

	"github.com/NimbleMarkets/ntcharts/v2/canvas"
	"github.com/qostop/qostop/model"
)

// Markers the user dropped (M) are drawn as a dashed vertical line through
// the graph's empty cells, the data staying on top, and a glyph on the x
// axis; the cursor's readout names the marker it rests on.

// markerLead is how far past the view's end a marker still sits at its
// last column: the live view ends at the newest sample, which Zoom
// publishes a minute or two late, so a marker dropped now is newer than
// every sample until its minute comes. (The watch screen's axis does the
// same.)
const markerLead = 5 * time.Minute

// SetMarkers gives the meeting's markers, oldest first. The chart keeps
// the slice until the next call and never changes it.
func (m *Model) SetMarkers(ms []model.Marker) {
	if !slices.Equal(m.markers, ms) {
		m.markers, m.fresh = ms, false
	}
}

// markerTime is where a marker at t is drawn in f's view: its own time,
// or, in a live view (one that ends at the newest sample), the end for
// one a little newer than every sample.
func markerTime(t time.Time, f *frame) (time.Time, bool) {
	switch {
	case t.Before(f.start):
		return time.Time{}, false
	case !t.After(f.end):
		return t, true
	case f.live && t.Sub(f.end) <= markerLead:
		return f.end, true
	}
	return time.Time{}, false
}

// markerMarks draws each marker in view: its line in the graph's empty
// cells, its glyph on the x axis.
func (p *panel) markerMarks(f *frame) {
	c := &p.lc.Canvas
	o := p.lc.Origin()
	for _, mk := range f.markers {
		t, ok := markerTime(mk.At, f)
		if !ok {
			continue
		}
		x := p.colOf(f, t)
		if x <= o.X || x >= p.w {
			continue
		}
		for y := range o.Y {
			if pt := (canvas.Point{X: x, Y: y}); c.Cell(pt).Rune == 0 || c.Cell(pt).Rune == ' ' {
				c.SetCell(pt, canvas.NewCell(f.g.markerLine))
			}
		}
		c.SetCell(canvas.Point{X: x, Y: o.Y}, canvas.NewCell(f.g.marker))
	}
}

// isMarker reports whether rune r at x, y is a marker's: its glyph on
// the x axis or its line in the graph (markerMarks).
func (p *panel) isMarker(f *frame, x, y int, r rune) bool {
	o := p.lc.Origin()
	if x <= o.X {
		return false
	}
	return (r == f.g.marker && y == o.Y) || (r == f.g.markerLine && y < o.Y)
}

// live reports whether the view ends at or after the newest reading of
// any direction: where a marker newer than every sample is drawn.
func (m *Model) live() bool {
	for _, pts := range m.series {
		if n := len(pts); n > 0 && pts[n-1].Time.After(m.end) {
			return false
		}
	}
	return true
}

// markerNote is the note of the marker the cursor reads: the nearest
// within half a cadence of it, or, with the cursor on the view's newest
// sample, one dropped after it (drawn there, markerTime). "" when none.
func (m *Model) markerNote(f *frame) string {
	best, note := time.Duration(-1), ""
	for _, mk := range m.markers {
		d := mk.At.Sub(m.cursor)
		if d < 0 {
			d = -d
		}
		near := 2*d <= m.cadence ||
			(mk.At.After(m.cursor) && !m.cursor.Before(f.end) && f.live && mk.At.Sub(f.end) <= markerLead)
		if near && (best < 0 || d < best) {
			best, note = d, mk.Note
		}
	}
	return strings.TrimSpace(note)
}
