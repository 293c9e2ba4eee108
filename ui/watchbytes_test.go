package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/poll"
)

// changedCells is how many cells of frame b differ from frame a (both
// without escape codes): what a renderer that diffs cells must send.
func changedCells(a, b string) int {
	al, bl := strings.Split(ansi.Strip(a), "\n"), strings.Split(ansi.Strip(b), "\n")
	n := 0
	for i := range max(len(al), len(bl)) {
		var ar, br []rune
		if i < len(al) {
			ar = []rune(al[i])
		}
		if i < len(bl) {
			br = []rune(bl[i])
		}
		for j := range max(len(ar), len(br)) {
			if j >= len(ar) || j >= len(br) || ar[j] != br[j] {
				n++
			}
		}
	}
	return n
}

// newSample delivers s as the answer of a poll at s's time (on the fake
// clock, 38 s after it, as Zoom's minute is published late).
func (h *harness) newSample(p model.Participant, s model.Sample) {
	h.t.Helper()
	h.clock.set(s.Time.Add(38 * time.Second))
	h.watch().chain().Seq++
	h.watch().chain().Inflight = true
	q := p
	q.Samples = []model.Sample{s}
	h.send(feed.FetchedMsg{Answer: poll.Answer{Envelope: h.watch().chain().Envelope(), At: h.clock.Now()}, P: q})
}

// On a new sample the watch screen changes the cells that carry it (the
// newest column of each sparkline, the values, the status bar), not every
// column. Over 30 new minutes at 200x60 in the fitted window: of a
// 40-minute call (it fits the width) at most two frames redraw the
// sparklines whole, the window stepping up; of a day's call (longer than
// the width holds at a minute a column) at most two, the grid moving on
// by an eighth of its width, also when Zoom gave no join and the oldest
// sample, which then stands for it, drops out of the day's history each
// minute, in the fitted window and in a day's. The other frames change
// under 300 cells each. Before the window was anchored at the join, each sample moved
// every column of every sparkline: 28 of the 30 frames of the 40-minute
// call changed 300 cells or more (17,072 cells in all against 6,062).
func TestNewSampleChangesFewCells(t *testing.T) {
	for _, tc := range []struct {
		name   string
		p      model.Participant
		window time.Duration // chosen with ], 0 for the fitted window
		whole  int
	}{
		{"a 40-minute call", callParticipant(true), 0, 2},
		{"a day's call", dayParticipant(), 0, 2},
		{"a day's call, join unknown", noJoin(dayParticipant()), 0, 2},
		{"a day's call in the 24h window, join unknown", noJoin(dayParticipant()), 24 * time.Hour, 2},
	} {
		p := tc.p
		h := newHarness(t, &fakeSource{p: p}, 200, 60)
		h.start()
		for tc.window > 0 && h.watch().span() != tc.window {
			h.key("]")
		}
		last := p.Samples[len(p.Samples)-1]
		prev := h.a.content()
		whole, total, most := 0, 0, 0
		for i := 1; i <= 30; i++ {
			s := last
			s.Time = last.Time.Add(time.Duration(i) * time.Minute)
			h.newSample(p, s)
			v := h.a.content()
			n := changedCells(prev, v)
			total += n
			if n >= 300 {
				whole++
			} else {
				most = max(most, n)
			}
			prev = v
		}
		t.Logf("%s, 30 new samples: %d cells changed in all, %d frames of 300 or more, the others %d at most (window %s)",
			tc.name, total, whole, most, h.watch().span())
		if whole > tc.whole {
			t.Errorf("%s: %d of 30 new samples changed 300 cells or more, want %d at most", tc.name, whole, tc.whole)
		}
	}
}

// noJoin is p as Zoom answers when it gives no join time.
func noJoin(p model.Participant) model.Participant {
	p.JoinTime = time.Time{}
	return p
}

// A new sample on a day's history in the 24h window (BenchmarkView's
// case) allocates at most a bound per frame, about a tenth over what it
// takes now: the merge, the events, the panes and the frame. Compact
// lines formatted every reading of every stream for each layout they were
// measured in, each line and value grew its buffer a doubling at a time,
// the event lines and the help line went through lipgloss on every
// sample: 896 allocations at 80x24 and 1,270 at 200x60 in 256 colours
// before, 346 and 819 after.
func TestNewSampleAllocations(t *testing.T) {
	for _, tc := range []struct {
		w, h    int
		profile colorprofile.Profile
		most    float64
	}{{80, 24, colorprofile.Ascii, 380}, {200, 60, colorprofile.ANSI256, 900}} {
		p := dayParticipant()
		h := newHarness(t, &fakeSource{p: p}, tc.w, tc.h, func(c *Config) { c.Profile = tc.profile })
		h.start()
		for h.watch().span() != 24*time.Hour {
			h.key("]")
		}
		last, i := p.Samples[len(p.Samples)-1], 0
		allocs := testing.AllocsPerRun(50, func() {
			i++
			s := last
			s.Time = last.Time.Add(time.Duration(i) * time.Minute)
			h.watch().chain().Seq++
			h.watch().chain().Inflight = true
			m, _ := h.a.Update(feed.FetchedMsg{Answer: poll.Answer{Envelope: h.watch().chain().Envelope(), At: s.Time}, P: model.Participant{UserName: p.UserName, Samples: []model.Sample{s}}})
			h.a = m.(*app)
			_ = h.a.content()
		})
		t.Logf("%dx%d %s: %.0f allocations a new sample", tc.w, tc.h, tc.profile, allocs)
		if allocs > tc.most {
			t.Errorf("%dx%d %s: %.0f allocations a new sample, want %.0f at most", tc.w, tc.h, tc.profile, allocs, tc.most)
		}
	}
}
