package chrome

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// maxProfileName bounds the profile's name in the header: it names an
// account, and the line has a meeting to show too.
const maxProfileName = 24

// ProfileTag is the config file profile's name as every screen's first
// line ends with it, in the profile's accent colour (the theme's accent
// without one): with two accounts open in two terminals, which is which
// shows at a glance, as k9s shows its context. "" without a profile.
func ProfileTag(name, accent string, st theme.Styles) string {
	name = ansi.Truncate(strings.TrimSpace(model.Sanitize(name)), maxProfileName, "…")
	if name == "" {
		return ""
	}
	style := st.Strong(st.Accent)
	if accent != "" { // the config file checked its form
		style = st.NewStyle().Foreground(lipgloss.Color(accent)).Bold(true).Style()
	}
	return style.Render("[" + name + "]")
}

// WithProfileTag puts tag at the right end of view's first line, cutting
// the end of that line where they would meet. A terminal too narrow for
// both keeps the screen's line as it is.
func WithProfileTag(view, tag string, width int) string {
	tw := ansi.StringWidth(tag)
	if tag == "" || tw+2 > width {
		return view
	}
	first, rest, more := strings.Cut(view, "\n")
	first = ansi.Truncate(strings.TrimRight(first, " "), width-tw-1, "…")
	first += strings.Repeat(" ", width-tw-ansi.StringWidth(first)) + tag
	if more {
		return first + "\n" + rest
	}
	return first
}
