package theme

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/qostop/qostop/model"
)

// An ink writes what lipgloss would for every style a table cell or a
// pane line is drawn in, in every theme and colour profile: the screen
// looks the same whichever draws it.
func TestInkOfMatchesRender(t *testing.T) {
	for _, name := range Names {
		th, err := ByName(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI, colorprofile.Ascii} {
			st := NewStyles(p, th, false)
			styles := []lipgloss.Style{st.Text, st.Muted, st.Title, st.Accent, st.Bar, st.Key, st.Muted.Inherit(st.Bar)}
			for l := model.Unknown; l <= model.Critical; l++ {
				styles = append(styles, st.Level(l), st.Level(l).Inherit(st.Bar))
			}
			for i, s := range styles {
				for _, text := range []string{"42 ms", "  Alice Chen ", "↑52 ↓61*"} {
					var b strings.Builder
					InkOf(s).Put(&b, text)
					if want := s.Render(text); b.String() != want {
						t.Errorf("%s %v style %d: ink gives %q, lipgloss %q", name, p, i, b.String(), want)
					}
				}
			}
		}
	}
}

// A reading's role draws it as its level's style does.
func TestLevelRoleIsTheLevelsStyle(t *testing.T) {
	th, err := ByName("dark")
	if err != nil {
		t.Fatal(err)
	}
	st := NewStyles(colorprofile.ANSI256, th, false)
	for l := model.Unknown; l <= model.Critical; l++ {
		if got, want := st.Role(LevelRole(l)).Render("7%"), st.Level(l).Render("7%"); got != want {
			t.Errorf("%s: role draws %q, level %q", l, got, want)
		}
	}
}
