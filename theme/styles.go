package theme

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/qostop/qostop/model"
)

// Styles are the lipgloss styles built from one Theme. Build them once
// with NewStyles and keep the value; building styles per frame is waste.
type Styles struct {
	Theme    Theme
	Text     lipgloss.Style
	Muted    lipgloss.Style
	Title    lipgloss.Style
	Accent   lipgloss.Style
	Pane     lipgloss.Style // a pane's border box
	Focused  lipgloss.Style // the focused pane's border box
	Bar      lipgloss.Style // the status bar
	Key      lipgloss.Style // a key in help text
	levels   [4]lipgloss.Style
	ascii    bool
	renderer *lipgloss.Renderer
}

// NewStyles builds styles for t on renderer r (whose colour profile decides
// how much colour is written; NO_COLOR gives none). With ascii set, borders
// use plain ASCII for terminals whose fonts lack box-drawing glyphs.
func NewStyles(r *lipgloss.Renderer, t Theme, ascii bool) Styles {
	border := lipgloss.RoundedBorder()
	if ascii {
		border = lipgloss.ASCIIBorder()
	}
	s := Styles{Theme: t, ascii: ascii, renderer: r}
	s.Text = r.NewStyle().Foreground(t.Text)
	s.Muted = r.NewStyle().Foreground(t.Muted)
	s.Title = r.NewStyle().Foreground(t.Accent).Bold(true)
	s.Accent = r.NewStyle().Foreground(t.Accent)
	s.Pane = r.NewStyle().Border(border).BorderForeground(t.Border)
	s.Focused = r.NewStyle().Border(border).BorderForeground(t.Focus)
	s.Bar = r.NewStyle().Foreground(t.Text).Background(t.BarBG)
	s.Key = r.NewStyle().Foreground(t.Accent).Bold(true)
	s.levels[model.Unknown] = s.Muted
	s.levels[model.Good] = r.NewStyle().Foreground(t.Good)
	s.levels[model.Warn] = r.NewStyle().Foreground(t.Warn)
	s.levels[model.Critical] = r.NewStyle().Foreground(t.Critical).Bold(true)
	return s
}

// ASCII reports whether the styles were built for ASCII-only output.
func (s Styles) ASCII() bool { return s.ascii }

// Renderer is the renderer the styles were built on.
func (s Styles) Renderer() *lipgloss.Renderer { return s.renderer }

// Level is the style for a health level.
func (s Styles) Level(l model.Level) lipgloss.Style {
	if l < model.Unknown || l > model.Critical {
		l = model.Unknown
	}
	return s.levels[l]
}

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
