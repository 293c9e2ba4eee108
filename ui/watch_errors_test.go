package ui

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
)

// The watch screen under failures: rate limits, errors and backoff, a
// past meeting, quit during a hung request.

func TestRateLimitWaitsForRetryAt(t *testing.T) {
	src := &fakeSource{p: callParticipant(false)}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	before := h.watch().hist.Len()

	retryAt := h.clock.Now().Add(10*time.Second + 45*time.Second) // the poll fires 10s from now
	src.set(model.Participant{}, rateLimitError(retryAt))
	out := h.poll(next)
	tm, _ := pollTimer(t, out)
	if got := h.clock.Now().Add(tm.d); got.Before(retryAt) {
		t.Fatalf("after a 429 the next poll is at %s, before Retry-After %s", got.Format(time.TimeOnly), retryAt.Format(time.TimeOnly))
	}
	view := h.a.content()
	for _, want := range []string{"rate limited (QPS) — next try 19:40:33", "rate limited (QPS) until 19:40:33", "error: rate limited"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	if h.watch().hist.Len() != before {
		t.Fatalf("a 429 changed the history: %d samples, want %d", h.watch().hist.Len(), before)
	}
	// The next try is a clock time: the seconds passing change nothing.
	view = h.a.content()
	h.tick(5 * time.Second)
	if h.a.content() != view {
		t.Errorf("5 s later the screen changed:\n%s", diffLines(view, h.a.content()))
	}
	// Refresh may not jump the limit.
	if out := h.key("r"); len(out) != 0 || src.callCount() != 2 {
		t.Fatalf("refresh during a rate limit produced %#v (%d requests)", out, src.callCount())
	}
}

func TestRateLimitWithEarlyRetryAtStillBacksOff(t *testing.T) {
	src := &fakeSource{p: callParticipant(false)}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	src.set(model.Participant{}, rateLimitError(h.clock.Now().Add(11*time.Second)))
	tm, _ := pollTimer(t, h.poll(next))
	if tm.d < 10*time.Second {
		t.Fatalf("a 429 with Retry-After in 1s scheduled the next poll in %s: faster than the interval", tm.d)
	}
}

func TestErrorKeepsDataAndBacksOff(t *testing.T) {
	src := &fakeSource{p: callParticipant(false)}
	h := newHarness(t, src, 120, 40, func(c *Config) { c.Fixed = true }) // --interval 10s
	next := h.start()
	samples := h.watch().hist.Len()
	src.set(model.Participant{}, serverError())
	delays, next := h.pollDelays(next, 6)
	want := []time.Duration{15 * time.Second, 30 * time.Second, 60 * time.Second, 90 * time.Second, 90 * time.Second, 90 * time.Second}
	if !reflect.DeepEqual(delays, want) {
		t.Fatalf("backoff delays %v, want %v", delays, want)
	}
	w := h.watch()
	if w.hist.Len() != samples {
		t.Fatalf("errors changed the history: %d samples, want %d", w.hist.Len(), samples)
	}
	view := h.a.content()
	for _, want := range []string{"error: Zoom's server failed (HTTP 503)", "Zoom's server failed (HTTP 503) (x6)", "[audio]", "latency"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}

	// Success clears the error and returns to the interval.
	src.set(callParticipant(false), nil)
	tm, _ := pollTimer(t, h.poll(next))
	if tm.d != 10*time.Second || strings.Contains(h.a.content(), "error:") {
		t.Fatalf("after recovery: next poll in %s, error shown %v", tm.d, strings.Contains(h.a.content(), "error:"))
	}
	if !strings.Contains(h.a.content(), "Zoom answers again after 6 failed polls") {
		t.Errorf("no recovery event:\n%s", h.a.content())
	}
}

func TestPastMeetingIsFetchedOnce(t *testing.T) {
	p := callParticipant(false)
	p.LeaveTime = watchT0.Add(40 * time.Minute)
	src := &fakeSource{p: p}
	h := newHarness(t, src, 120, 40, func(c *Config) { c.Type = model.Past })
	out := h.start()
	if len(out) != 0 {
		t.Fatalf("a past meeting scheduled more polls: %#v", out)
	}
	h.tick(time.Hour)
	view := h.a.content()
	if !strings.Contains(view, "past meeting: fetched once") || strings.Contains(view, "STALE") {
		t.Fatalf("past meeting status wrong:\n%s", view)
	}
	if out := h.key("p"); len(out) != 0 {
		t.Fatalf("resuming a past meeting polled: %#v", out)
	}
}

func TestQuitCancelsInflightRequest(t *testing.T) {
	src := &fakeSource{hang: true, started: make(chan struct{}), ended: make(chan error, 1)}
	h := newHarness(t, src, 120, 40)
	fetch := h.a.Init() // the first fetch, alone
	if fetch == nil {
		t.Fatal("Init did not fetch")
	}
	answered := make(chan tea.Msg, 1)
	go func() { answered <- fetch() }()
	<-src.started

	out := h.key("q")
	if len(only[tea.QuitMsg](out)) != 1 {
		t.Fatalf("q produced %#v, want tea.Quit", out)
	}
	select {
	case err := <-src.ended:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("the hung request ended with %v, want context.Canceled", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("quit did not cancel the request in flight")
	}
	// Its answer, arriving after quit, is ignored.
	if got := h.send(<-answered); len(got) != 0 {
		t.Fatalf("the cancelled answer produced %#v", got)
	}
	if h.a.content() != "" {
		t.Fatalf("after quit the view is %q, want empty", h.a.content())
	}
}
