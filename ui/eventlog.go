package ui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/feed"
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
func (v *eventLogView) render(l *feed.Log, rows, width int, st theme.Styles, loc *time.Location, layout string) string {
	f := strings.ToLower(strings.TrimSpace(v.filter.Text()))
	var body []string
	shown := 0
	for _, e := range l.Events() {
		text := e.Say(loc, layout, st.Glyphs().Dash)
		if e.Full != "" {
			text = e.Full
		}
		if e.Count > 1 {
			text += " (x" + strconv.Itoa(e.Count) + ")"
		}
		if f != "" && !strings.Contains(strings.ToLower(text), f) {
			continue
		}
		shown++
		stamp := e.At.In(loc).Format(layout) + " "
		indent := strings.Repeat(" ", len(stamp))
		for i, line := range strings.Split(chrome.Wordwrap(text, max(1, width-len(stamp))), "\n") {
			lead := indent
			if i == 0 {
				lead = st.Muted.Render(stamp)
			}
			body = append(body, lead+st.Level(e.Level).Render(line))
		}
	}
	title := "event log: " + chrome.Plural(len(l.Events()), "event", "events") + ", newest first"
	if f != "" {
		title += ", " + strconv.Itoa(shown) + " match " + strconv.Quote(f)
	}
	if len(l.Events()) == 0 {
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
// the watch screen; esc goes back to it. It is a view of the same
// participant's feed: the feed's chain polls on while it is on top, and
// what comes is logged here as it comes.
type eventLogScreen struct {
	c        *common
	f        *feed.Feed
	t        target // whose log, for the header
	alias    string // the overview's pseudonym for them, shown under R
	loc      *time.Location
	keys     KeyMap
	log      eventLogView
	helpView help.Model
}

func newEventLogScreen(c *common, f *feed.Feed, t target, alias string) *eventLogScreen {
	s := &eventLogScreen{c: c, f: f, t: t, alias: alias, loc: c.clk.Now.Location(), keys: DefaultKeyMap(),
		log: newEventLogView(c.st.Glyphs()), helpView: help.New()}
	s.restyle()
	return s
}

func (s *eventLogScreen) name() string                 { return "event log" }
func (s *eventLogScreen) chain() *poll.Chain           { return s.f.Chain() }
func (s *eventLogScreen) close()                       {}
func (s *eventLogScreen) captures() bool               { return s.log.typing }
func (s *eventLogScreen) atRest() bool                 { return !s.log.typing && s.log.filter.Text() == "" }
func (s *eventLogScreen) opens(tea.KeyPressMsg) screen { return nil }
func (s *eventLogScreen) restyle()                     { chrome.StyleHelp(&s.helpView, s.c.st) }
func (s *eventLogScreen) setSize()                     { s.helpView.SetWidth(s.c.width) }

// setTopic names the meeting in the header once Zoom said its topic.
func (s *eventLogScreen) setTopic(meetingID, topic string) {
	if s.t.meetingID == meetingID {
		s.t.topic = topic
	}
}

// status is the feed's: the log is of its data.
func (s *eventLogScreen) status() chrome.StatusInfo { return feedStatus(s.c, s.f, s.loc) }

func (s *eventLogScreen) help() (short []key.Binding, full [][]key.Binding) {
	k, t := s.keys, s.log.keys
	short = []key.Binding{k.Quit, t.Up, t.Down, t.Filter, k.Back}
	return short, [][]key.Binding{{k.Quit, k.Back, t.Filter, k.Mark}, {t.Up, t.Down, t.PageUp, t.PageDown}, {t.Top, t.Bottom}}
}

// update takes the keys of the log, and the feed's ticks and answers,
// which it hands to the feed: what they bring shows at the next view.
func (s *eventLogScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		s.log.key(msg, s.keys.Back)
	case poll.TickMsg, feed.FetchedMsg, feed.PushMsg:
		next, _ := s.f.Update(msg)
		return next
	}
	return nil
}

// view is the feed's header, the log in the panes' place, the status bar
// and the help line.
func (s *eventLogScreen) view() string {
	width, height := s.c.width, s.c.height
	if width <= 0 || height <= 0 {
		return ""
	}
	if width < minWidth || height < minHeight {
		return tooSmallText(width, height)
	}
	header := chrome.FirstLines(feedHeader(s.c, s.f, s.t, s.alias, s.loc), 3)
	layout := "15:04"
	if s.f.Cadence() < time.Minute {
		layout = "15:04:05"
	}
	rows := height - chrome.LineCount(header) - 2 // the status bar and the help line
	short, _ := s.help()
	return header + "\n" + s.log.render(s.f.Events(), rows, width, s.c.st, s.loc, layout) + "\n" +
		chrome.StatusBar(s.c.replaying(s.status()), s.c.ss, width) + "\n" + chrome.ShortHelp(s.helpView, short, width)
}

// renderEvents draws l in up to rows lines of width cells: with three rows or more a
// title rule first, then the events newest first, their times in loc in
// the given layout.
func renderEvents(l *feed.Log, rows, width int, st theme.Styles, loc *time.Location, layout string) string {
	if rows <= 0 || width <= 0 {
		return ""
	}
	lines := make([]string, 0, rows)
	if rows >= 3 {
		// The box shows the newest lines, cut; l shows them all, whole.
		lines = append(lines, chrome.TitleRule("events"+st.Glyphs().Sep+"l: all "+chrome.Plural(len(l.Events()), "event", "events"), width, st))
	}
	if len(l.Events()) == 0 {
		lines = append(lines, st.Muted.Render(ansi.Truncate("no threshold crossings or errors so far", width, chrome.Ellipsis(st))))
	}
	inks := eventInks(st)
	for _, e := range l.Events() {
		if len(lines) == rows {
			break
		}
		text := e.Say(loc, layout, st.Glyphs().Dash)
		if e.Count > 1 {
			text += " (x" + strconv.Itoa(e.Count) + ")"
		}
		// No level marker: the text says "critical" or "recovered" in words,
		// which reads without colour too.
		at := e.At.In(loc).Format(layout)
		var b strings.Builder
		b.Grow(len(at) + len(text) + 64)
		inks.muted.Put(&b, at)
		b.WriteByte(' ')
		inks.level[min(max(e.Level, model.Unknown), model.Critical)].Put(&b, text)
		line := b.String()
		if ansi.StringWidth(at)+1+ansi.StringWidth(text) > width {
			line = ansi.Truncate(line, width, chrome.Ellipsis(st))
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// eventLineInks are the event lines' styles reduced to escape codes once
// per drawing, rather than a lipgloss render for each time and text.
type eventLineInks struct {
	muted theme.Ink
	level [4]theme.Ink
}

func eventInks(st theme.Styles) eventLineInks {
	k := eventLineInks{muted: theme.InkOf(st.Muted)}
	for l := model.Unknown; l <= model.Critical; l++ {
		k.level[l] = theme.InkOf(st.Level(l))
	}
	return k
}
