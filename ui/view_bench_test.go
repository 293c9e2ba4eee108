package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/poll"
)

// dayParticipant is callParticipant's 40-minute call repeated to a full
// day: the most history the watch screen keeps (model.DefaultHistoryCap).
func dayParticipant() model.Participant {
	p := callParticipant(true)
	base := p.Samples
	p.Samples = nil
	for rep := 0; len(p.Samples) < model.DefaultHistoryCap; rep++ {
		for _, s := range base {
			s.Time = s.Time.Add(time.Duration(rep*len(base)) * time.Minute)
			p.Samples = append(p.Samples, s)
		}
	}
	p.Samples = p.Samples[:model.DefaultHistoryCap]
	return p
}

// BenchmarkView measures two View costs at 80x24 and 200x60
// with a full day of history and the "all" window: a frame where nothing
// changed (the cached path every render tick takes) and a frame after an
// answer with a new sample (merge, events, every pane redrawn).
//
// Each runs in the Ascii profile (no escape codes, as the goldens) and in
// 256 colours, which is what most terminals get and where every styled
// cell costs its escape codes.
func BenchmarkView(b *testing.B) {
	for _, sp := range []struct {
		size    [2]int
		profile colorprofile.Profile
	}{{[2]int{80, 24}, colorprofile.Ascii}, {[2]int{200, 60}, colorprofile.Ascii},
		{[2]int{80, 24}, colorprofile.ANSI256}, {[2]int{200, 60}, colorprofile.ANSI256}} {
		size := sp.size
		p := dayParticipant()
		setup := func(b *testing.B) *harness {
			h := newHarness(b, &fakeSource{p: p}, size[0], size[1], func(c *Config) { c.Profile = sp.profile })
			h.start()
			for h.watch().span() != 24*time.Hour {
				h.key("]")
			}
			return h
		}
		name := fmt.Sprintf("%s/%dx%d", sp.profile, size[0], size[1])
		b.Run(name+"/unchanged", func(b *testing.B) {
			h := setup(b)
			b.ReportAllocs()
			for b.Loop() {
				_ = h.a.content()
			}
		})
		b.Run(name+"/new-sample", func(b *testing.B) {
			h := setup(b)
			last := p.Samples[len(p.Samples)-1]
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				s := last
				s.Time = last.Time.Add(time.Duration(i+1) * time.Minute)
				h.watch().chain().Seq++
				h.watch().chain().Inflight = true
				m, _ := h.a.Update(feed.FetchedMsg{Answer: poll.Answer{Envelope: h.watch().chain().Envelope(), At: s.Time}, P: model.Participant{UserName: p.UserName, Samples: []model.Sample{s}}})
				h.a = m.(*app)
				_ = h.a.content()
			}
		})
	}
}
