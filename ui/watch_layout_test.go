package ui

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// The watch screen's event log and layout at every size.

func TestEventLog(t *testing.T) {
	th := model.DefaultThresholds()
	audio := model.StreamKey{Media: model.Audio, Dir: model.Send}
	at := func(min int, lossPct model.Value) model.Sample {
		return model.Sample{Time: watchT0.Add(time.Duration(min) * time.Minute),
			Streams: map[model.StreamKey]model.StreamStats{audio: {AvgLossPct: lossPct}}}
	}
	l := newEventLog()
	l.observe([]model.Sample{at(0, model.Some(0.2)), at(1, model.Some(7.2)), at(2, model.None), at(3, model.Some(3)), at(4, model.Some(0.4))}, th, time.Minute)
	// A late sample, older than what was judged, makes no event.
	l.observe([]model.Sample{at(1, model.Some(0)), at(5, model.Some(0.3))}, th, time.Minute)
	l.failed(watchT0.Add(6*time.Minute), "Zoom's server failed (HTTP 503)")
	l.failed(watchT0.Add(7*time.Minute), "Zoom's server failed (HTTP 503)")
	l.succeeded(watchT0.Add(8 * time.Minute))

	var got []string
	for _, e := range l.events {
		s := e.at.Format("15:04") + " " + e.text
		if e.count > 1 {
			s += " x" + string(rune('0'+e.count))
		}
		got = append(got, s)
	}
	want := []string{
		"19:08 Zoom answers again after 2 failed polls",
		"19:07 Zoom's server failed (HTTP 503) x2",
		"19:04 audio send loss recovered 0.4%",
		"19:03 audio send loss 3% warn",
		"19:01 audio send loss 7.2% critical",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	for i := range maxEvents + 10 {
		l.failed(watchT0.Add(9*time.Minute+time.Duration(i)*time.Second), fmt.Sprint("error ", i))
	}
	if len(l.events) != maxEvents || l.events[0].text != fmt.Sprint("error ", maxEvents+9) {
		t.Fatalf("log holds %d events, newest %q; want %d and the newest", len(l.events), l.events[0].text, maxEvents)
	}
}

func TestShortError(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{serverError(), "Zoom's server failed (HTTP 503)"},
		{&fetch.APIError{Op: "fetch participant QoS", Status: 404, Code: 3001, Message: "Meeting does not exist: 1. Sorry.", Kind: fetch.NotFound},
			`Zoom found no such meeting, or it is not live now (HTTP 404, code 3001: "Meeting does not exist: 1. Sorry.")`},
		{errors.New("plain \x1b]0;title\x07failure; more"), "plain failure"},
	} {
		if got := shortError(tc.err); got != tc.want {
			t.Errorf("shortError(%q) = %q, want %q", tc.err, got, tc.want)
		}
	}
}

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
	for _, sz := range [][2]int{{59, 40}, {120, 15}, {50, 12}} {
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
	if got := h.a.content(); got != "terminal too small: need 60x16, have 59x16" {
		t.Fatalf("below the minimum the view is %q", got)
	}
}
