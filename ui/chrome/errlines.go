package chrome

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// The error under a screen's data: the whole text where there are rows
// for it, else cut at a word with where to read the rest.

// MaxErrRows is the most rows the watch screen gives an error: the
// event log (l) holds the whole text of every one.
const MaxErrRows = 6

// Said is how the chain's last text is put under a screen: the word it
// starts with and its colour.
type Said struct {
	Lead  string
	Level model.Level
}

var (
	// SaidError is a failure: "error: ", in the critical colour.
	SaidError = Said{"error: ", model.Critical}
	// SaidEnded is the end of the call, which is no fault: no "error:",
	// in the colour of the ENDED badge.
	SaidEnded = Said{"", model.Warn}
)

// ErrRowsWanted is how many rows text fills at width, at most
// MaxErrRows.
func ErrRowsWanted(text string, said Said, width int) int {
	if text == "" || width <= 0 {
		return 0
	}
	return min(LineCount(Wordwrap(said.Lead+text, width)), MaxErrRows)
}

// ErrLines draws text in plain words over at most rows lines of width
// cells, cutting the last line if the text is longer.
func ErrLines(text string, said Said, rows, width int, st theme.Styles) string {
	if rows <= 0 || width <= 0 || text == "" {
		return ""
	}
	lines := strings.Split(Wordwrap(said.Lead+text, width), "\n")
	if len(lines) > rows {
		rest := strings.Join(lines[rows-1:], " ")
		lines = append(lines[:rows-1], ansi.Truncate(rest, width, Ellipsis(st)))
	}
	for i, l := range lines {
		lines[i] = st.Level(said.Level).Render(ansi.Truncate(l, width, ""))
	}
	return strings.Join(lines, "\n")
}

// ErrLinesMore is ErrLines that, when it must cut, ends the last line at
// a word with an ellipsis and more, in the muted style, e.g. "… l: full
// text": a cut error the user cannot read whole is no help, and the
// screen says where it is whole.
func ErrLinesMore(text string, said Said, rows, width int, st theme.Styles, more string) string {
	if rows <= 0 || width <= 0 || text == "" {
		return ""
	}
	style := st.Level(said.Level)
	lines := strings.Split(Wordwrap(said.Lead+text, width), "\n")
	tail := " " + Ellipsis(st) + " " + more
	if len(lines) <= rows || more == "" || ansi.StringWidth(tail)+10 > width {
		return ErrLines(text, said, rows, width, st)
	}
	rest := strings.Join(lines[rows-1:], " ")
	last, _, _ := strings.Cut(Wordwrap(rest, width-ansi.StringWidth(tail)), "\n")
	out := make([]string, 0, rows)
	for _, l := range lines[:rows-1] {
		out = append(out, style.Render(ansi.Truncate(l, width, "")))
	}
	out = append(out, style.Render(ansi.Truncate(last, width-ansi.StringWidth(tail), ""))+st.Muted.Render(tail))
	return strings.Join(out, "\n")
}
