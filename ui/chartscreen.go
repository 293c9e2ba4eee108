package ui

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/chart"
)

// chartScreen is one medium of the watched participant as full-width
// line charts (ui/chart), one per metric, stacked as many as fit and
// stepped through with up and down. Its Window is live (the right edge is
// the newest sample) until ← scrolls back; then new samples are counted,
// not shown, until end goes live again.
//
// It reads the watch screen's history and never fetches: the watch
// screen keeps polling under it and hands it each change.
type chartScreen struct {
	media   model.Media
	fields  []model.Field
	charts  []*chart.Model
	dirty   []bool // the chart's points are out of date with the view or data
	first   int    // the topmost chart on screen
	win     chart.Window
	ascii   bool
	loc     *time.Location
	cadence time.Duration
	width   int
	height  int

	samples []model.Sample // the history, oldest first (shared, read only)
	keys    [2]model.StreamKey
	has     [2]bool   // the direction has a stream in the history
	newest  time.Time // the live edge: the newest sample, not the clock
}

// chartFields are the charts of a medium: audio has no frame rate.
func chartFields(md model.Media) []model.Field {
	if md == model.Audio {
		return []model.Field{model.LatencyField, model.JitterField, model.AvgLossField, model.MaxLossField, model.BitrateField}
	}
	return model.Fields
}

// chartMinRows is the least height a panel gets when charts are stacked:
// a title, nine rows of graph and the x axis with its labels. Five rows
// still show a trend, but a threshold then shares its row with the next
// round label (300 ms drawn on the 250 row of a 0-500 scale): fewer,
// taller charts read true. One chart always shows, however small.
const chartMinRows = 12

func newChartScreen(md model.Media, span time.Duration, th model.Thresholds, st theme.Styles, loc *time.Location) *chartScreen {
	c := &chartScreen{media: md, fields: chartFields(md), win: chart.NewWindow(span), loc: loc, ascii: st.ASCII()}
	for _, f := range c.fields {
		ch := chart.New(f)
		ch.SetThresholds(th)
		ch.SetASCII(c.ascii)
		ch.SetLocation(loc)
		c.charts = append(c.charts, ch)
		c.dirty = append(c.dirty, true)
	}
	c.setStyles(st)
	return c
}

// chartStyles maps the theme's roles onto a chart's. Send and receive
// differ in colour here, but each has its own panel and title, so
// neither needs it.
func chartStyles(st theme.Styles) chart.Styles {
	return chart.Styles{
		Title: st.Title, Value: st.Text, Muted: st.Muted, Axis: st.Muted, Label: st.Muted,
		Send: st.Accent, Receive: st.Text, Warn: st.Level(model.Warn), Critical: st.Level(model.Critical),
	}
}

func (c *chartScreen) setStyles(st theme.Styles) {
	cs := chartStyles(st)
	for _, ch := range c.charts {
		ch.SetStyles(cs)
	}
}

// setSize gives the charts the rows between the title line and the
// status bar and help line.
func (c *chartScreen) setSize(width, height int) {
	c.width, c.height = width, height
	c.first = min(c.first, len(c.charts)-c.shown())
}

// bodyRows are the rows the charts share.
func (c *chartScreen) bodyRows() int { return max(c.height-3, 0) }

// shown is how many charts fit at once, at least one.
func (c *chartScreen) shown() int {
	per := chartMinRows * max(c.panels(), 1)
	return min(max(c.bodyRows()/per, 1), len(c.charts))
}

func (c *chartScreen) panels() int {
	n := 0
	for _, h := range c.has {
		if h {
			n++
		}
	}
	return n
}

// setData takes the history after a change. Samples newer than the live
// edge it had are new: while scrolled back they are counted for the
// status bar, and the view stays where the user put it.
func (c *chartScreen) setData(samples []model.Sample, cadence time.Duration) {
	if n := len(samples); n > 0 && !c.newest.IsZero() && samples[n-1].Time.After(c.newest) {
		i := sort.Search(n, func(i int) bool { return samples[i].Time.After(c.newest) })
		c.win.Arrived(n - i)
	}
	c.samples = samples
	if n := len(samples); n > 0 {
		c.newest = samples[n-1].Time
	}
	c.cadence = cadence
	for d := range c.keys {
		c.keys[d], c.has[d] = streamOf(samples, c.media, model.Direction(d))
	}
	for i, ch := range c.charts {
		ch.SetCadence(cadence)
		c.dirty[i] = true
	}
}

// streamOf is the stream the charts of medium md in direction d draw:
// the client's if it ever had one, else the first other path's. (A
// participant on several paths at once is rare; the watch screen's panes
// show each.)
func streamOf(samples []model.Sample, md model.Media, d model.Direction) (model.StreamKey, bool) {
	var found [3]bool
	for i := range samples {
		for k := range samples[i].Streams {
			if k.Media == md && k.Dir == d && k.Path >= model.Client && k.Path <= model.RWG {
				found[k.Path] = true
			}
		}
		if found[model.Client] {
			break
		}
	}
	for _, p := range []model.Path{model.Client, model.CRC, model.RWG} {
		if found[p] {
			return model.StreamKey{Media: md, Dir: d, Path: p}, true
		}
	}
	return model.StreamKey{}, false
}

// zoomFloor is the shortest span a chart zooms in to: ten samples, which
// a line still joins into a shape.
func (c *chartScreen) zoomFloor() time.Duration {
	cad := c.cadence
	if cad <= 0 {
		cad = model.ZoomCadence
	}
	return 10 * cad
}

// key handles the chart screen's own keys; handled is false for the
// rest (help, pause, quit, esc), which the watch screen and the app take.
func (c *chartScreen) key(msg tea.KeyPressMsg, k KeyMap) (handled bool) {
	oldest := c.newest
	if len(c.samples) > 0 {
		oldest = c.samples[0].Time
	}
	before := c.win
	pressed := func(b key.Binding) bool { return key.Matches(msg, b) }
	switch {
	case pressed(k.Earlier):
		c.win.Back(c.newest, oldest)
	case pressed(k.Later):
		c.win.Forward(c.newest)
	case pressed(k.Live):
		c.win.GoLive()
	case pressed(k.ZoomIn):
		c.win.ZoomIn(c.zoomFloor())
	case pressed(k.ZoomOut):
		c.win.ZoomOut()
	case pressed(k.NextChart):
		c.first = min(c.first+1, len(c.charts)-c.shown())
	case pressed(k.PrevChart):
		c.first = max(c.first-1, 0)
	default:
		return false
	}
	if c.win != before {
		for i := range c.dirty {
			c.dirty[i] = true
		}
	}
	return true
}

// view draws the title line and the charts on screen, exactly width x
// bodyRows()+1 rows; the watch screen adds the status bar and help line.
func (c *chartScreen) view(who string, st theme.Styles) string {
	n := c.shown()
	start, end := c.win.Range(c.newest)
	var b strings.Builder
	b.WriteString(c.title(who, n, st))
	rows := c.bodyRows()
	for i := c.first; i < c.first+n && i < len(c.charts); i++ {
		h := rows / n
		if i == c.first+n-1 {
			h = rows - h*(n-1)
		}
		ch := c.charts[i]
		ch.SetSize(c.width, h)
		ch.SetView(start, end)
		if c.dirty[i] {
			c.fill(ch, start, end)
			c.dirty[i] = false
		}
		b.WriteByte('\n')
		b.WriteString(ch.View())
	}
	return b.String()
}

// fill gives a chart the points of its field in view, plus one sample
// either side so the line runs to the edges.
func (c *chartScreen) fill(ch *chart.Model, start, end time.Time) {
	s := c.samples
	lo := sort.Search(len(s), func(i int) bool { return !s[i].Time.Before(start) })
	hi := sort.Search(len(s), func(i int) bool { return s[i].Time.After(end) })
	lo, hi = max(lo-1, 0), min(hi+1, len(s))
	var pts [2][]model.Point
	for d := range pts {
		if c.has[d] {
			pts[d] = model.Series(s[lo:hi], c.keys[d], ch.Field().Of)
		}
	}
	ch.SetData(pts[model.Send], pts[model.Receive])
}

// title names what is charted and which of the medium's charts are on
// screen: "Alice Chen · audio · latency, jitter (charts 1-2 of 5, ↑↓)".
func (c *chartScreen) title(who string, n int, st theme.Styles) string {
	g := st.Glyphs()
	names := make([]string, 0, n)
	for i := c.first; i < c.first+n && i < len(c.fields); i++ {
		names = append(names, c.fields[i].String())
	}
	s := st.Title.Render(c.media.String()) + st.Muted.Render(g.Sep) + st.Text.Render(strings.Join(names, ", "))
	if n < len(c.fields) {
		arrows := "↑↓"
		if c.ascii {
			arrows = "up/down"
		}
		shown := strconv.Itoa(c.first + 1)
		if n > 1 {
			shown += "-" + strconv.Itoa(c.first+n)
		}
		s += st.Muted.Render(" (" + shown + " of " + strconv.Itoa(len(c.fields)) + ", " + arrows + " for more)")
	}
	if who != "" {
		s = st.Text.Render(who) + st.Muted.Render(g.Sep) + s
	}
	s = ansi.Truncate(s, c.width, "")
	return s + strings.Repeat(" ", max(c.width-ansi.StringWidth(s), 0))
}

// describe is the status bar's account of the view: "live · last 15m",
// or "19:30–19:45 · 3 new · end: live" while scrolled back.
func (c *chartScreen) describe(sep string) string {
	s := c.win.Describe(c.newest, c.loc, c.ascii)
	if !c.win.Live() {
		s += sep + "end: live"
	}
	return s
}
