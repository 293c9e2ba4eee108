package ui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/poll"
	"github.com/qostop/qostop/ui/table"
)

// eventLogView is the event log screen (l on the watch screen): every
// event and error the log holds, newest first, each with its time and its
// full text wrapped to the width, never cut; it scrolls, and / filters.
// The watch screen's box shows only the newest lines, cut to one row each.
type eventLogView struct {
	offset int // the first line shown, counted from the newest
	filter table.Input
	typing bool
	keys   table.KeyMap
	lines  int // lines the last drawing had, for scrolling bounds
	page   int // lines one screen shows
}

func newEventLogView(g theme.Glyphs) eventLogView { return eventLogView{keys: table.NewKeyMap(g)} }

// key handles a key of the log: scrolling and the filter; esc clears a
// kept filter (with none, the app takes esc back to the watch screen).
func (v *eventLogView) key(msg tea.KeyPressMsg, back key.Binding) {
	if v.typing {
		switch msg.String() {
		case "enter":
			v.typing = false
		case "esc":
			v.typing = false
			v.filter.Set("")
		default:
			v.filter.Update(msg)
		}
		v.offset = 0
		return
	}
	k := v.keys
	switch {
	case key.Matches(msg, k.Up):
		v.scroll(-1)
	case key.Matches(msg, k.Down):
		v.scroll(+1)
	case key.Matches(msg, k.PageUp):
		v.scroll(-v.page)
	case key.Matches(msg, k.PageDown):
		v.scroll(v.page)
	case key.Matches(msg, k.Top):
		v.offset = 0
	case key.Matches(msg, k.Bottom):
		v.scroll(v.lines)
	case key.Matches(msg, k.Filter):
		v.typing = true
	case key.Matches(msg, back):
		v.filter.Set("")
		v.offset = 0
	}
}

func (v *eventLogView) scroll(d int) {
	v.offset = max(0, min(v.offset+d, v.lines-v.page))
}

// render draws the log in rows lines of width cells: a title, the events
// (wrapped), and the filter line when there is one.
func (v *eventLogView) render(l *eventLog, rows, width int, st theme.Styles, loc *time.Location, layout string) string {
	f := strings.ToLower(strings.TrimSpace(v.filter.Text()))
	var body []string
	shown := 0
	for _, e := range l.events {
		text := e.text
		switch {
		case e.full != "":
			text = e.full
		case e.hole.Missing > 0:
			text = holeText(e.hole, loc, layout, st.Glyphs().Dash)
		}
		if e.count > 1 {
			text += " (x" + strconv.Itoa(e.count) + ")"
		}
		if f != "" && !strings.Contains(strings.ToLower(text), f) {
			continue
		}
		shown++
		stamp := e.at.In(loc).Format(layout) + " "
		indent := strings.Repeat(" ", len(stamp))
		for i, line := range strings.Split(chrome.Wordwrap(text, max(1, width-len(stamp))), "\n") {
			lead := indent
			if i == 0 {
				lead = st.Muted.Render(stamp)
			}
			body = append(body, lead+st.Level(e.level).Render(line))
		}
	}
	title := "event log: " + chrome.Plural(len(l.events), "event", "events") + ", newest first"
	if f != "" {
		title += ", " + strconv.Itoa(shown) + " match " + strconv.Quote(f)
	}
	if len(l.events) == 0 {
		body = append(body, st.Muted.Render("no threshold crossings or errors so far"))
	}
	var foot string
	if v.typing || f != "" {
		foot = v.filter.View(st, v.typing, width/2) + "  " + st.Muted.Render("enter keeps it, esc clears it")
	}
	v.page = max(1, rows-1-chrome.LineCount(foot))
	v.lines = len(body)
	v.scroll(0)
	if v.lines > v.page {
		title += st.Glyphs().Sep + strconv.Itoa(v.offset+1) + "-" + strconv.Itoa(min(v.offset+v.page, v.lines)) +
			" of " + strconv.Itoa(v.lines) + " lines"
	}
	out := []string{chrome.TitleRule(title, width, st), chrome.FitRows(strings.Join(body[v.offset:min(v.offset+v.page, len(body))], "\n"), v.page)}
	if foot != "" {
		out = append(out, foot)
	}
	return strings.Join(out, "\n")
}

// eventLogScreen is the event log as a screen of its own, opened by l on
// the watch screen whose log it shows; esc goes back to it. It fetches
// nothing: its chain is idle, and while it is on top the watch screen
// below holds its polling, as every covered screen does, and resumes on
// esc.
type eventLogScreen struct {
	c        *common
	w        *watchModel // whose log, header and status it shows
	log      eventLogView
	poll     poll.Chain
	helpView help.Model
}

func newEventLogScreen(c *common, w *watchModel) *eventLogScreen {
	s := &eventLogScreen{c: c, w: w, log: newEventLogView(c.st.Glyphs()), helpView: help.New()}
	s.poll = newPoller(c, w.poll.Interval, func(poll.Envelope) tea.Cmd { return nil })
	s.poll.Inflight = false // nothing is ever asked
	s.restyle()
	return s
}

func (s *eventLogScreen) name() string                 { return "event log" }
func (s *eventLogScreen) chain() *poll.Chain           { return &s.poll }
func (s *eventLogScreen) close()                       {}
func (s *eventLogScreen) captures() bool               { return s.log.typing }
func (s *eventLogScreen) atRest() bool                 { return !s.log.typing && s.log.filter.Text() == "" }
func (s *eventLogScreen) opens(tea.KeyPressMsg) screen { return nil }
func (s *eventLogScreen) restyle()                     { chrome.StyleHelp(&s.helpView, s.c.st) }
func (s *eventLogScreen) setSize()                     { s.helpView.SetWidth(s.c.width) }

// status is the watch screen's: the log is of its data.
func (s *eventLogScreen) status() chrome.StatusInfo { return s.w.status() }

func (s *eventLogScreen) help() (short []key.Binding, full [][]key.Binding) {
	k, t := s.w.keys, s.log.keys
	short = []key.Binding{k.Quit, t.Up, t.Down, t.Filter, k.Back}
	return short, [][]key.Binding{{k.Quit, k.Back, t.Filter}, {t.Up, t.Down, t.PageUp, t.PageDown}, {t.Top, t.Bottom}}
}

func (s *eventLogScreen) update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		s.log.key(k, s.w.keys.Back)
	}
	return nil
}

// view is the watch screen's header, the log in the panes' place, the
// status bar and the help line.
func (s *eventLogScreen) view() string {
	width, height := s.c.width, s.c.height
	if width <= 0 || height <= 0 {
		return ""
	}
	if width < minWidth || height < minHeight {
		return tooSmallText(width, height)
	}
	header := chrome.FirstLines(s.w.headerText, 3)
	layout := "15:04"
	if s.w.cadence < time.Minute {
		layout = "15:04:05"
	}
	rows := height - chrome.LineCount(header) - 2 // the status bar and the help line
	short, _ := s.help()
	return header + "\n" + s.log.render(&s.w.events, rows, width, s.c.st, s.w.loc, layout) + "\n" +
		chrome.StatusBar(s.status(), s.c.ss, width) + "\n" + chrome.ShortHelp(s.helpView, short, width)
}
