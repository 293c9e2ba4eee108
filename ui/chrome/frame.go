package chrome

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// Pieces every screen draws the same way.

// Trail draws breadcrumbs, "Meetings › Incident bridge › Alice
// Chen", the last (where we are) as a title.
func Trail(crumbs []string, st theme.Styles) string {
	sep := st.Glyphs().Crumb
	parts := make([]string, len(crumbs))
	for i, c := range crumbs {
		c = strings.TrimSpace(model.Sanitize(c))
		if i == len(crumbs)-1 {
			parts[i] = st.Title.Render(c)
		} else {
			parts[i] = st.Text.Render(c)
		}
	}
	return strings.Join(parts, st.Muted.Render(sep))
}

// Box is a bordered box of rows lines across width, with text in
// it: what a screen shows where its data will be.
func Box(st theme.Styles, width, rows int, text string) string {
	// lipgloss v2 counts the border in Width and Height.
	box := st.Pane.Width(width).Height(rows).MaxHeight(rows).Padding(0, 1)
	return box.Render(FirstLines(text, max(rows-2, 0)))
}

// TruncLines cuts every line of s to width, marking the cut.
func TruncLines(s string, width int, st theme.Styles) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, width, Ellipsis(st))
	}
	return strings.Join(lines, "\n")
}
