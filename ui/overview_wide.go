package ui

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/pane"
	"github.com/qostop/qostop/ui/table"
)

// The overview's wide form. From overviewWideAt columns there is room
// for latency, jitter and loss side by side, each the worst medium and
// direction of that reading, an estimated MOS and a half-hour trend of
// the row's worst reading: a triage that needs no m. Narrower, the media
// columns show one reading at a time, as m cycles it.

// overviewWideAt is the width from which the overview is wide: at 140
// the columns below take 132 cells with the worst cell at its widest.
const overviewWideAt = 140

// trendCells is the trend's width: a minute a cell, TrendWindow long.
const trendCells = int(model.TrendWindow / time.Minute)

// overviewWideColumns: the readings are never dropped; the estimate and
// the trend go after Zoom's word and the participant's details.
var overviewWideColumns = []table.Column{
	{Title: "participant", Width: 13, Flex: true, Most: 28},
	{Title: "worst now", Width: 17, Fit: true},
	{Title: "latency ms", Width: 11, Fit: true},
	{Title: "jitter ms", Width: 10, Fit: true, Drop: 1},
	{Title: "loss %", Width: 11, Fit: true, Drop: 1},
	{Title: "est. MOS", Width: 9, Fit: true, Drop: 2},
	{Title: "worst reading, last 30 min", Width: trendCells, Drop: 3},
	{Title: "zoom health", Width: 11, Drop: 4},
	{Title: "network", Width: 8, Drop: 5},
	{Title: "device", Width: 9, Drop: 6},
	{Title: "location", Width: 14, Drop: 7},
}

// wideFields are the fields of the wide form's reading columns.
var wideFields = [...]model.Field{model.LatencyField, model.JitterField, model.AvgLossField}

// wide reports whether the overview shows its wide form.
func (m *overviewModel) wide() bool { return m.c.width >= overviewWideAt }

// columns are the overview's columns at the width.
func (m *overviewModel) columns() []table.Column {
	if m.wide() {
		return slices.Clone(overviewWideColumns)
	}
	return slices.Clone(overviewColumns)
}

// reshape switches the table's columns when the width crosses
// overviewWideAt, and reports whether it did: the rows must be built again.
func (m *overviewModel) reshape() bool {
	if m.wide() == m.isWide {
		return false
	}
	m.isWide = m.wide()
	// The trends cost a refresh more samples read: kept from the first
	// time the overview is wide, so that a resize back and forth keeps
	// them; a resize to wide shows them from the next answer.
	m.roster.Trends = m.roster.Trends || m.isWide
	m.table.SetColumns(m.columns())
	return true
}

// trendGrid is the grid every row's trend is drawn on: a minute a cell,
// ending at the newest sample of anyone, so one minute is one column down
// the table.
func (m *overviewModel) trendGrid() model.Grid {
	return model.NewGrid(model.TrendWindow, m.newest, trendCells)
}

// wideCells appends the wide form's cells of mb to pool: each reading's
// worst stream, the estimated MOS, the trend.
func (m *overviewModel) wideCells(mb *model.Member, ar arrows, pool []table.Cell) []table.Cell {
	for _, f := range wideFields {
		pool = append(pool, m.readingCell(mb, f, ar))
	}
	return append(pool, m.mosCell(mb, ar), m.trendCell(mb))
}

// readingCell is the worst stream of reading f now, medium and direction
// first: "audio ↑412!".
func (m *overviewModel) readingCell(mb *model.Member, f model.Field, ar arrows) table.Cell {
	r, ok := m.c.cfg.Thresholds.WorstOf(mb.Current, f)
	if !ok {
		return table.Cell{Text: "-", Role: theme.RoleMuted}
	}
	text := mediumShort(r.Stream.Media) + " " + ar.of(r.Stream.Dir) +
		cellNum(r.Value.V, f == model.AvgLossField) + strings.TrimSpace(theme.Marker(r.Level))
	if mb.Left() {
		return table.Cell{Text: text, Role: theme.RoleMuted}
	}
	return table.Cell{Text: text, Role: theme.LevelRole(r.Level)}
}

// mosCell is the estimated MOS of audio each way, "↑4.3 ↓3.9", the lower
// of the paths; a direction missing an input is "-", never a score.
func (m *overviewModel) mosCell(mb *model.Member, ar arrows) table.Cell {
	var b strings.Builder
	any := false
	for i, dir := range []model.Direction{model.Send, model.Receive} {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(ar.of(dir))
		v := audioMOS(mb.Current, dir)
		if !v.OK {
			b.WriteByte('-')
			continue
		}
		any = true
		b.WriteString(strconv.FormatFloat(v.V, 'f', 1, 64))
	}
	if !any {
		return table.Cell{Text: "-", Role: theme.RoleMuted}
	}
	if mb.Left() {
		return table.Cell{Text: b.String(), Role: theme.RoleMuted}
	}
	return table.Cell{Text: b.String(), Role: theme.RoleText}
}

// audioMOS is the lowest estimated MOS of s's audio in dir over its paths.
func audioMOS(s model.Sample, dir model.Direction) model.Value {
	var out model.Value
	for _, p := range model.Paths {
		k := model.StreamKey{Media: model.Audio, Dir: dir, Path: p}
		st, ok := s.Streams[k]
		if !ok {
			continue
		}
		if v := k.MOSEstimate(st); v.OK && (!out.OK || v.V < out.V) {
			out = v
		}
	}
	return out
}

// trendCell is the row's worst reading over the last half hour, a minute
// a cell, full height at its critical threshold: the same scale for every
// row of one reading, so heights compare down the column.
func (m *overviewModel) trendCell(mb *model.Member) table.Cell {
	if len(mb.Trend) == 0 {
		return table.Cell{Text: "", Role: theme.RoleMuted}
	}
	g := m.trendGrid()
	m.trendBuf = g.Bucket(m.trendBuf, mb.Trend, mb.Rank.Worst.Metric.Worse())
	ceil := m.c.cfg.Thresholds[mb.Rank.Worst.Metric].Critical
	// The minute they joined in is theirs only in part, and its reading
	// comes with the next minute's sample: empty, it is before the join,
	// not a gap.
	before := g.Before(mb.P.JoinTime.Add(g.Span()))
	return table.Cell{Text: pane.Trend(m.trendBuf, before, ceil, m.c.st.Glyphs()), Role: theme.RoleText}
}

// trendEnd is where the rows' trends end, for the kept rows' signature;
// zero when the overview is not wide and shows no trend.
func (m *overviewModel) trendEnd() time.Time {
	if !m.isWide {
		return time.Time{}
	}
	return m.trendGrid().End()
}

// wideTitles names the wide columns whose content the meeting's end
// switches.
func (m *overviewModel) wideTitles() {
	if m.roster.Over {
		m.table.SetTitle(overviewMediaCol-1, "whole call")
	}
}
