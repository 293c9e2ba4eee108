package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/poll"
)

func TestParticipantLeaves(t *testing.T) {
	p := callParticipant(false)
	src := &fakeSource{p: p}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	held := h.watch().hist.Len()

	gone := p
	gone.LeaveTime = watchT0.Add(39*time.Minute + 50*time.Second)
	src.set(gone, nil)
	next = h.poll(next)
	view := h.a.content()
	for _, want := range []string{"left 19:39", "left the meeting 19:39:50", "left the meeting: no new samples will come", "Alice Chen"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	if h.watch().hist.Len() != held {
		t.Errorf("history %d samples after the leave, want %d", h.watch().hist.Len(), held)
	}
	if tm, _ := pollTimer(t, next); tm.d != feed.LeftPoll {
		t.Errorf("after the leave the next poll is in %s, want %s: nothing new comes faster", tm.d, feed.LeftPoll)
	}
	// An hour on, the samples are old because they left, not stale.
	next = h.poll(next)
	h.tick(time.Hour)
	view = h.a.content()
	if strings.Contains(view, "STALE") || strings.Count(view, "left the meeting: no new samples") != 1 {
		t.Errorf("an hour after leaving: STALE shown or the leave logged twice:\n%s", view)
	}
	if tm, _ := pollTimer(t, next); tm.d != feed.LeftPoll {
		t.Errorf("still polling every %s after the leave, want %s", tm.d, feed.LeftPoll)
	}
}

func TestMeetingEnds(t *testing.T) {
	src := &fakeSource{p: callParticipant(false)}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	held := h.watch().hist.Len()

	src.set(model.Participant{}, notFoundError())
	delays, next := h.pollDelays(next, 3)
	view := h.a.content()
	for _, want := range []string{"ENDED", "meeting ended", "the meeting has ended: Zoom no longer finds meeting 85012345678 live (HTTP 404, code 3001)",
		"the meeting has ended: Zoom no longer lists it as live (x3)", "[audio]", "latency"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	if strings.Contains(view, "LIVE") {
		t.Errorf("still says LIVE:\n%s", view)
	}
	if h.watch().hist.Len() != held {
		t.Errorf("history %d samples after the end, want %d", h.watch().hist.Len(), held)
	}
	// An ended meeting will not come back by itself: at most one request
	// a minute.
	if slices.Min(delays) < poll.SettledWait {
		t.Errorf("polls after the end came at %v: want at least %s apart", delays, poll.SettledWait)
	}
	h.tick(time.Hour)
	if strings.Contains(h.a.content(), "STALE") {
		t.Errorf("an ended meeting is marked STALE:\n%s", h.a.content())
	}

	// A blip, not an end: Zoom finds it again.
	src.set(callParticipant(false), nil)
	h.poll(next)
	view = h.a.content()
	// Zoom answers for the call again, but its newest sample is an hour
	// old: STALE, the badge's and the bar's one word, not ENDED.
	if !strings.Contains(view, "Alice Chen  STALE") || strings.Contains(view, "ENDED") || strings.Contains(view, "meeting ended") {
		t.Errorf("after Zoom answers again:\n%s", view)
	}
}

// Not found on the very first poll is a wrong ID, not an ended meeting.
func TestNotFoundAtStartIsNotAnEnd(t *testing.T) {
	src := &fakeSource{err: notFoundError()}
	h := newHarness(t, src, 120, 40)
	h.start()
	view := h.a.content()
	if strings.Contains(view, "ENDED") || strings.Contains(view, "meeting ended") || !strings.Contains(view, "Zoom found no such meeting") {
		t.Errorf("a 404 before any answer reads as an ended meeting:\n%s", view)
	}
}

// Once the participant has left, the help and the bar say so and do not
// call the sample Zoom was due to publish late: none will come. Fixed or
// adaptive, polling waits feed.LeftPoll.
func TestLeftParticipantPollingSaysWhy(t *testing.T) {
	for _, fixed := range []bool{false, true} {
		p := callParticipant(false)
		src := &fakeSource{p: p}
		h := newHarness(t, src, 120, 40, func(c *Config) { c.Fixed = fixed })
		next := h.start()
		gone := p
		gone.LeaveTime = watchT0.Add(39*time.Minute + 50*time.Second)
		src.set(gone, nil)
		next = h.poll(next)
		next = h.poll(next) // nothing new: the schedule would call the minute late
		if tm, _ := pollTimer(t, next); tm.d < feed.LeftPoll {
			t.Errorf("fixed=%v: after the leave the next poll is in %s, want at least %s", fixed, tm.d, feed.LeftPoll)
		}
		if bar := lastLines(h.a.content(), 2); strings.Contains(bar, "late") {
			t.Errorf("fixed=%v: the bar calls a sample late for a participant who left:\n%s", fixed, bar)
		}
		src.set(model.Participant{}, serverError())
		next = h.poll(next)
		if tm, _ := pollTimer(t, next); tm.d < feed.LeftPoll {
			t.Errorf("fixed=%v: an error after the leave retries in %s, want at least %s", fixed, tm.d, feed.LeftPoll)
		}
		h.key("?")
		v := strings.Join(strings.Fields(h.a.content()), " ")
		if strings.Contains(v, "is late") || strings.Contains(v, "Polling every") ||
			!strings.Contains(v, "They left the meeting, so no new samples will come: polling once a minute") {
			t.Errorf("fixed=%v: the full help on polling after the leave:\n%s", fixed, h.a.content())
		}
	}
}

// lastLines is the last n lines of s.
func lastLines(s string, n int) string {
	l := strings.Split(s, "\n")
	return strings.Join(l[max(0, len(l)-n):], "\n")
}
