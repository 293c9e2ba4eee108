package ui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// BenchmarkOverviewRefill is what one answer costs the overview of a
// 42-person meeting: rank everyone, diagnose, rebuild the rows and the
// drawing. It runs once per poll, never per frame.
func BenchmarkOverviewRefill(b *testing.B) {
	for _, prof := range []colorprofile.Profile{colorprofile.Ascii, colorprofile.ANSI256} {
		b.Run(prof.String(), func(b *testing.B) {
			var cast []castMember
			for i := range 42 {
				cast = append(cast, castMember{name: fmt.Sprintf("Person %02d", i), latencyMS: 40 + float64(i*7%200), lossPct: float64(i%9) / 2})
			}
			src := newTableSource()
			src.setPeople(castOf(cast...))
			h, _ := newTableHarness(b, src, 120, 40, onBridge, func(c *Config) { c.Profile = prof })
			o := h.overview()
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				o.refill()
			}
		})
	}
}
