package theme

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Ink is a style reduced to the escape sequences it puts around text, so
// a sparkline of 100 columns or a table of 40 rows costs a few string
// writes instead of a lipgloss render per cell. Only plain
// foreground/background/bold styles reduce this way, which is all the
// level and text styles here are; the zero Ink writes plain text.
type Ink struct{ Pre, Suf string }

// InkOf reduces s to its escape sequences.
func InkOf(s lipgloss.Style) Ink {
	const probe = "x"
	out := s.Render(probe)
	i := strings.Index(out, probe)
	if i < 0 || strings.Count(out, probe) != 1 {
		return Ink{}
	}
	return Ink{Pre: out[:i], Suf: out[i+len(probe):]}
}

// Put writes s in the ink's colour.
func (k Ink) Put(b *strings.Builder, s string) {
	if k.Pre == "" {
		b.WriteString(s)
		return
	}
	b.WriteString(k.Pre)
	b.WriteString(s)
	b.WriteString(k.Suf)
}
