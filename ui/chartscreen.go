package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/chart"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/poll"
)

// chartScreen is one medium of the watched participant as full-width
// line charts (ui/chart), one per metric, stacked as many as fit and
// stepped through with up and down. Its Window is live (the right edge is
// the newest sample) until ← scrolls back; then new samples are counted,
// not shown, until end goes live again.
//
// It is opened from the watch screen and is a view of the same
// participant's feed: the feed's one chain keeps polling as it did, its
// answers land in the one history and event log, and the panes are
// current again on esc. Opening it sends no request.
type chartScreen struct {
	c        *common
	f        *feed.Feed
	keys     KeyMap
	helpView help.Model
	loc      *time.Location // where times are shown
	alias    string         // the overview's pseudonym for them, shown under R
	drawn    uint64         // feed.Version() the body was last built from

	media   model.Media
	fields  []model.Field
	charts  []*chart.Model
	dirty   []bool // the chart's points are out of date with the view or data
	first   int    // the topmost chart on screen
	win     chart.Window
	version uint64 // hist.Version() the charts were last given

	streams [2]model.StreamKey // the stream each direction's panel draws
	has     [2]bool            // the direction has a stream in the history
	newest  time.Time          // the live edge: the newest sample, not the clock
	cursor  time.Time          // the time the cursor reads (chartcursor.go); zero when hidden

	rows       int // the charts' rows: all but title, error, status and help
	tooSmall   bool
	body       string
	footer     string
	builds     int
	frameCache *frameCache
}

// newChartScreen is the chart screen of f's medium md over a window of
// span, as the watch screen showed it; alias names the participant under R.
func newChartScreen(c *common, f *feed.Feed, alias string, md model.Media, span time.Duration) *chartScreen {
	s := &chartScreen{c: c, f: f, alias: alias, keys: DefaultKeyMap(), helpView: help.New(), loc: c.clk.Now.Location(),
		win: chart.NewWindow(span)}
	s.keys.nameArrows(c.st.Glyphs())
	showAllHelp(&s.helpView, &s.keys, false)
	s.setMedia(md)
	return s
}

// setMedia charts medium md, keeping the view where it is.
func (s *chartScreen) setMedia(md model.Media) {
	s.media, s.fields, s.first, s.version = md, chartFields(md), 0, 0
	s.charts, s.dirty = nil, nil
	for _, f := range s.fields {
		ch := chart.New(f)
		ch.SetThresholds(s.c.cfg.Thresholds)
		ch.SetASCII(s.c.st.ASCII())
		ch.SetLocation(s.loc)
		s.charts = append(s.charts, ch)
		s.dirty = append(s.dirty, true)
	}
	s.restyle()
}

func (s *chartScreen) name() string       { return "chart" }
func (s *chartScreen) chain() *poll.Chain { return s.f.Chain() }
func (s *chartScreen) captures() bool     { return false }
func (s *chartScreen) atRest() bool       { return !s.helpView.ShowAll && s.cursor.IsZero() }

// opens is nothing: the charts are as deep as qostop goes.
func (s *chartScreen) opens(tea.KeyPressMsg) screen { return nil }

// close is nothing: the feed and its chain are the watch screen's, which
// draws what arrived meanwhile when it is back on top.
func (s *chartScreen) close() {}

func (s *chartScreen) setSize() {
	s.helpView.SetWidth(s.c.width)
	s.rebuild()
}

func (s *chartScreen) restyle() {
	chrome.StyleHelp(&s.helpView, s.c.st)
	cs := chartStyles(s.c.st)
	for _, ch := range s.charts {
		ch.SetStyles(cs)
	}
	s.rebuild()
}

func (s *chartScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case poll.TickMsg, feed.FetchedMsg, feed.PushMsg:
		next, changed := s.f.Update(msg)
		if changed {
			s.rebuild()
		}
		return next
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil
}

// key handles the chart screen's keys; esc and quit are the app's.
func (s *chartScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, ok, redraw := sharedKey(msg, &s.keys, &s.helpView, s.f.Chain()); ok {
		if redraw {
			s.rebuild()
		}
		return cmd
	}
	before, cursor := s.win, s.cursor
	switch {
	case !s.cursor.IsZero() && s.cursorKey(msg):
		if s.win == before && s.cursor.Equal(cursor) {
			return nil // at the end of the samples: nothing moved, nothing to draw
		}
	case s.viewKey(msg), s.pickKey(msg):
	default:
		return nil
	}
	if s.win != before {
		for i := range s.dirty {
			s.dirty[i] = true
		}
	}
	s.rebuild()
	return nil
}

// viewKey moves the window or shows the cursor; false for any other key.
func (s *chartScreen) viewKey(msg tea.KeyPressMsg) bool {
	k := s.keys
	switch {
	case key.Matches(msg, k.Cursor):
		s.showCursor()
		s.followCursor()
	case key.Matches(msg, k.Earlier), key.Matches(msg, k.FarEarlier):
		oldest := s.newest
		if hs := s.f.History().Samples(); len(hs) > 0 {
			oldest = hs[0].Time
		}
		s.win.Back(s.newest, oldest)
	case key.Matches(msg, k.Later), key.Matches(msg, k.FarLater):
		s.win.Forward(s.newest)
	case key.Matches(msg, k.Live):
		s.win.GoLive()
	case key.Matches(msg, k.ZoomIn):
		s.win.ZoomIn(s.zoomFloor())
		s.followCursor()
	case key.Matches(msg, k.ZoomOut):
		s.win.ZoomOut()
	default:
		return false
	}
	return true
}

// pickKey picks what is charted (the charts on screen, the medium) or
// closes the full help; false for any other key.
func (s *chartScreen) pickKey(msg tea.KeyPressMsg) bool {
	k := s.keys
	switch {
	case key.Matches(msg, k.NextChart):
		s.first = min(s.first+1, len(s.charts)-s.shown())
	case key.Matches(msg, k.PrevChart):
		s.first = max(s.first-1, 0)
	case key.Matches(msg, k.NextPane):
		s.setMedia(model.Medias[(int(s.media)+1)%len(model.Medias)])
	case key.Matches(msg, k.PrevPane):
		s.setMedia(model.Medias[(int(s.media)+len(model.Medias)-1)%len(model.Medias)])
	case key.Matches(msg, k.Back) && s.helpView.ShowAll:
		showAllHelp(&s.helpView, &s.keys, false)
	default:
		return false
	}
	return true
}

// zoomFloor is the shortest span a chart zooms in to: ten samples, which
// a line still joins into a shape.
func (s *chartScreen) zoomFloor() time.Duration {
	cad := s.f.Cadence()
	if cad <= 0 {
		cad = model.ZoomCadence
	}
	return 10 * cad
}

// rebuild redoes the title, the charts, the error line and the help after
// a change: new data, a key, the size or the styles.
func (s *chartScreen) rebuild() {
	w, h := s.c.width, s.c.height
	if w <= 0 || h <= 0 {
		return
	}
	s.builds++
	if s.tooSmall = w < minWidth || h < minHeight; s.tooSmall {
		return
	}
	s.drawn = s.f.Version()
	if v := s.f.History().Version(); v != s.version {
		s.version = v
		s.setData(s.f.History().Samples(), s.f.Cadence())
	}
	short, full := s.help()
	full = s.c.replayHelp(full)
	helpRows, footer := 1, chrome.ShortHelp(s.helpView, short, w)
	if s.helpView.ShowAll {
		footer, helpRows = chrome.FullHelp(s.helpView, full, w, s.c.withLimits([]string{cursorNote})...)
		legend := chrome.Legend(s.c.st, w)
		footer += "\n" + legend
		helpRows += strings.Count(legend, "\n") + 1
	}
	errRows := 0
	if s.f.Chain().ErrText != "" {
		errRows = 1 // the charts stay: what they show is all still true
	}
	if room := h - 1 - errRows - 1 - 1; helpRows > room {
		// Keys first: what does not fit is the end of the legend.
		helpRows = max(room, 1)
		footer = chrome.FitRows(footer, helpRows)
	}
	s.rows = max(h-1-errRows-1-helpRows, 1)
	s.body = s.render()
	if errRows > 0 {
		s.body += "\n" + chrome.FitRows(chrome.ErrLines(s.f.Chain().ErrText, feedSaid(s.f), 1, w, s.c.st), 1)
	}
	s.footer = "\n" + footer
}

// view is the cached body, the status bar and the help.
func (s *chartScreen) view() string {
	if s.c.width <= 0 || s.c.height <= 0 {
		return ""
	}
	if s.tooSmall {
		return tooSmallText(s.c.width, s.c.height)
	}
	if s.drawn != s.f.Version() {
		s.rebuild() // answers landed while another view of the feed was on top
	}
	si := s.status()
	if c := s.frameCache; c != nil && c.builds == s.builds && c.si == si {
		return c.s
	}
	out := s.body + "\n" + chrome.StatusBar(s.c.replaying(si), s.c.ss, s.c.width) + s.footer
	s.frameCache = &frameCache{builds: s.builds, si: si, s: out}
	return out
}

// status is the feed's status bar with what the charts show in front:
// "live · last 15m", or "19:30–19:45 · 3 new · end: live".
func (s *chartScreen) status() chrome.StatusInfo {
	si := feedStatus(s.c, s.f, s.loc)
	si.View = s.win.Describe(s.newest, s.loc, s.c.st.ASCII())
	if !s.win.Live() {
		si.View += s.c.ss.Sep + "end: live"
	}
	return si
}
