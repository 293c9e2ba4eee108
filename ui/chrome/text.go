package chrome

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/qostop/qostop/theme"
)

// Text fitted to the frame: cut, padded, counted.

// Plural is "1 event" or "3 events".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// TitleRule is "── name ─────" across width, in the muted colour.
func TitleRule(name string, width int, st theme.Styles) string {
	dash := st.Glyphs().Rule
	s := dash + dash + " " + name + " "
	if n := width - ansi.StringWidth(s); n > 0 {
		s += strings.Repeat(dash, n)
	}
	return st.Muted.Render(ansi.Truncate(s, width, ""))
}

// Ellipsis is the tail of cut text: "…", or "~" where only ASCII may be drawn.
func Ellipsis(st theme.Styles) string { return st.Glyphs().Ellipsis }

// FirstLines is the first n lines of s.
func FirstLines(s string, n int) string {
	if n <= 0 {
		return ""
	}
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// FitRows cuts or pads s to exactly n lines.
func FitRows(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// LineCount is how many lines s has; none when empty.
func LineCount(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, "\n") + 1
}
