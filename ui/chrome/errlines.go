package chrome

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// The error under the watch screen's panes: the whole text where there
// are rows for it, else cut at a word with where to read the rest.

// MaxErrRows is the most rows the watch screen gives an error: the
// event log (l) holds the whole text of every one.
const MaxErrRows = 6

// ErrRowsWanted is how many rows the error text fills at width, at most
// MaxErrRows.
func ErrRowsWanted(text string, width int) int {
	if text == "" || width <= 0 {
		return 0
	}
	return min(LineCount(Wordwrap("error: "+text, width)), MaxErrRows)
}

// ErrLinesMore is renderErrLines that, when it must cut, ends the
// last line at a word with an ellipsis and more, in the muted style,
// e.g. "… l: full text": a cut error the user cannot read whole is no
// help, and the watch screen's event log has it whole.
func ErrLinesMore(text string, rows, width int, st theme.Styles, more string) string {
	if rows <= 0 || width <= 0 || text == "" {
		return ""
	}
	crit := st.Level(model.Critical)
	lines := strings.Split(Wordwrap("error: "+text, width), "\n")
	tail := " " + Ellipsis(st) + " " + more
	if len(lines) <= rows || more == "" || ansi.StringWidth(tail)+10 > width {
		return ErrLines(text, rows, width, st)
	}
	rest := strings.Join(lines[rows-1:], " ")
	last, _, _ := strings.Cut(Wordwrap(rest, width-ansi.StringWidth(tail)), "\n")
	out := make([]string, 0, rows)
	for _, l := range lines[:rows-1] {
		out = append(out, crit.Render(ansi.Truncate(l, width, "")))
	}
	out = append(out, crit.Render(ansi.Truncate(last, width-ansi.StringWidth(tail), ""))+st.Muted.Render(tail))
	return strings.Join(out, "\n")
}
