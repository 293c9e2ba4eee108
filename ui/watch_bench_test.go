package ui

import (
	"testing"
	"time"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/poll"
)

// BenchmarkClockTick is the cost of one clock message and one View: what
// an idle screen pays each time its status bar changes (an age's minute),
// no longer once a second. The panes are not redrawn.
func BenchmarkClockTick(b *testing.B) {
	h := newHarness(b, &fakeSource{p: callParticipant(true)}, 200, 60)
	h.start()
	now := h.clock.Now()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m, _ := h.a.Update(clockMsg{now: now.Add(time.Duration(i) * time.Second)})
		h.a = m.(*app)
		_ = h.a.content()
	}
}

// BenchmarkNewData is the cost of an answer with a new sample: merge,
// events, and a redraw of every pane.
func BenchmarkNewData(b *testing.B) {
	p := callParticipant(true)
	h := newHarness(b, &fakeSource{p: p}, 200, 60)
	h.start()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s := p.Samples[len(p.Samples)-1]
		s.Time = s.Time.Add(time.Duration(i+1) * time.Minute)
		h.watch().chain().Seq++
		h.watch().chain().Inflight = true
		m, _ := h.a.Update(feed.FetchedMsg{Answer: poll.Answer{Envelope: h.watch().chain().Envelope(), At: s.Time}, P: func() (q model.Participant) { q = p; q.Samples = append(q.Samples[:0:0], s); return }()})
		h.a = m.(*app)
		_ = h.a.content()
	}
}
