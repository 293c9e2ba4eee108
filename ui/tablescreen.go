package ui

import (
	"context"
	"math/rand/v2"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
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
	poller
	ctx            context.Context // cancelled when the screen goes; parent of every fetch
	keys           KeyMap
	tkeys          TableKeyMap
	st             theme.Styles
	ss             statusStyles
	help           help.Model
	sortable, back bool // whether s and esc do anything here, for the help
	table          table
	filter         lineInput
	typing         bool // the filter line has the keys

	loaded  bool   // an answer has come: the table, not the box, shows
	waiting string // what the box says before the first answer
	header  string // the screen's header lines, drawn by the screen, not cut to width

	width, height int
	tooSmall      bool
	body, footer  string
}

func newTableScreen(ctx context.Context, p poller, keys KeyMap, cols []column, sortable, back bool) tableScreen {
	f := tableScreen{poller: p, ctx: ctx, keys: keys, tkeys: DefaultTableKeyMap(),
		help: help.New(), table: newTable(cols), sortable: sortable, back: back}
	return f
}

func (f *tableScreen) setStyles(st theme.Styles) {
	f.st = st
	f.ss = newStatusStyles(st)
	styleHelp(&f.help, st)
	f.table.setStyles(st)
}

// key handles the keys both table screens share. handled is false for a
// key the screen (or, for esc, the app) should act on.
func (f *tableScreen) key(msg tea.KeyPressMsg) (cmd tea.Cmd, handled bool) {
	if f.typing {
		return f.typeKey(msg), true
	}
	if cmd, ok, redraw := sharedKey(msg, &f.keys, &f.help, &f.poller); ok {
		if redraw {
			f.rebuild()
		}
		return cmd, true
	}
	k, t := f.keys, f.tkeys
	switch {
	case key.Matches(msg, t.Up):
		f.table.move(-1)
	case key.Matches(msg, t.Down):
		f.table.move(+1)
	case key.Matches(msg, t.PageUp):
		f.table.move(-f.table.page())
	case key.Matches(msg, t.PageDown):
		f.table.move(f.table.page())
	case key.Matches(msg, t.Top):
		f.table.top()
	case key.Matches(msg, t.Bottom):
		f.table.move(len(f.table.rows))
	case key.Matches(msg, t.Filter):
		f.typing = true
	case key.Matches(msg, k.Back) && f.help.ShowAll:
		showAllHelp(&f.help, &f.keys, false)
	case key.Matches(msg, k.Back) && f.filter.text() != "":
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
		f.table.move(-1)
	case "down":
		f.table.move(+1)
	default:
		if !f.filter.update(msg) {
			return nil
		}
		f.table.setFilter(f.filter.text())
	}
	f.rebuild()
	return nil
}

func (f *tableScreen) setFilter(s string) {
	f.filter.set(s)
	f.table.setFilter(s)
}

// atRest reports whether esc has nothing left to close here, so it
// means going back.
func (f *tableScreen) atRest() bool {
	return !f.typing && !f.help.ShowAll && f.filter.text() == ""
}

// answer is what every fetch of a table screen brings besides its data.
type answer struct {
	seq      uint64
	err      error
	at       time.Time    // when it arrived
	requests int64        // Source.Requests() after the call
	jitter   float64      // in [0,1): drawn in the Cmd so Update stays deterministic
	seen     model.Answer // the newest sample in the data, for the schedule
}

// stamp completes an answer in the Cmd that fetched it.
func stamp(src Source, now func() time.Time, seq uint64, err error) answer {
	return answer{seq: seq, err: err, at: now(), requests: src.Requests(), jitter: rand.Float64()}
}

// take does the chain's part of an answer: ok says the screen should use
// its data; next continues the chain. A superseded answer, or the echo of
// the screen's own cancellation, has neither.
func (f *tableScreen) take(a answer, once bool) (ok bool, next tea.Cmd) {
	if !f.land(a.seq, a.at, a.requests) {
		return false, nil
	}
	if a.err != nil {
		if f.ctx.Err() != nil && canceled(a.err) {
			return false, nil
		}
		return false, f.failed(a.err, a.at, a.jitter)
	}
	f.loaded = true
	return true, f.succeeded(a.at, once, a.seen)
}

func (f *tableScreen) setSize(width, height int) {
	f.width, f.height = width, height
	f.help.SetWidth(width)
	f.rebuild()
}

// rebuild lays the screen out and redraws all but the status bar.
func (f *tableScreen) rebuild() {
	if f.width <= 0 || f.height <= 0 {
		return
	}
	f.tooSmall = f.width < minWidth || f.height < minHeight
	if f.tooSmall {
		return
	}
	short, full := tableHelp(f.keys, f.tkeys, f.sortable, f.back)
	var fullHelp string
	helpRows := 0
	if f.help.ShowAll {
		fullHelp, helpRows = fitFullHelp(f.help, full, f.width, f.helpNotes()...)
	}
	filterLine := ""
	if f.typing || f.filter.text() != "" {
		filterLine = f.filterLine()
	}
	errLines := ""
	if f.errText != "" && f.loaded {
		errLines = renderErrLines(f.errText, 2, f.width, f.st)
	}
	header := firstLines(f.header, 3)
	rows := f.height - 1 - lineCount(header) - lineCount(filterLine) - lineCount(errLines) - helpRows
	if !f.help.ShowAll {
		rows-- // the help line
	}
	var table string
	if f.loaded {
		f.table.setSize(f.width, rows)
		table = f.table.view()
		if pos := f.table.position(); pos != "" {
			header += f.st.Muted.Render(f.ss.sep + pos) // where the view is in a long table
		}
	} else {
		table = f.box(rows)
	}
	parts := []string{truncLines(header, f.width, f.st), table}
	for _, p := range []string{filterLine, errLines, fullHelp} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	f.body = strings.Join(parts, "\n")
	f.footer = ""
	if !f.help.ShowAll {
		f.footer = "\n" + fitShortHelp(f.help, short, f.width)
	}
}

// box stands where the table will be until the first answer: the wait,
// or, if that failed, the error in full, since it is all there is to show.
func (f *tableScreen) box(rows int) string {
	text := f.st.Muted.Render(f.waiting + f.ss.dots)
	if f.errText != "" {
		text = f.st.Level(model.Critical).Render(wordwrap(f.errText, f.width-4))
	}
	return renderBox(f.st, f.width, rows, text)
}

// filterLine is the filter being typed, or kept, and how many rows match.
func (f *tableScreen) filterLine() string {
	count := plural(len(f.table.rows), "match", "matches")
	hint := "enter keeps it, esc clears it"
	if !f.typing {
		hint = "esc clears it"
	}
	return f.filter.view(f.st, f.typing, f.width/2) + "  " + f.st.Muted.Render(count+f.ss.sep+hint)
}

// view is the screen: the cached body and the status bar drawn from si.
func (f *tableScreen) view(si statusInfo) string {
	if f.width <= 0 || f.height <= 0 {
		return ""
	}
	if f.tooSmall {
		return tooSmallText(f.width, f.height)
	}
	return f.body + "\n" + renderStatus(si, f.ss, f.width) + f.footer
}

func lineCount(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}
