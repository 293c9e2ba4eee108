package theme

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/qostop/qostop/model"
)

func TestByNameAndNextCycleEveryTheme(t *testing.T) {
	th, err := ByName("dark")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for range Names {
		seen[th.Name] = true
		th = Next(th)
	}
	if th.Name != "dark" || len(seen) != len(Names) {
		t.Errorf("t cycles through %v and back to %q; want all of %v and back to dark", seen, th.Name, Names)
	}
}

// The error for an unknown theme lists every value ByName takes,
// auto (the default) included.
func TestUnknownThemeListsEveryChoice(t *testing.T) {
	_, unknown := ByName("solarized")
	if unknown == nil {
		t.Fatal("ByName(solarized) took it")
	}
	for _, name := range Choices() {
		if _, err := ByName(name); err != nil {
			t.Errorf("ByName(%q): %v", name, err)
		}
		if !strings.Contains(unknown.Error(), name) {
			t.Errorf("unknown theme error %q does not list %q", unknown, name)
		}
	}
	if !strings.Contains(unknown.Error(), "auto") {
		t.Errorf("unknown theme error %q leaves out the default, auto", unknown)
	}
}

// A level must read without colour: the marker carries it on a
// monochrome terminal, and NO_COLOR (the Ascii profile) writes no escapes.
func TestLevelsReadWithoutColour(t *testing.T) {
	if Marker(model.Critical) == Marker(model.Warn) || Marker(model.Warn) == Marker(model.Good) {
		t.Errorf("markers must differ: critical %q warn %q good %q", Marker(model.Critical), Marker(model.Warn), Marker(model.Good))
	}
	st := NewStyles(colorprofile.Ascii, HighContrast(), true)
	if got := st.Level(model.Critical).Render("7.2%"); got != "7.2%" {
		t.Errorf("Ascii profile rendered %q, want the bare text", got)
	}
	box := st.Pane.Render("x")
	for _, c := range box {
		if c >= 0x80 {
			t.Fatalf("ascii styles drew a non-ASCII border: %q", box)
		}
	}
	colour := NewStyles(colorprofile.ANSI256, Dark(), false)
	if colour.Level(model.Critical).Render("x") == colour.Level(model.Good).Render("x") {
		t.Error("critical and good look the same in colour")
	}
}

// auto is the zero Theme: the ui reads it as "pick dark or light from the
// terminal's background".
func TestAutoIsTheZeroTheme(t *testing.T) {
	if th, err := ByName("auto"); err != nil || th.Name != "" {
		t.Fatalf("ByName(auto) = %q, %v; want the zero Theme", th.Name, err)
	}
}
