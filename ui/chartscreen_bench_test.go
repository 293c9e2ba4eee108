package ui

import (
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// BenchmarkChartScreen is the chart screen at 200x60 in 256 colours with
// a day of history: a frame with nothing changed, a scroll (← then →,
// so each press redraws every chart on screen from the history), and a
// cursor move (← then → with the cursor on: the text is rewritten, no
// canvas drawn).
func BenchmarkChartScreen(b *testing.B) {
	setup := func(b *testing.B) *harness {
		h := newHarness(b, &fakeSource{p: dayParticipant()}, 200, 60, func(c *Config) { c.Profile = colorprofile.ANSI256 })
		h.start()
		h.key("enter")
		for range 3 {
			h.key("[") // 1h of the day: there is somewhere to scroll to
		}
		return h
	}
	b.Run("unchanged", func(b *testing.B) {
		h := setup(b)
		b.ReportAllocs()
		for b.Loop() {
			_ = h.a.content()
		}
	})
	b.Run("scroll", func(b *testing.B) {
		h := setup(b)
		keys := []string{"left", "right"}
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			h.key(keys[i%2])
			_ = h.a.content()
		}
	})
	b.Run("cursor", func(b *testing.B) {
		h := setup(b)
		h.key("c")
		h.key("left") // off the newest sample, so → moves too
		keys := []string{"left", "right"}
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			h.key(keys[i%2])
			_ = h.a.content()
		}
	})
}
