package chart

import (
	"sort"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// cursorCol is the column of the cursor's line on p, by colOf, the
// arithmetic ntcharts places readings by: the line goes through the
// very cell where the reading it names is drawn. -1 when the cursor is
// hidden or out of view.
func (m *Model) cursorCol(p *panel) int {
	if m.cursor.IsZero() || p == nil || m.cursor.Before(m.f.start) || m.cursor.After(m.f.end) {
		return -1
	}
	x := p.colOf(&m.f, m.cursor)
	if x <= p.lc.Origin().X || x >= p.w {
		return -1
	}
	return x
}

// cursorCell is what the cursor's column shows in row y in place of r:
// the line in empty graph cells and over threshold lines, a junction on
// the x axis. Data stays on top, so the reading under the line shows.
func (p *panel) cursorCell(f *frame, y int, r rune, rl role) (rune, role) {
	o := p.lc.Origin()
	switch {
	case y < o.Y && (rl == roleBlank || rl == roleWarn || rl == roleCrit || rl == roleMarker):
		return f.g.cursor, roleCursor
	case y == o.Y && r == f.g.xTick:
		return f.g.cursorTick, roleCursor
	case y == o.Y:
		return f.g.cursorAxis, roleCursor
	}
	return r, rl
}

// cursorTime writes a cursor's time as the titles do: HH:MM, with
// seconds when samples come more often than once a minute, and the day
// in front when the view crosses midnight (start and end in loc).
func cursorTime(t, start, end time.Time, cadence time.Duration, loc *time.Location) string {
	if loc == nil {
		loc = time.Local
	}
	layout := "15:04"
	if cadence < time.Minute {
		layout = "15:04:05"
	}
	if s, e := start.In(loc), end.In(loc); s.YearDay() != e.YearDay() || s.Year() != e.Year() {
		layout = "Mon " + layout
	}
	return t.In(loc).Format(layout)
}

// at is the reading of pts (oldest first) at exactly t: a cursor rests
// on sample times, so anything else is no sample.
func at(pts []model.Point, t time.Time) model.Value {
	i := sort.Search(len(pts), func(i int) bool { return !pts[i].Time.Before(t) })
	if i < len(pts) && pts[i].Time.Equal(t) && finite(pts[i].V) {
		return pts[i].V
	}
	return model.None
}

// reading is what a panel's title says at the cursor, after its line's
// glyph: "┊ 19:32 181 ms *" with the level's marker, or "┊ 19:32 no
// sample" where the stream has no reading then: a missing reading is
// never a 0.
func (m *Model) reading(f *frame, dir model.Direction) []piece {
	st := &m.st
	ps := []piece{
		{"  ", lipgloss.Style{}},
		{string(f.g.cursor) + " " + cursorTime(m.cursor, f.start, f.end, m.cadence, f.loc), st.Cursor},
	}
	ps = append(ps, m.value(dir)...)
	if note := m.markerNote(f); note != "" {
		ps = append(ps, piece{" " + string(f.g.marker) + " " + note, st.Marker})
	}
	return ps
}

// value is the reading at the cursor in the reading's words.
func (m *Model) value(dir model.Direction) []piece {
	st := &m.st
	var ps []piece
	v := at(m.series[dir], m.cursor)
	if !v.OK {
		return append(ps, piece{" no sample", st.Muted})
	}
	ps = append(ps, piece{" " + num(v.V), st.Value}, piece{" " + m.field.Unit(), st.Muted})
	if mt, ok := m.field.Metric(); ok {
		l := m.th.Level(mt, v)
		if mk := strings.TrimSpace(theme.Marker(l)); mk != "" {
			ps = append(ps, piece{" " + mk, m.levelStyle(l)})
		}
	}
	return ps
}

func (m *Model) levelStyle(l model.Level) lipgloss.Style {
	if l == model.Critical {
		return m.st.Critical
	}
	return m.st.Warn
}
