package ui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/poll"
	"github.com/qostop/qostop/ui/table"
)

// tableScreen is what the meeting list and the meeting overview share:
// from the top, a header the screen draws, a filterable table with a
// cursor (or, before any data, a box with the wait or the error), the
// filter line, the last error, the full help, the status bar and the help
// line; the keys for all of these; and the polling chain that fills it.
//
// As on the watch screen, body caches everything above the status bar
// and is rebuilt only on new data, size, theme, filter, cursor or help;
// the once-a-second clock redraws only the status bar.
type tableScreen struct {
	c              *common
	poll           poll.Chain
	ctx            context.Context    // cancelled when the screen goes; parent of every fetch
	cancel         context.CancelFunc // its cancellation
	keys           KeyMap
	tkeys          table.KeyMap
	helpView       help.Model
	sortable, back bool // whether s and esc do anything here, for the help
	table          table.Model
	filter         table.Input
	typing         bool // the filter line has the keys

	loaded  bool   // an answer has come: the table, not the box, shows
	waiting string // what the box says before the first answer
	header  string // the screen's header lines, drawn by the screen, not cut to width

	tooSmall     bool
	body, footer string

	// moreKeys are the screen's own keys, added to the full help (the
	// last column; sideKeys to the shortest, the third); legend,
	// when set, is what the screen's cells mean, shown with it in the
	// table's place.
	moreKeys, sideKeys []key.Binding
	legend             string
	// counts, when set, is the header's last line once loaded, given the
	// table's position ("1-19 of 42", or ""), for a screen that fits its
	// parts and the position to the width itself.
	counts func(pos string) string
	// alerting: the screen alerts when someone turns critical, and its
	// full help says how; judges: its cells are judged, and the full help
	// states the limits.
	alerting, judges bool
	// saidBy, when set, says how the chain's last text is put: the end of
	// a meeting is no error. Unset, it is one.
	saidBy func() chrome.Said
}

// newTableScreen is the shared part of a table screen; its requests are
// cancelled by close.
func newTableScreen(c *common, cols []table.Column, sortable, back bool) tableScreen {
	ctx, cancel := context.WithCancel(c.ctx)
	return tableScreen{c: c, ctx: ctx, cancel: cancel, keys: DefaultKeyMap(), tkeys: table.NewKeyMap(c.st.Glyphs()),
		helpView: help.New(), table: table.New(cols), sortable: sortable, back: back}
}

func (f *tableScreen) chain() *poll.Chain { return &f.poll }
func (f *tableScreen) close()             { f.cancel() }
func (f *tableScreen) captures() bool     { return f.typing }

// styled applies the common styles to the table and the help.
func (f *tableScreen) styled() {
	chrome.StyleHelp(&f.helpView, f.c.st)
	f.table.SetStyles(f.c.st)
}

// help is a table screen's help: the one line and the full help that ?
// shows. Sort and back are left out where they do nothing.
func (f *tableScreen) help() (short []key.Binding, full [][]key.Binding) {
	short, full = tableHelp(f.keys, f.tkeys, f.sortable, f.back)
	full[len(full)-1] = append(full[len(full)-1], f.moreKeys...)
	full[2] = append(full[2], f.sideKeys...)
	return short, full
}

// key handles the keys both table screens share. handled is false for a
// key the screen (or, for esc, the app) should act on.
func (f *tableScreen) key(msg tea.KeyPressMsg) (cmd tea.Cmd, handled bool) {
	if f.typing {
		return f.typeKey(msg), true
	}
	if cmd, ok, redraw := sharedKey(msg, &f.keys, &f.helpView, &f.poll); ok {
		if redraw {
			f.rebuild()
		}
		return cmd, true
	}
	k, t := f.keys, f.tkeys
	switch {
	case key.Matches(msg, t.Up):
		f.table.Move(-1)
	case key.Matches(msg, t.Down):
		f.table.Move(+1)
	case key.Matches(msg, t.PageUp):
		f.table.Move(-f.table.Page())
	case key.Matches(msg, t.PageDown):
		f.table.Move(f.table.Page())
	case key.Matches(msg, t.Top):
		f.table.Top()
	case key.Matches(msg, t.Bottom):
		f.table.Move(len(f.table.Rows()))
	case key.Matches(msg, t.Filter):
		f.typing = true
	case key.Matches(msg, k.Back) && f.helpView.ShowAll:
		showAllHelp(&f.helpView, &f.keys, false)
	case key.Matches(msg, k.Back) && f.filter.Text() != "":
		f.setFilter("")
	default:
		return nil, false
	}
	f.rebuild()
	return nil, true
}

// typeKey edits the filter, which applies as it is typed: enter keeps
// it, esc drops it, and the arrows still move the cursor.
func (f *tableScreen) typeKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "enter":
		f.typing = false
	case "esc":
		f.typing = false
		f.setFilter("")
	case "up":
		f.table.Move(-1)
	case "down":
		f.table.Move(+1)
	default:
		if !f.filter.Update(msg) {
			return nil
		}
		f.table.SetFilter(f.filter.Text())
	}
	f.rebuild()
	return nil
}

func (f *tableScreen) setFilter(s string) {
	f.filter.Set(s)
	f.table.SetFilter(s)
}

// atRest reports whether esc has nothing left to close here, so it
// means going back.
func (f *tableScreen) atRest() bool {
	return !f.typing && !f.helpView.ShowAll && f.filter.Text() == ""
}

// take hands an answer to the chain; use takes a good one's data, and
// from then on the table shows rather than the box.
func (f *tableScreen) take(a poll.Answer, once bool, use func()) tea.Cmd {
	_, next := f.poll.Take(f.ctx, a, once, func() {
		f.loaded = true
		use()
	})
	return next
}

func (f *tableScreen) setSize() {
	f.helpView.SetWidth(f.c.width)
	f.rebuild()
}

// rebuild lays the screen out and redraws all but the status bar.
func (f *tableScreen) rebuild() {
	if f.c.width <= 0 || f.c.height <= 0 {
		return
	}
	f.tooSmall = f.c.width < minWidth || f.c.height < minHeight
	if f.tooSmall {
		return
	}
	short, full := f.help()
	full = f.c.replayHelp(full)
	fullHelp, helpRows := f.fullHelp(full)
	filterLine, errLines := f.underLines()
	header := chrome.FirstLines(f.header, 4)
	counts := f.counts != nil && f.loaded
	rows := f.c.height - 1 - chrome.LineCount(header) - chrome.LineCount(filterLine) - chrome.LineCount(errLines) - helpRows
	if counts {
		rows-- // the counts' line, added below
	}
	if !f.helpView.ShowAll {
		rows-- // the help line
	}
	if more := f.errRowsSpare(errLines, rows); more > 0 {
		// Rows the table leaves blank: the error reads whole there.
		errLines = f.errLines(chrome.LineCount(errLines) + more)
		rows -= more
	}
	table, header := f.tableIn(rows, header, counts)
	parts := []string{chrome.TruncLines(header, f.c.width, f.c.st), table}
	for _, p := range []string{filterLine, errLines, fullHelp} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	f.body = strings.Join(parts, "\n")
	f.footer = ""
	if !f.helpView.ShowAll {
		f.footer = "\n" + chrome.ShortHelp(f.helpView, short, f.c.width)
	}
}

// fullHelp is the full help (?) of full and its notes, and its rows;
// "" and none while it is closed.
func (f *tableScreen) fullHelp(full [][]key.Binding) (string, int) {
	if !f.helpView.ShowAll {
		return "", 0
	}
	notes := chrome.PollNotes(&f.poll)
	if f.poll.ErrText != "" && f.loaded {
		// The whole text, which the lines under the table may cut.
		notes = append(notes, f.said().Lead+f.poll.ErrText)
	}
	if f.alerting {
		notes = f.c.withAlertNote(notes, true)
	}
	if f.judges {
		notes = f.c.withLimits(notes)
	}
	return chrome.FullHelp(f.helpView, full, f.c.width, notes...)
}

// underLines are what goes under the table: the filter being typed or
// kept, and the last error once there is a table to keep showing.
func (f *tableScreen) underLines() (filterLine, errLines string) {
	if f.typing || f.filter.Text() != "" {
		filterLine = f.filterLine()
	}
	if f.poll.ErrText != "" && f.loaded && !f.helpView.ShowAll {
		// As many rows as the text needs, up to a sixth of the screen
		// (two at least) so the table keeps most; what is cut, ? shows.
		errLines = f.errLines(max(2, f.c.height/6))
	}
	return filterLine, errLines
}

// errLines is the last error in at most rows lines, ending where it is
// cut with where to read it whole.
func (f *tableScreen) errLines(rows int) string {
	said := f.said()
	rows = min(chrome.ErrRowsWanted(f.poll.ErrText, said, f.c.width), rows)
	return chrome.ErrLinesMore(f.poll.ErrText, said, rows, f.c.width, f.c.st, "?: full text")
}

// errRowsSpare is how many more rows the error lines would take of the
// rows a loaded table is given but leaves blank.
func (f *tableScreen) errRowsSpare(errLines string, rows int) int {
	if errLines == "" || !f.loaded || f.helpView.ShowAll {
		return 0
	}
	shown := chrome.LineCount(errLines)
	spare := rows - (len(f.table.Rows()) + 1) // the title line
	return max(0, min(spare, chrome.ErrRowsWanted(f.poll.ErrText, f.said(), f.c.width)-shown))
}

// said is how the chain's last text is put under the table.
func (f *tableScreen) said() chrome.Said {
	if f.saidBy != nil {
		return f.saidBy()
	}
	return chrome.SaidError
}

// tableIn is the table in rows lines (the legend while the full help
// shows it, the box before the first answer) and the header with where
// the view is in a long table, or the counts' line.
func (f *tableScreen) tableIn(rows int, header string, counts bool) (table, withPos string) {
	switch {
	case f.helpView.ShowAll && f.legend != "":
		table = chrome.FitRows(f.c.st.Text.Render(chrome.Wordwrap(f.legend, f.c.width)), max(rows, 0))
	case f.loaded:
		f.table.SetSize(f.c.width, rows)
		table = f.table.View()
		if pos := f.table.Position(); pos != "" && !counts {
			header += f.c.st.Muted.Render(f.c.ss.Sep + pos)
		}
	default:
		table = f.box(rows)
	}
	if counts {
		header += "\n" + f.counts(f.table.Position())
	}
	return table, header
}

// box stands where the table will be until the first answer: the wait,
// or, if that failed, the error in full, since it is all there is to show.
func (f *tableScreen) box(rows int) string {
	text := f.c.st.Muted.Render(f.waiting + f.c.ss.Dots)
	if f.poll.ErrText != "" {
		text = f.c.st.Level(model.Critical).Render(chrome.Wordwrap(f.poll.ErrText, f.c.width-4))
	}
	return chrome.Box(f.c.st, f.c.width, rows, text)
}

// filterLine is the filter being typed, or kept, and how many rows match.
func (f *tableScreen) filterLine() string {
	count := chrome.Plural(len(f.table.Rows()), "match", "matches")
	hint := "enter keeps it, esc clears it"
	if !f.typing {
		hint = "esc clears it"
	}
	return f.filter.View(f.c.st, f.typing, f.c.width/2) + "  " + f.c.st.Muted.Render(count+f.c.ss.Sep+hint)
}

// view is the screen: the cached body and the status bar drawn from si.
func (f *tableScreen) draw(si chrome.StatusInfo) string {
	if f.c.width <= 0 || f.c.height <= 0 {
		return ""
	}
	if f.tooSmall {
		return tooSmallText(f.c.width, f.c.height)
	}
	return f.body + "\n" + chrome.StatusBar(f.c.replaying(si), f.c.ss, f.c.width) + f.footer
}
