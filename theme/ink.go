package theme

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/qostop/qostop/model"
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

// Role names the style of a table cell by what its text is, so that a
// row of cells holds a byte each instead of a ~600-byte lipgloss.Style
// (300 rows are rebuilt on each of Zoom's minutes), and the table turns
// roles into inks once per theme.
type Role uint8

// The roles a cell can have.
const (
	RoleText Role = iota
	RoleMuted
	RoleGood
	RoleWarn
	RoleCritical
	NumRoles
)

// LevelRole is the role of a reading judged l: an unjudged one is muted,
// as Styles.Level draws it.
func LevelRole(l model.Level) Role {
	switch l {
	case model.Good:
		return RoleGood
	case model.Warn:
		return RoleWarn
	case model.Critical:
		return RoleCritical
	}
	return RoleMuted
}

// Role is the style of role r.
func (s Styles) Role(r Role) lipgloss.Style {
	switch r {
	case RoleMuted:
		return s.Muted
	case RoleGood:
		return s.Level(model.Good)
	case RoleWarn:
		return s.Level(model.Warn)
	case RoleCritical:
		return s.Level(model.Critical)
	}
	return s.Text
}
