package ui

import (
	"slices"
	"strings"
	"time"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/pane"
)

// The watch screen's time grid: one model.Grid for every sparkline on
// screen (the window ÷ the sparklines' width, from the join: see
// model.AnchoredGrid), one label width so they all start at one x, and a time axis
// under the panes on the same grid.

// feedPanes gives the panes the window after a change of history or
// window. A new sample at the end is folded in (pane.Append): reading the
// whole window again for each of the three panes was most of what a new
// sample cost. Anything else (a replaced or late sample, a new stream, a
// new window) reads the window again.
func (m *watchModel) feedPanes() {
	v := m.hist.Version()
	if v == m.dataVersion {
		return
	}
	if hs := m.hist.Samples(); len(hs) > 0 && (m.firstSample.IsZero() || hs[0].Time.Before(m.firstSample)) {
		m.firstSample = hs[0].Time
	}
	latest, ok := m.hist.Latest()
	win := m.window()
	m.fedSpan = m.span()
	appended := m.dataVersion != 0 && ok && m.hist.Rewrites() == m.rewrites && !m.fedUpTo.IsZero()
	m.dataVersion, m.rewrites = v, m.hist.Rewrites()
	if appended {
		fresh := m.hist.Since(m.fedUpTo.Add(time.Nanosecond))
		g := m.geo
		g.Grid = m.gridOf(m.span(), latest.Time, g.Grid.Width())
		for i := range m.panes {
			appended = appended && m.panes[i].Append(win, fresh, g)
		}
		if appended {
			m.geo, m.fedUpTo = g, latest.Time
			return
		}
	}
	for i := range m.panes {
		m.panes[i].SetData(win)
	}
	m.fedUpTo = latest.Time
}

// gridOf is the sparklines' grid of width columns over span, anchored at
// the start of the call (model.AnchoredGrid), holding newest.
func (m *watchModel) gridOf(span time.Duration, newest time.Time, width int) model.Grid {
	since, _ := m.callSpan()
	return model.AnchoredGrid(span, since, newest, width)
}

// layoutPanes is the layout with sparkline rows as tall as the rows to
// spare allow: each pane in turn (audio first) gets three, else two lines
// a metric where that keeps every pane in full and a few rows of event
// log, so at 200x60 the rows that would stand empty go to the bars.
func (m *watchModel) layoutPanes(in layoutIn) layout {
	lines := [3]int{1, 1, 1}
	try := func() (layout, bool) {
		for i := range m.panes {
			// A copy measures without touching the original's cache.
			p := m.panes[i]
			p.SetSize(m.c.width, 1)
			p.SetRowLines(lines[i])
			in.full[i], in.compact[i] = p.MinHeight(false), p.MinHeight(true)
		}
		l := computeLayout(in)
		return l, l.panes == in.full && l.events >= minEventRows
	}
	l, _ := try()
	for i := range m.panes {
		for _, n := range []int{3, 2} {
			lines[i] = n
			if tl, ok := try(); ok {
				l = tl
				break
			}
			lines[i] = 1
		}
	}
	if lines != [3]int{1, 1, 1} {
		l, _ = try()
	}
	for i := range m.panes {
		m.panes[i].SetRowLines(lines[i])
	}
	return l
}

// minEventRows is the event log that taller sparkline rows leave.
const minEventRows = 5

// setGeometry puts every pane on one grid: as wide as the narrowest
// pane's room, after the widest label and before the widest value.
func (m *watchModel) setGeometry() {
	label, value := 0, 0
	for i := range m.panes {
		if m.lay.panes[i] > 0 {
			label = max(label, m.panes[i].LabelWidth())
			value = max(value, m.panes[i].ValueWidth())
		}
	}
	room := m.sparkRoom(label, value)
	span := m.spanFor(room)
	g := pane.Geometry{Grid: m.gridOf(span, m.fedUpTo, room), Label: label, Value: value,
		Cadence: m.feed.Cadence(), Joined: m.feed.Who().JoinTime}
	m.geo = g
	if span != m.fedSpan {
		// The width can set the window (a long call's): the panes hold
		// the samples of the window the old width gave.
		m.dataVersion = 0
		m.feedPanes()
	}
	for i := range m.panes {
		m.panes[i].SetGeometry(g)
	}
}

// sparkRoom is the sparklines' width: the least room of the panes on
// screen, where compact panes (a short pane among full ones) give up
// readings for it rather than narrow the full rows' sparklines.
func (m *watchModel) sparkRoom(label, value int) int {
	full, compact, most, all := 0, 0, 0, 0
	least := func(a, b int) int {
		if a == 0 || b < a {
			return b
		}
		return a
	}
	for i := range m.panes {
		p := &m.panes[i]
		if m.lay.panes[i] <= 0 {
			continue
		}
		all = least(all, p.SparkRoom(label, value))
		switch {
		case p.Compact():
			compact = least(compact, p.SparkRoom(label, value))
			most = least(most, p.MaxSparkRoom(label, value))
		case p.Full():
			full = least(full, p.SparkRoom(label, value))
		}
	}
	if full > 0 && compact > 0 {
		return max(min(full, most), 1)
	}
	return max(all, 1)
}

// gridWidth is the sparklines' width in columns, which the window of a
// long call fills at about one sample a column; before the first layout,
// a guess.
func (m *watchModel) gridWidth() int {
	if w := m.geo.Grid.Width(); w > 1 {
		return w
	}
	return max(m.c.width/2, 1)
}

// axisSteps are the spacings of the time axis's marks.
var axisSteps = []time.Duration{
	10 * time.Second, 15 * time.Second, 30 * time.Second, time.Minute, 2 * time.Minute, 5 * time.Minute,
	10 * time.Minute, 15 * time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour,
}

// axisMarks are what the time axis says besides round times: when the
// participant joined and left (zero when unknown or not yet), and the
// window ("window 21m"), which it says at every width.
type axisMarks struct {
	joined, left time.Time
	window       string
	markers      []model.Marker // the meeting's (M), each a glyph at its column
}

// markerLead is how far past the grid's end a marker still sits at its
// last column: the grid ends at the newest sample, and Zoom publishes a
// minute a minute or two late, so a marker dropped now is newer than
// every sample until its minute comes.
const markerLead = 5 * time.Minute

// markerColumn is the column of a marker at t on g: its own, or the last
// for one at most markerLead newer than the grid.
func markerColumn(g model.Grid, t time.Time) (int, bool) {
	if c, ok := g.Column(t); ok {
		return c, true
	}
	if t.After(g.End()) && t.Sub(g.End()) <= markerLead && g.Width() > 0 {
		return g.Width() - 1, true
	}
	return 0, false
}

// renderAxis is the time axis under the panes: HH:MM (HH:MM:SS for a
// window of minutes) at the column each round local time falls in, the
// day's name at midnight, the start of the window first, on the x the
// sparklines start at; the join and the leave where they fall, marked
// (theme.Glyphs.Joined and Left) and before any round time; the window
// at the right.
func renderAxis(geo pane.Geometry, width int, loc *time.Location, st theme.Styles, marks axisMarks) string {
	g := geo.Grid
	x0 := 1 + geo.Label + 1 // border, label, space
	if g.Width() < 1 || x0 >= width {
		return ""
	}
	layout := "15:04"
	if g.Span()*time.Duration(g.Width()) < 10*time.Minute {
		layout = "15:04:05"
	}
	a := newAxisLine(width)
	if w := len(marks.window); w > 0 && w+2 <= width-x0 {
		copy(a.line[width-w:], []rune(marks.window))
		a.end = width - w - 2
	}
	gl := st.Glyphs()
	// Markers first, one cell each, so no label hides one.
	var at []int
	for _, mk := range marks.markers {
		if c, ok := markerColumn(g, mk.At); ok && x0+c < a.end {
			a.line[x0+c], a.taken[x0+c] = []rune(gl.Marker)[0], true
			at = append(at, x0+c)
		}
	}
	for _, mk := range []struct {
		t     time.Time
		glyph string
	}{{marks.joined, gl.Joined}, {marks.left, gl.Left}} {
		if c, ok := g.Column(mk.t); ok && !mk.t.IsZero() {
			a.put(x0+c, mk.glyph+mk.t.In(loc).Format(layout))
		}
	}
	// A label starts at its column and may run on past the grid.
	a.put(x0, model.TickLabel(g.ColumnStart(0), layout, loc))
	step := axisStep(g, len(layout))
	for t := model.FirstTick(g.Start(), step, loc); t.Before(g.End()); t = t.Add(step) {
		if c, ok := g.Column(t); ok {
			a.put(x0+c, model.TickLabel(t, layout, loc))
		}
	}
	return a.render(at, st)
}

// render is the line in muted text, the cells at marks (markers) in the
// accent colour.
func (a *axisLine) render(marks []int, st theme.Styles) string {
	line := []rune(strings.TrimRight(string(a.line), " "))
	if len(marks) == 0 {
		return st.Muted.Render(string(line))
	}
	slices.Sort(marks)
	var b strings.Builder
	from := 0
	for _, x := range marks {
		if x < from || x >= len(line) {
			continue
		}
		if x > from {
			b.WriteString(st.Muted.Render(string(line[from:x])))
		}
		b.WriteString(st.Accent.Render(string(line[x])))
		from = x + 1
	}
	if from < len(line) {
		b.WriteString(st.Muted.Render(string(line[from:])))
	}
	return b.String()
}

// axisStep is the spacing of round times on g: the shortest of
// axisSteps that leaves a label of lw cells and some room between marks.
func axisStep(g model.Grid, lw int) time.Duration {
	for _, s := range axisSteps {
		if int(s/g.Span()) >= lw+3 {
			return s
		}
	}
	return axisSteps[len(axisSteps)-1]
}

// axisLine is a time axis being written: labels go where they keep two
// cells from every other and end before end.
type axisLine struct {
	line  []rune
	taken []bool
	end   int
}

func newAxisLine(width int) *axisLine {
	return &axisLine{line: []rune(strings.Repeat(" ", width)), taken: make([]bool, width+2), end: width}
}

// put writes text at x if it fits there, and reports whether it did.
func (a *axisLine) put(x int, text string) bool {
	r := []rune(text)
	if x < 0 || x+len(r) > a.end {
		return false
	}
	for i := max(x-2, 0); i <= min(x+len(r)+1, len(a.taken)-1); i++ {
		if a.taken[i] {
			return false
		}
	}
	copy(a.line[x:], r)
	for i := x; i < x+len(r); i++ {
		a.taken[i] = true
	}
	return true
}
