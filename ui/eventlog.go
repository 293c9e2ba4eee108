package ui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/table"
)

// eventLogView is the event log screen (l on the watch screen): every
// event and error the log holds, newest first, each with its time and its
// full text wrapped to the width, never cut; it scrolls, and / filters.
// The watch screen's box shows only the newest lines, cut to one row each.
type eventLogView struct {
	open   bool
	offset int // the first line shown, counted from the newest
	filter table.Input
	typing bool
	keys   table.KeyMap
	lines  int // lines the last drawing had, for scrolling bounds
	page   int // lines one screen shows
}

func newEventLogView() eventLogView { return eventLogView{keys: table.DefaultKeyMap()} }

// key handles a key while the log is open; false leaves it to the app
// (quit, theme) or the watch screen (pause, refresh, help).
func (v *eventLogView) key(msg tea.KeyPressMsg, back, toggle key.Binding) bool {
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
		return true
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
	case key.Matches(msg, back) && v.filter.Text() != "":
		v.filter.Set("")
		v.offset = 0
	case key.Matches(msg, back), key.Matches(msg, toggle):
		v.open = false
	default:
		return false
	}
	return true
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
		if e.full != "" {
			text = e.full
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
		for i, line := range strings.Split(wordwrap(text, max(1, width-len(stamp))), "\n") {
			lead := indent
			if i == 0 {
				lead = st.Muted.Render(stamp)
			}
			body = append(body, lead+st.Level(e.level).Render(line))
		}
	}
	title := "event log: " + plural(len(l.events), "event", "events") + ", newest first"
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
	v.page = max(1, rows-1-lineCount(foot))
	v.lines = len(body)
	v.scroll(0)
	if v.lines > v.page {
		title += st.Glyphs().Sep + strconv.Itoa(v.offset+1) + "-" + strconv.Itoa(min(v.offset+v.page, v.lines)) +
			" of " + strconv.Itoa(v.lines) + " lines"
	}
	out := []string{titleRule(title, width, st), fitRows(strings.Join(body[v.offset:min(v.offset+v.page, len(body))], "\n"), v.page)}
	if foot != "" {
		out = append(out, foot)
	}
	return strings.Join(out, "\n")
}

// logHelp is the help line while the log is open.
func (v *eventLogView) help(k KeyMap) []key.Binding {
	return []key.Binding{k.Quit, v.keys.Up, v.keys.Down, v.keys.Filter, k.Back}
}

// logBody draws the watch screen with the log in place of the panes:
// the header, the log, and the log's help line.
func (m *watchModel) logBody() {
	header := firstLines(m.headerText, m.lay.header)
	rows := m.height - lineCount(header) - 2 // the status bar and the help line
	layout := "15:04"
	if m.cadence < time.Minute {
		layout = "15:04:05"
	}
	parts := []string{m.log.render(&m.events, rows, m.width, m.st, m.loc, layout)}
	if header != "" {
		parts = append([]string{header}, parts...)
	}
	m.body = strings.Join(parts, "\n")
	m.footer = "\n" + fitShortHelp(m.help, m.log.help(m.keys), m.width)
}
