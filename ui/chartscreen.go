package ui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/chart"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/poll"
)

// chartScreen is one medium of the watched participant as full-width
// line charts (ui/chart), one per metric, stacked as many as fit and
// stepped through with up and down. Its Window is live (the right edge is
// the newest sample) until ← scrolls back; then new samples are counted,
// not shown, until end goes live again.
//
// It is opened from the watch screen and works on that screen's
// participant: it polls for them on a chain of its own (the watch
// screen's holds while this one is on top) and hands each answer to the
// watch screen, so the one history, event log and call state keep
// growing, and the panes are current again on esc.
type chartScreen struct {
	c        *common
	w        *watchModel // the watch screen below: its participant, history and events
	keys     KeyMap
	helpView help.Model
	ctx      context.Context    // cancelled when the screen goes; parent of every fetch
	cancel   context.CancelFunc // its cancellation
	poll     poll.Chain

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

// newChartScreen is the chart screen of the watch screen's focused
// medium, over the panes' window, polling at their interval.
func newChartScreen(w *watchModel) *chartScreen {
	c := w.c
	ctx, cancel := context.WithCancel(c.ctx)
	s := &chartScreen{c: c, w: w, keys: w.keys, helpView: help.New(), ctx: ctx, cancel: cancel,
		win: chart.NewWindow(w.span())}
	showAllHelp(&s.helpView, &s.keys, false)
	t := w.t
	src, now := c.cfg.Source, c.cfg.Now
	// Opening the charts costs no request: the chain's first poll is when
	// the watch screen's next one was due (its answer, if one is on its
	// way, lands in the history all the same).
	wp := w.poll
	due := wp.NextPoll
	if due.IsZero() {
		due = c.clk.Now.Add(wp.Interval)
	}
	if wp.Limited && wp.RetryAt.After(due) {
		due = wp.RetryAt
	}
	deferred := true
	s.poll = newPoller(c, wp.Interval, func(env poll.Envelope) tea.Cmd {
		if deferred {
			deferred = false
			s.poll.Inflight = false
			switch {
			case s.poll.Done:
				return nil
			case s.poll.Paused:
				s.poll.ResumeAt = due
				return nil
			}
			return s.poll.ScheduleIn(max(due.Sub(s.c.clk.Now), 0), s.c.clk.Now)
		}
		return fetchCmd(ctx, src, now, env, t.meetingID, t.participantID, t.typ)
	})
	p := &s.poll
	p.Explain, p.Floor, p.Requests, p.Paused, p.Done = wp.Explain, wp.Floor, wp.Requests, wp.Paused, wp.Done
	p.Sched.Fixed = wp.Sched.Fixed // an interval fixed with + on the panes stays fixed on the charts
	p.LastPoll, p.Limited, p.RetryAt, p.LimitType, p.ErrText, p.Failures = wp.LastPoll, wp.Limited, wp.RetryAt, wp.LimitType, wp.ErrText, wp.Failures
	s.setMedia(model.Medias[w.focus])
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
		ch.SetLocation(s.w.loc)
		s.charts = append(s.charts, ch)
		s.dirty = append(s.dirty, true)
	}
	s.restyle()
}

func (s *chartScreen) name() string       { return "chart" }
func (s *chartScreen) chain() *poll.Chain { return &s.poll }
func (s *chartScreen) captures() bool     { return false }
func (s *chartScreen) atRest() bool       { return !s.helpView.ShowAll && s.cursor.IsZero() }

// opens is nothing: the charts are as deep as qostop goes.
func (s *chartScreen) opens(tea.KeyPressMsg) screen { return nil }

// close cancels the screen's requests and brings the panes below up to
// date with what arrived while the charts were on top.
func (s *chartScreen) close() {
	s.cancel()
	s.w.rebuild()
}

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
	case poll.TickMsg:
		return s.poll.Tick(msg)
	case fetchedMsg:
		return s.fetched(msg)
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil
}

// fetched hands a landed answer to the watch screen, which keeps the
// history, the event log and what the call's state is; the chain here
// words the error and schedules the next poll.
func (s *chartScreen) fetched(msg fetchedMsg) tea.Cmd {
	landed, next := s.poll.Take(s.ctx, msg.Answer, s.w.t.typ == model.Past, func() {
		s.w.use(msg.p, msg.At)
		s.poll.Floor = s.w.poll.Floor // the participant left: poll less
	})
	if !landed {
		return nil
	}
	if msg.Err != nil {
		s.w.failed(msg)
	}
	s.rebuild()
	return next
}

// key handles the chart screen's keys; esc and quit are the app's.
func (s *chartScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, ok, redraw := sharedKey(msg, &s.keys, &s.helpView, &s.poll); ok {
		if redraw {
			s.rebuild()
		}
		return cmd
	}
	k := s.keys
	oldest := s.newest
	if hs := s.w.hist.Samples(); len(hs) > 0 {
		oldest = hs[0].Time
	}
	before, cursor := s.win, s.cursor
	switch {
	case !s.cursor.IsZero() && s.cursorKey(msg):
		if s.win == before && s.cursor.Equal(cursor) {
			return nil // at the end of the samples: nothing moved, nothing to draw
		}
	case key.Matches(msg, k.Cursor):
		s.showCursor()
		s.followCursor()
	case key.Matches(msg, k.Earlier), key.Matches(msg, k.FarEarlier):
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
	case key.Matches(msg, k.NextChart):
		s.first = min(s.first+1, len(s.charts)-s.shown())
	case key.Matches(msg, k.PrevChart):
		s.first = max(s.first-1, 0)
	case key.Matches(msg, k.NextPane), key.Matches(msg, k.PrevPane):
		step := 1
		if key.Matches(msg, k.PrevPane) {
			step = len(model.Medias) - 1
		}
		s.w.setFocus(s.w.focus + step) // so esc comes back to that pane
		s.setMedia(model.Medias[s.w.focus])
	case key.Matches(msg, k.Back) && s.helpView.ShowAll:
		showAllHelp(&s.helpView, &s.keys, false)
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

// zoomFloor is the shortest span a chart zooms in to: ten samples, which
// a line still joins into a shape.
func (s *chartScreen) zoomFloor() time.Duration {
	cad := s.w.cadence
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
	if v := s.w.hist.Version(); v != s.version {
		s.version = v
		s.setData(s.w.hist.Samples(), s.w.cadence)
	}
	short, full := s.help()
	helpRows, footer := 1, chrome.ShortHelp(s.helpView, short, w)
	if s.helpView.ShowAll {
		footer, helpRows = chrome.FullHelp(s.helpView, full, w, cursorNote)
		legend := chrome.Legend(s.c.st, w)
		footer += "\n" + legend
		helpRows += strings.Count(legend, "\n") + 1
	}
	errRows := 0
	if s.poll.ErrText != "" {
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
		s.body += "\n" + chrome.FitRows(chrome.ErrLines(s.poll.ErrText, 1, w, s.c.st), 1)
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
	if s.version != s.w.hist.Version() {
		// An answer the watch screen's chain had on its way when the
		// charts opened landed there.
		s.rebuild()
	}
	si := s.status()
	if c := s.frameCache; c != nil && c.builds == s.builds && c.si == si {
		return c.s
	}
	out := s.body + "\n" + chrome.StatusBar(si, s.c.ss, s.c.width) + s.footer
	s.frameCache = &frameCache{builds: s.builds, si: si, s: out}
	return out
}

// status is the watch screen's status bar with what the charts show in
// front: "live · last 15m", or "19:30–19:45 · 3 new · end: live".
func (s *chartScreen) status() chrome.StatusInfo {
	si := chrome.PollStatus(&s.poll)
	w := s.w
	si.Loc = w.loc
	si.View = s.win.Describe(s.newest, w.loc, s.c.st.ASCII())
	if !s.win.Live() {
		si.View += s.c.ss.Sep + "end: live"
	}
	if latest, ok := w.hist.Latest(); ok {
		si.Newest = latest.Time
		if w.t.typ == model.Live && !w.who.Left() && w.gone == "" {
			si.StaleAt = model.StaleAt(latest.Time, s.poll.Interval, w.cadence)
		}
	}
	si.Redacted, si.Gone, si.Left = s.c.redact, w.gone, w.who.LeaveTime
	return si
}
