package theme

import (
	"image/color"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/qostop/qostop/model"
)

// Styles are the lipgloss styles built from one Theme. Build them once
// with NewStyles and keep the value; building styles per frame is waste.
type Styles struct {
	Theme   Theme
	Text    lipgloss.Style
	Muted   lipgloss.Style
	Title   lipgloss.Style
	Accent  lipgloss.Style
	Pane    lipgloss.Style // a pane's border box
	Focused lipgloss.Style // the focused pane's border box
	Bar     lipgloss.Style // the status bar
	Key     lipgloss.Style // a key in help text
	levels  [4]lipgloss.Style
	ascii   bool
	profile colorprofile.Profile
}

// NewStyles builds styles for t in colour profile p, which decides how much
// colour is written: Ascii and NoTTY (NO_COLOR) give plain text, as
// lipgloss v1's renderer did, so levels read by their markers alone and
// the golden files hold no escape codes. Colours are converted here, once,
// rather than by Bubble Tea's renderer on every frame. With ascii set,
// borders use plain ASCII for terminals whose fonts lack box-drawing
// glyphs.
func NewStyles(p colorprofile.Profile, t Theme, ascii bool) Styles {
	s := Styles{Theme: t, ascii: ascii, profile: p}
	border := s.Glyphs().Border
	r := s.NewStyle
	s.Text = r().Foreground(t.Text).Style()
	s.Muted = r().Foreground(t.Muted).Style()
	s.Title = r().Foreground(t.Accent).Bold(true).Style()
	s.Accent = r().Foreground(t.Accent).Style()
	s.Pane = r().Border(border).BorderForeground(t.Border).Style()
	s.Focused = r().Border(border).BorderForeground(t.Focus).Style()
	s.Bar = r().Foreground(t.Text).Background(t.BarBG).Style()
	s.Key = r().Foreground(t.Accent).Bold(true).Style()
	s.levels[model.Unknown] = s.Muted
	s.levels[model.Good] = r().Foreground(t.Good).Style()
	s.levels[model.Warn] = r().Foreground(t.Warn).Style()
	s.levels[model.Critical] = r().Foreground(t.Critical).Bold(true).Style()
	return s
}

// Glyphs are the styles' glyph set: ASCII with --ascii, else Unicode
// (also for the zero Styles).
func (s Styles) Glyphs() Glyphs {
	if s.ascii {
		return asciiGlyphs
	}
	return unicodeGlyphs
}

// ASCII reports whether the styles were built for ASCII-only output.
func (s Styles) ASCII() bool { return s.ascii }

// Profile is the colour profile the styles were built for.
func (s Styles) Profile() colorprofile.Profile { return s.profile }

// NewStyle is an empty style for the styles' profile: Foreground,
// Background and Bold on it do nothing where the profile has no colour.
func (s Styles) NewStyle() ProfileStyle { return ProfileStyle{p: s.profile} }

// ProfileStyle is a lipgloss style builder that converts colours to a
// profile.
type ProfileStyle struct {
	st lipgloss.Style
	p  colorprofile.Profile
}

// Foreground sets the text colour, converted to the profile.
func (s ProfileStyle) Foreground(c color.Color) ProfileStyle {
	if c = s.p.Convert(c); c != nil {
		s.st = s.st.Foreground(c)
	}
	return s
}

// Background sets the background colour, converted to the profile.
func (s ProfileStyle) Background(c color.Color) ProfileStyle {
	if c = s.p.Convert(c); c != nil {
		s.st = s.st.Background(c)
	}
	return s
}

// Bold sets bold where the profile writes attributes.
func (s ProfileStyle) Bold(on bool) ProfileStyle {
	if s.p > colorprofile.ASCII {
		s.st = s.st.Bold(on)
	}
	return s
}

// Border sets the border glyphs, which every profile draws.
func (s ProfileStyle) Border(b lipgloss.Border) ProfileStyle {
	s.st = s.st.Border(b)
	return s
}

// BorderForeground sets the border colour, converted to the profile.
func (s ProfileStyle) BorderForeground(c color.Color) ProfileStyle {
	if c = s.p.Convert(c); c != nil {
		s.st = s.st.BorderForeground(c)
	}
	return s
}

// Strong is s in bold, where the profile writes attributes.
func (s Styles) Strong(st lipgloss.Style) lipgloss.Style {
	if s.profile > colorprofile.ASCII {
		return st.Bold(true)
	}
	return st
}

// Level is the style for a health level.
func (s Styles) Level(l model.Level) lipgloss.Style {
	if l < model.Unknown || l > model.Critical {
		l = model.Unknown
	}
	return s.levels[l]
}

// OldMark follows a reading older than the stale rule, wherever one is
// drawn: dim says it in colour, the mark says it in NO_COLOR too. Not "~",
// the ASCII ellipsis.
const OldMark = "?"

// Marker is a level's colour-free cue, so that health reads on a
// monochrome terminal too: "!" critical, "*" warn, " " otherwise.
func Marker(l model.Level) string {
	switch l {
	case model.Critical:
		return "!"
	case model.Warn:
		return "*"
	}
	return " "
}

// Style is the lipgloss style built.
func (s ProfileStyle) Style() lipgloss.Style { return s.st }
