package chrome

import (
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// testStyles are the dark theme on the given colour profile; Ascii gives
// colour-free output. (ui and ui/pane have their own copies: test helpers
// do not cross packages.)
func testStyles(p colorprofile.Profile, ascii bool) theme.Styles {
	return theme.NewStyles(p, theme.Dark(), ascii)
}

func ms(v float64) model.Value { return model.Some(v) }

// flat is text with its lines joined by spaces, for text that wraps.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }
