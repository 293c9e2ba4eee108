package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// quotaError is an answer whose text is far longer than one line.
func quotaError() error {
	return &fetch.APIError{Op: "fetch participant QoS", Status: 503, Kind: fetch.Server,
		Message: "You have exceeded the daily rate limit of 30000 for the account's daily quota of Dashboard requests. " +
			"Try again after the quota resets at 00:00 UTC; the end of this message is what a cut line hides."}
}

// The watch screen's box cuts a long error to one row; l shows it whole,
// wrapped, and / finds it.
func TestEventLogShowsALongErrorWhole(t *testing.T) {
	src := &fakeSource{p: callParticipant(true)}
	h := newHarness(t, src, 80, 24)
	next := h.start()
	src.set(model.Participant{}, quotaError())
	h.poll(next)
	tail := "the end of this message is what a cut line hides"
	if strings.Contains(flat(h.a.content()), tail) {
		t.Fatalf("fixture: the box already shows the whole error:\n%s", h.a.content())
	}
	if !strings.Contains(h.a.content(), "l: all ") {
		t.Errorf("the box does not say l shows all events:\n%s", h.a.content())
	}
	h.key("l")
	if v := flat(h.a.content()); !strings.Contains(v, tail) || !strings.Contains(v, "daily quota of Dashboard requests") {
		t.Fatalf("l does not show the error whole:\n%s", h.a.content())
	}
	h.press("/", "q", "u", "o", "t", "a", "enter")
	v := h.a.content()
	if h.a.quit || !strings.Contains(v, `1 match "quota"`) || strings.Contains(v, "recovered") {
		t.Fatalf("/quota: quit %v, view:\n%s", h.a.quit, v)
	}
	h.key("esc") // the filter
	h.key("esc") // the log
	if v := h.a.content(); !strings.Contains(v, "[audio]") {
		t.Fatalf("esc esc did not return to the panes:\n%s", v)
	}
}

// The log scrolls: j moves one line, G to the end, g back.
func TestEventLogScrolls(t *testing.T) {
	src := &fakeSource{p: callParticipant(true)}
	h := newHarness(t, src, 80, 16)
	next := h.start()
	for i := range 20 {
		src.set(model.Participant{}, &fetch.APIError{Op: "x", Status: 500 + i, Kind: fetch.Server})
		next = h.poll(next)
	}
	h.key("l")
	if !strings.Contains(h.a.content(), "1-") {
		t.Fatalf("a long log does not say which lines it shows:\n%s", h.a.content())
	}
	top := h.a.content()
	h.key("j")
	if h.a.content() == top || !strings.Contains(h.a.content(), "2-") {
		t.Fatalf("j did not scroll:\n%s", h.a.content())
	}
	h.key("g")
	if h.a.content() != top {
		t.Fatalf("g did not go back to the newest:\n%s", h.a.content())
	}
	_ = time.Second
}

// flat is the view with its lines joined by spaces, for text that wraps.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }
