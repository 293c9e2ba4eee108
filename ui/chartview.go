package ui

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/chart"
)

// The chart screen's drawing: which charts, what data they get, how they
// stack, and the help.

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

// chartStyles maps the theme's roles onto a chart's. Send and receive
// differ in colour here, but each has its own panel and title, so
// neither needs it.
func chartStyles(st theme.Styles) chart.Styles {
	return chart.Styles{
		Title: st.Title, Value: st.Text, Muted: st.Muted, Axis: st.Muted, Label: st.Muted,
		Send: st.Accent, Receive: st.Text, Warn: st.Level(model.Warn), Critical: st.Level(model.Critical),
		Cursor: st.NewStyle().Foreground(st.Theme.Focus).Bold(true).Style(), Marker: st.Accent,
	}
}

// shown is how many charts fit at once, at least one.
func (s *chartScreen) shown() int {
	per := chartMinRows * max(s.panels(), 1)
	return min(max(s.rows/per, 1), len(s.charts))
}

func (s *chartScreen) panels() int {
	n := 0
	for _, h := range s.has {
		if h {
			n++
		}
	}
	return n
}

// setData takes the history after a change. Samples newer than the live
// edge it had are new: while scrolled back they are counted for the
// status bar, and the view stays where the user put it.
func (s *chartScreen) setData(samples []model.Sample, cadence time.Duration) {
	was := s.newest
	defer s.cursorArrived(was)
	if n := len(samples); n > 0 && !s.newest.IsZero() && samples[n-1].Time.After(s.newest) {
		i := sort.Search(n, func(i int) bool { return samples[i].Time.After(s.newest) })
		s.win.Arrived(n - i)
	}
	if n := len(samples); n > 0 {
		s.newest = samples[n-1].Time
	}
	for d := range s.streams {
		s.streams[d], s.has[d] = streamOf(samples, s.media, model.Direction(d))
	}
	for i, ch := range s.charts {
		ch.SetCadence(cadence)
		s.dirty[i] = true
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

// render is the title line and the charts on screen, exactly the width
// and 1+rows lines.
func (s *chartScreen) render() string {
	n := s.shown()
	s.first = max(min(s.first, len(s.charts)-n), 0)
	start, end := s.win.Range(s.newest)
	var b strings.Builder
	b.WriteString(s.title(n))
	label := 0
	for i := s.first; i < s.first+n; i++ {
		h := s.rows / n
		if i == s.first+n-1 {
			h = s.rows - h*(n-1)
		}
		ch := s.charts[i]
		ch.SetSize(s.c.width, h)
		ch.SetView(start, end)
		ch.SetCursor(s.cursor)
		ch.SetCall(s.f.Who().JoinTime, s.f.Who().LeaveTime)
		ch.SetMarkers(s.f.Markers())
		if s.dirty[i] {
			s.fill(ch, start, end)
			s.dirty[i] = false
		}
		label = max(label, ch.LabelWidth())
	}
	for _, ch := range s.charts[s.first : s.first+n] {
		ch.SetLabelWidth(label) // one plot origin: a time in one column in every chart
		b.WriteByte('\n')
		b.WriteString(ch.View())
	}
	return b.String()
}

// fill gives a chart the points of its field in view, plus one sample
// either side so the line runs to the edges.
func (s *chartScreen) fill(ch *chart.Model, start, end time.Time) {
	hs := s.f.History().Samples()
	lo := sort.Search(len(hs), func(i int) bool { return !hs[i].Time.Before(start) })
	hi := sort.Search(len(hs), func(i int) bool { return hs[i].Time.After(end) })
	lo, hi = max(lo-1, 0), min(hi+1, len(hs))
	var pts [2][]model.Point
	for d := range pts {
		if s.has[d] {
			pts[d] = model.Series(hs[lo:hi], s.streams[d], ch.Field().Of)
		}
	}
	ch.SetData(pts[model.Send], pts[model.Receive])
}

// title names what is charted and which of the medium's charts are on
// screen: "Alice Chen · audio · latency, jitter (1-2 of 5, ↑↓ for more)".
func (s *chartScreen) title(n int) string {
	st := s.c.st
	g := st.Glyphs()
	names := make([]string, 0, n)
	for i := s.first; i < s.first+n; i++ {
		names = append(names, s.fields[i].String())
	}
	t := st.Title.Render(s.media.String()) + st.Muted.Render(g.Sep) + st.Text.Render(strings.Join(names, ", "))
	if n < len(s.fields) {
		arrows := "↑↓"
		if st.ASCII() {
			arrows = "up/down"
		}
		shown := strconv.Itoa(s.first + 1)
		if n > 1 {
			shown += "-" + strconv.Itoa(s.first+n)
		}
		t += st.Muted.Render(" (" + shown + " of " + strconv.Itoa(len(s.fields)) + ", " + arrows + " for more)")
	}
	if who := shownAs(s.c, s.f.Who(), s.alias).UserName; who != "" {
		t = st.Text.Render(who) + st.Muted.Render(g.Sep) + t
	}
	t = ansi.Truncate(t, s.c.width, "")
	return t + strings.Repeat(" ", max(s.c.width-ansi.StringWidth(t), 0))
}

// help is the chart screen's help line and full help: its own keys first.
func (s *chartScreen) help() (short []key.Binding, full [][]key.Binding) {
	k := s.keys
	short = s.shortHelp()
	full = [][]key.Binding{
		{k.Earlier, k.Later, k.Live, k.Back},
		{k.Cursor, k.FarEarlier, k.FarLater, k.Mark},
		{k.ZoomIn, k.ZoomOut, k.NextChart, k.PrevChart},
		{k.NextPane, k.PrevPane, k.Pause, k.Refresh},
		{k.Quit, k.Help, k.Theme, k.Redact},
	}
	return short, full
}
