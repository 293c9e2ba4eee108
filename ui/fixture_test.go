package ui

import (
	"github.com/charmbracelet/colorprofile"
	"github.com/qostop/qostop/theme"
)

// testStyles are the dark theme on the given colour profile; Ascii gives
// colour-free output for golden files. (ui/pane has its own copy: test
// helpers do not cross packages.)
func testStyles(p colorprofile.Profile, ascii bool) theme.Styles {
	return theme.NewStyles(p, theme.Dark(), ascii)
}
