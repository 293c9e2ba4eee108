package chart

import (
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/qostop/qostop/model"
)

// Model is the chart of one field of one medium: a send panel above a
// receive panel, on one scale and one time axis, so a reader compares
// the directions at a glance and without colour. A direction given no
// points gets no panel.
//
// The rendered string is cached: every setter that changes what is drawn
// marks it stale, and View rebuilds only then. Use it through a pointer.
type Model struct {
	field         model.Field
	th            model.Thresholds
	st            Styles
	ascii         bool
	loc           *time.Location
	cadence       time.Duration
	width, height int
	start, end    time.Time
	series        [2][]model.Point // by model.Direction
	panels        [2]*panel
	cursor        time.Time      // the time the cursor reads; zero when it is hidden
	minLabelW     int            // the y labels' least width (SetLabelWidth)
	joined, left  time.Time      // the participant's join and leave; zero when unknown or not yet
	markers       []model.Marker // the meeting's (M), oldest first (markers.go)

	// The canvases are drawn when fresh goes false, and the string is
	// written from them when written does: moving the cursor only
	// rewrites, so it costs no ntcharts drawing.
	f       frame  // the drawn canvases' frame
	why     string // why there are no panels ("chart needs more room"), or ""
	cache   string
	fresh   bool
	written bool
}

// New returns a chart of field f with the default thresholds, plain
// styles, local time and Zoom's cadence; give it a size, a view and data.
func New(f model.Field) *Model {
	return &Model{field: f, th: model.DefaultThresholds(), loc: time.Local, cadence: model.ZoomCadence}
}

// Field is the field the chart draws.
func (m *Model) Field() model.Field { return m.field }

// SetSize sets the chart's size in cells; View is exactly this size.
func (m *Model) SetSize(width, height int) {
	if m.width != width || m.height != height {
		m.width, m.height, m.fresh = width, height, false
	}
}

// SetStyles always redraws: styles cannot be compared, so call it when
// the theme changes.
func (m *Model) SetStyles(st Styles) { m.st, m.fresh = st, false }

// SetASCII draws with printable ASCII only instead of braille and box
// drawing.
func (m *Model) SetASCII(on bool) {
	if m.ascii != on {
		m.ascii, m.fresh = on, false
	}
}

// SetLocation sets the zone of the time labels (time.UTC for --utc).
func (m *Model) SetLocation(loc *time.Location) {
	if loc == nil {
		loc = time.Local
	}
	if m.loc != loc {
		m.loc, m.fresh = loc, false
	}
}

// SetThresholds sets the warn and critical lines (and the scale's floor).
func (m *Model) SetThresholds(th model.Thresholds) {
	if m.th != th {
		m.th, m.fresh = th, false
	}
}

// SetCadence sets how often samples come; readings further apart than
// one and a half cadences are not joined: the chart shows a gap.
func (m *Model) SetCadence(d time.Duration) {
	if d <= 0 {
		d = model.ZoomCadence
	}
	if m.cadence != d {
		m.cadence, m.fresh = d, false
	}
}

// SetView sets the time the chart shows (see Window.Range).
func (m *Model) SetView(start, end time.Time) {
	if !m.start.Equal(start) || !m.end.Equal(end) {
		m.start, m.end, m.fresh = start, end, false
	}
}

// SetData gives the readings of each direction, oldest first (as
// model.Series extracts them); nil means the stream had no traffic and
// gets no panel. It always redraws: call it when the history changes.
// The chart keeps the slices until the next SetData and never changes
// them.
func (m *Model) SetData(send, receive []model.Point) {
	m.series[model.Send], m.series[model.Receive] = send, receive
	m.fresh = false
}

// SetCall marks on the x axis when the participant joined and left
// (zero when unknown, or not yet).
func (m *Model) SetCall(joined, left time.Time) {
	if !m.joined.Equal(joined) || !m.left.Equal(left) {
		m.joined, m.left, m.fresh = joined, left, false
	}
}

// LabelWidth is the width its y labels need at its size, view and data:
// a screen stacking charts gives all of them the widest (SetLabelWidth),
// so their plots start at one x and a time sits in one column in all.
func (m *Model) LabelWidth() int {
	if len(m.dirs()) == 0 || m.height <= 0 {
		return 0
	}
	f := m.frame()
	return f.labelW
}

// SetLabelWidth makes the y labels at least w wide (see LabelWidth).
func (m *Model) SetLabelWidth(w int) {
	if m.minLabelW != w {
		m.minLabelW, m.fresh = w, false
	}
}

// MinHeight is the fewest rows a chart of n panels can be drawn in: per
// panel a title, two rows of graph, the x axis and its labels.
func MinHeight(n int) int { return max(n, 1) * panelMinRows }

const (
	panelMinRows = 5
	minWidth     = 20
)

// SetCursor shows a cursor at time t on every panel: a vertical line at
// t's column and, in each title, the time and that panel's reading then.
// The zero time hides it. Moving it redraws nothing but the text.
func (m *Model) SetCursor(t time.Time) {
	if !m.cursor.Equal(t) {
		m.cursor, m.written = t, false
	}
}

// View returns the chart, exactly the size set, rebuilt only when
// something it shows has changed.
func (m *Model) View() string {
	if !m.fresh {
		m.draw()
		m.fresh, m.written = true, false
	}
	if !m.written {
		m.cache, m.written = m.write(), true
	}
	return m.cache
}

// dirs are the directions that get a panel, send first.
func (m *Model) dirs() []model.Direction {
	var d []model.Direction
	for _, dir := range []model.Direction{model.Send, model.Receive} {
		if m.series[dir] != nil {
			d = append(d, dir)
		}
	}
	if m.height > 0 && m.height < MinHeight(len(d)) {
		// A small terminal (a tmux split of 12 rows) gets the panels that
		// fit, send first, rather than none.
		d = d[:min(len(d), max(1, m.height/panelMinRows))]
	}
	return d
}

// draw brings every panel's canvas up to date with the data and the
// view, or says in why that there is nothing to draw.
func (m *Model) draw() {
	w, h := m.width, m.height
	dirs := m.dirs()
	m.why = ""
	switch {
	case w <= 0 || h <= 0:
		return
	case len(dirs) == 0:
		m.why = "no " + m.field.String() + " readings"
	case !m.end.After(m.start.Add(time.Second)):
		m.why = "no time in view"
	case w < minWidth || h < MinHeight(len(dirs)):
		m.why = "chart needs more room"
	}
	if m.why != "" {
		return
	}
	m.f = m.frame()
	m.f.labelW = max(m.f.labelW, m.minLabelW)
	rows := h - len(dirs) // one title row each
	for i, dir := range dirs {
		ch := rows / len(dirs)
		if i == len(dirs)-1 {
			ch = rows - ch*(len(dirs)-1)
		}
		p := m.panels[dir]
		if p == nil || p.w != w || p.h != ch {
			p = newPanel(w, ch)
			m.panels[dir] = p
		}
		p.draw(&m.f, m.series[dir])
	}
}

// write is the chart as text: each panel's title over its canvas, with
// the cursor drawn in as the cells are written.
func (m *Model) write() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	var b strings.Builder
	if m.why != "" {
		return note(&b, m.st, m.why, w, h)
	}
	b.Grow(w * h * 4)
	for i, dir := range m.dirs() {
		p := m.panels[dir]
		k := newInks(m.st, m.lineStyle(dir))
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(m.title(&m.f, dir, w))
		b.WriteByte('\n')
		p.view(&b, &m.f, &k, m.cursorCol(p))
	}
	return b.String()
}

func (m *Model) lineStyle(d model.Direction) lipgloss.Style {
	if d == model.Receive {
		return m.st.Receive
	}
	return m.st.Send
}
