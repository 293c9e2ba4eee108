package ui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/qostop/qostop/model"
)

// The overview's cost per refresh at 300 participants, 120x40: what the
// Update of one answer does (merge into the roster, rows, view). "New"
// answers change everyone's readings, as a new minute does; "Repeat"
// answers are the same again (Zoom's minute not out yet), whose rows are
// kept. Issue 12's goal: 5 ms in 256 colours.
//
//	go test ./ui -run '^$' -bench Overview -benchmem
func BenchmarkOverviewNew256(b *testing.B)      { benchOverview(b, colorprofile.ANSI256, true) }
func BenchmarkOverviewNewAscii(b *testing.B)    { benchOverview(b, colorprofile.Ascii, true) }
func BenchmarkOverviewRepeat256(b *testing.B)   { benchOverview(b, colorprofile.ANSI256, false) }
func BenchmarkOverviewRepeatAscii(b *testing.B) { benchOverview(b, colorprofile.Ascii, false) }

func benchOverview(b *testing.B, profile colorprofile.Profile, changing bool) {
	answers := [2][]model.Participant{crowd(300, 0), crowd(300, 7)}
	src := newTableSource()
	src.setPeople(answers[0])
	h, _ := newTableHarness(b, src, 120, 40, onBridge, func(c *Config) { c.Profile = profile })
	m := h.overview()
	at, th := h.clock.Now(), m.c.cfg.Thresholds
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if changing {
			i++
		}
		ps := answers[i%2]
		m.roster.Merge(ps, at, th)
		m.judge(ps)
		m.refill()
		_ = m.view()
	}
}

// crowd is n participants whose latencies differ by shift ms from
// another crowd's: every reading changes between the two.
func crowd(n, shift int) []model.Participant {
	var cast []castMember
	for i := range n {
		cast = append(cast, castMember{name: fmt.Sprintf("Person %03d", i), latencyMS: float64(20 + (i+shift)%300), lossPct: float64(i%7) / 2})
	}
	return castOf(cast...)
}
