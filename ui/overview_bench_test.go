package ui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// The overview's cost per refresh at 300 participants, 120x40: what the
// Update of one answer does (merge into the roster, rows, view), and the
// rows and view alone. Issue 12's goal: 5 ms in 256 colours.
//
//	go test ./ui -run '^$' -bench Overview -benchmem
func BenchmarkOverviewRefresh256(b *testing.B) { benchOverview(b, colorprofile.ANSI256, true) }
func BenchmarkOverviewRefreshAscii(b *testing.B) {
	benchOverview(b, colorprofile.Ascii, true)
}
func BenchmarkOverviewRows256(b *testing.B)   { benchOverview(b, colorprofile.ANSI256, false) }
func BenchmarkOverviewRowsAscii(b *testing.B) { benchOverview(b, colorprofile.Ascii, false) }

func benchOverview(b *testing.B, profile colorprofile.Profile, merge bool) {
	var cast []castMember
	for i := range 300 {
		cast = append(cast, castMember{name: fmt.Sprintf("Person %03d", i), latencyMS: float64(20 + i%300), lossPct: float64(i%7) / 2})
	}
	ps := castOf(cast...)
	src := newTableSource()
	src.setPeople(ps)
	h, _ := newTableHarness(b, src, 120, 40, onBridge, func(c *Config) { c.Profile = profile })
	m := h.overview()
	at, th := h.clock.Now(), m.c.cfg.Thresholds
	b.ReportAllocs()
	for b.Loop() {
		if merge {
			m.roster.Merge(ps, at, th)
			m.judge(ps)
		}
		m.refill()
		_ = m.view()
	}
}
