// Package theme maps semantic roles (text, border, good, warn, critical…)
// to colours, and builds every lipgloss style the UI uses once per theme.
// Colours live here and nowhere else; model decides levels, theme decides
// how a level looks.
package theme

import (
	"fmt"
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
)

// Theme is a palette of semantic colours.
type Theme struct {
	Name     string
	Text     color.Color
	Muted    color.Color
	Accent   color.Color
	Border   color.Color
	Focus    color.Color
	Good     color.Color
	Warn     color.Color
	Critical color.Color
	BarBG    color.Color
}

// Names lists the built-in themes in the order `t` cycles them.
var Names = []string{"dark", "light", "high-contrast"}

// Choices are the values ByName takes, as --theme lists them: auto (the
// default) and then Names.
func Choices() []string { return append([]string{"auto"}, Names...) }

// Dark is the default, for dark terminal backgrounds.
func Dark() Theme {
	return Theme{
		Name: "dark", Text: lipgloss.Color("252"), Muted: lipgloss.Color("244"),
		Accent: lipgloss.Color("75"), Border: lipgloss.Color("240"), Focus: lipgloss.Color("75"),
		Good: lipgloss.Color("78"), Warn: lipgloss.Color("220"), Critical: lipgloss.Color("203"),
		BarBG: lipgloss.Color("236"),
	}
}

// Light suits light backgrounds: darker hues that keep contrast on white.
func Light() Theme {
	return Theme{
		Name: "light", Text: lipgloss.Color("235"), Muted: lipgloss.Color("242"),
		Accent: lipgloss.Color("25"), Border: lipgloss.Color("248"), Focus: lipgloss.Color("25"),
		Good: lipgloss.Color("28"), Warn: lipgloss.Color("130"), Critical: lipgloss.Color("160"),
		BarBG: lipgloss.Color("254"),
	}
}

// HighContrast uses the terminal's own foreground for text and borders and
// the 16 basic ANSI colours for the rest, never a bright white or yellow
// that vanishes on a light background, and no bar background, so it reads
// on a dark terminal and a light one alike, through any multiplexer.
func HighContrast() Theme {
	return Theme{
		Name: "high-contrast", Text: lipgloss.NoColor{}, Muted: lipgloss.Color("8"),
		Accent: lipgloss.Color("4"), Border: lipgloss.NoColor{}, Focus: lipgloss.Color("5"),
		Good: lipgloss.Color("2"), Warn: lipgloss.Color("3"), Critical: lipgloss.Color("1"),
		BarBG: lipgloss.NoColor{},
	}
}

// ByName returns the named theme, or an error listing every choice.
func ByName(name string) (Theme, error) {
	switch strings.ToLower(name) {
	case "auto":
		return Theme{}, nil // the zero Theme: the ui picks dark or light from the terminal's background
	case "dark", "":
		return Dark(), nil
	case "light":
		return Light(), nil
	case "high-contrast", "highcontrast", "hc":
		return HighContrast(), nil
	}
	return Theme{}, fmt.Errorf("unknown theme %q: choose one of %s", name, strings.Join(Choices(), ", "))
}

// Next is the theme after t in Names, wrapping around.
func Next(t Theme) Theme {
	for i, n := range Names {
		if n == t.Name {
			next, _ := ByName(Names[(i+1)%len(Names)])
			return next
		}
	}
	return Dark()
}
