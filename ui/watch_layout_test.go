package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
)

// The watch screen's event log and layout at every size.

func TestLayout(t *testing.T) {
	full, compact := [3]int{7, 9, 9}, [3]int{4, 4, 4}
	for _, tc := range []struct {
		w, h       int
		err        bool
		wantPanes  [3]int
		wantEvents int
	}{
		{120, 40, false, [3]int{7, 9, 9}, 9},
		{200, 60, false, [3]int{7, 9, 9}, 29},
		{80, 24, false, [3]int{7, 4, 4}, 3},
		{80, 24, true, [3]int{7, 4, 4}, 2}, // the error takes an event row, not a pane's detail
		{60, 16, false, [3]int{4, 4, 4}, 1},
		// Reduced: the compact panes that fit whole, audio first.
		{40, 10, false, [3]int{4, 4, 0}, 0},
		{100, 12, false, [3]int{4, 4, 0}, 1},
		{50, 12, true, [3]int{4, 4, 0}, 0},
		{59, 40, false, [3]int{4, 4, 4}, 25},
	} {
		in := layoutIn{width: tc.w, height: tc.h, headerLines: 3, full: full, compact: compact}
		if tc.err {
			in.errRows = 2
		}
		l := computeLayout(in)
		if l.panes != tc.wantPanes || l.events != tc.wantEvents || l.rows() != tc.h {
			t.Errorf("%dx%d err=%v: panes %v events %d rows %d; want %v, %d, %d (%+v)",
				tc.w, tc.h, tc.err, l.panes, l.events, l.rows(), tc.wantPanes, tc.wantEvents, tc.h, l)
		}
	}
	for _, sz := range [][2]int{{39, 40}, {120, 9}, {39, 9}} {
		if l := computeLayout(layoutIn{width: sz[0], height: sz[1], headerLines: 3}); !l.tooSmall {
			t.Errorf("%dx%d is not too small", sz[0], sz[1])
		}
	}
}

// TestEverySizeFits draws the screen at every size from the minimum up in
// each state and checks it fills the terminal exactly: no line wider than
// the width, as many lines as the height, so nothing scrolls or wraps.
func TestEverySizeFits(t *testing.T) {
	if testing.Short() {
		t.Skip("draws a few thousand screens")
	}
	src := &fakeSource{p: callParticipant(true)}
	h := newHarness(t, src, 80, 24)
	next := h.start()
	src.set(model.Participant{}, serverError())
	h.poll(next)
	for _, state := range []string{"", "?", "enter", "?"} {
		if state != "" {
			h.key(state)
		}
		for w := minWidth; w <= 210; w += 7 {
			for ht := minHeight; ht <= 64; ht++ {
				h.resize(w, ht)
				lines := strings.Split(h.a.content(), "\n")
				if len(lines) != ht {
					t.Fatalf("state %q at %dx%d: %d lines, want %d:\n%s", state, w, ht, len(lines), ht, h.a.content())
				}
				for i, l := range lines {
					if lw := ansi.StringWidth(l); lw > w {
						t.Fatalf("state %q at %dx%d: line %d is %d wide:\n%s", state, w, ht, i, lw, h.a.content())
					}
				}
			}
		}
	}
	// Before any data: the placeholder box must fit too.
	empty := newHarness(t, &fakeSource{err: notFoundError()}, 80, 24)
	empty.start()
	for w := minWidth; w <= 210; w += 13 {
		for ht := minHeight; ht <= 64; ht += 3 {
			empty.resize(w, ht)
			lines := strings.Split(empty.a.content(), "\n")
			if len(lines) != ht {
				t.Fatalf("no data at %dx%d: %d lines, want %d:\n%s", w, ht, len(lines), ht, empty.a.content())
			}
			for i, l := range lines {
				if lw := ansi.StringWidth(l); lw > w {
					t.Fatalf("no data at %dx%d: line %d is %d wide:\n%s", w, ht, i, lw, empty.a.content())
				}
			}
		}
	}

	h.resize(minWidth-1, minHeight)
	if got := h.a.content(); got != "terminal too small:\nneed 40x10, have 39x10" {
		t.Fatalf("below the minimum the view is %q", got)
	}
}
