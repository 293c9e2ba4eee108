package chrome

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/theme"
)

// The help conventions every screen shares: a one-line help that ends
// with "? more keys", and the full help that ? toggles.

// StyleHelp applies a theme to a help model.
func StyleHelp(h *help.Model, st theme.Styles) {
	h.Styles = help.Styles{
		ShortKey: st.Key, ShortDesc: st.Muted, ShortSeparator: st.Muted, Ellipsis: st.Muted,
		FullKey: st.Key, FullDesc: st.Muted, FullSeparator: st.Muted,
	}
	h.ShortSeparator, h.Ellipsis = st.Glyphs().Sep, st.Glyphs().Ellipsis
}

// ShortHelp is the help line, cut by whole bindings to fit the width
// and always ending with the last binding (the key that shows the rest).
// (help.Model's own cutting overruns the width when its ellipsis does
// not fit.)
func ShortHelp(h help.Model, bs []key.Binding, width int) string {
	h.SetWidth(0)
	line := h.ShortHelpView(bs)
	for len(bs) > 1 && ansi.StringWidth(line) > width {
		bs = append(bs[:len(bs)-2:len(bs)-2], bs[len(bs)-1])
		line = h.ShortHelpView(bs)
	}
	return ansi.Truncate(line, width, "")
}

// FullHelp is the full help cut to width, and its height; notes
// (how the screen polls, what it has spent) follow the keys, wrapped.
func FullHelp(h help.Model, groups [][]key.Binding, width int, notes ...string) (string, int) {
	fh, cols := flowHelp(h, groups, width)
	full := fh.FullHelpView(cols)
	lines := strings.Split(full, "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, width, "")
	}
	for _, n := range notes {
		for _, l := range strings.Split(Wordwrap(n, width), "\n") {
			lines = append(lines, h.Styles.FullDesc.Render(ansi.Truncate(l, width, "")))
		}
	}
	return strings.Join(lines, "\n"), len(lines)
}
