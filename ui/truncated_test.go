package ui

import (
	"strings"
	"testing"

	"github.com/qostop/qostop/fetch"
)

// A meeting with more participants than qostop keeps: the first ones are
// shown, ranked and diagnosed, with the notice, and polling goes on at
// the interval instead of backing off as after a failure.
func TestTruncatedListIsKeptWithANotice(t *testing.T) {
	src := newTableSource()
	src.setPeople(bridge())
	src.err = &fetch.TruncatedError{Op: "fetch meeting QoS", Shown: 5}
	h, next := newTableHarness(t, src, 120, 40, onBridge)
	v := h.a.content()
	for _, want := range []string{"this meeting has more than 5 participants; qostop shows the first 5", "Alice Chen", "sort: worst first"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "error") || h.overview().poll.Failures != 0 {
		t.Errorf("a truncated list reads as a failure (%d failures):\n%s", h.overview().poll.Failures, v)
	}
	if tm, _, ok := pollOf(t, next, h.overview().poll.Owner); !ok || tm.d != h.overview().poll.Interval {
		t.Errorf("next poll in %v, want the interval %v", tm.d, h.overview().poll.Interval)
	}
}
