package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// Without colours (NO_COLOR, which Bubble Tea reports as the Ascii
// profile, or a terminal that has none) every theme draws alike: t says
// so instead of naming a theme that changes nothing, and keeps the one
// it has. Once colours come, t cycles again.
func TestThemeKeyWithoutColoursSaysSo(t *testing.T) {
	h := newHarness(t, &fakeSource{p: callParticipant(true)}, 100, 24)
	h.start()
	for _, p := range []colorprofile.Profile{colorprofile.Ascii, colorprofile.NoTTY} {
		h.send(tea.ColorProfileMsg{Profile: p})
		before := h.a.content()
		h.key("t")
		v := h.a.View().Content
		if !strings.Contains(v, "no colours to change: NO_COLOR is set") || strings.Contains(v, "t cycles") {
			t.Fatalf("%v: t does not say there are no colours:\n%s", p, v)
		}
		if h.a.theme.Name != "dark" || h.a.content() != before {
			t.Errorf("%v: t changed the theme to %q, or the screen", p, h.a.theme.Name)
		}
	}
	h.send(tea.ColorProfileMsg{Profile: colorprofile.ANSI256})
	h.key("t")
	if v := h.a.View().Content; !strings.Contains(v, "theme light (t cycles") {
		t.Fatalf("with colours, t does not cycle:\n%s", v)
	}
}
