package ui

import (
	"strings"
	"testing"
)

// panesOf is the panes and the time axis of a screen: its lines from the
// first border to the axis.
func panesOf(view string) string {
	lines := strings.Split(view, "\n")
	var out []string
	for _, l := range lines {
		if strings.HasPrefix(l, "╭") || strings.HasPrefix(l, "│") || strings.HasPrefix(l, "╰") || strings.HasPrefix(l, "     ") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// New samples folded into the panes one by one (pane.Append) draw the
// same panes as the whole history read at once.
func TestAppendedSamplesDrawAsReadAtOnce(t *testing.T) {
	p := gapParticipant()
	more := p
	for range 3 {
		more = withSample(more)
	}
	src := &fakeSource{p: p}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	for i := 1; i <= 3; i++ {
		q := p
		q.Samples = more.Samples[:len(p.Samples)+i]
		src.set(q, nil)
		next = h.poll(next)
	}
	if h.watch().hist.Len() != len(more.Samples) {
		t.Fatalf("history %d, want %d", h.watch().hist.Len(), len(more.Samples))
	}
	whole := newHarness(t, &fakeSource{p: more}, 120, 40)
	whole.start()
	got, want := panesOf(h.a.content()), panesOf(whole.a.content())
	if got != want || !strings.Contains(got, "▁") {
		t.Fatalf("appended one by one:\n%s\nread at once:\n%s", got, want)
	}
}
