package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/poll"
)

// The watch screen's polling: answers, pause, stale answers, one request
// in flight.

func serverError() error {
	return &fetch.APIError{Op: "fetch participant QoS", Status: 503, Kind: fetch.Server}
}

func notFoundError() error {
	return &fetch.APIError{Op: "fetch participant QoS", Status: 404, Code: 3001,
		Message: "Meeting does not exist: 85012345678.", Kind: fetch.NotFound}
}

func rateLimitError(retryAt time.Time) error {
	return &fetch.APIError{Op: "fetch participant QoS", Status: 429, Code: 429, Kind: fetch.RateLimited,
		RetryAt: retryAt, LimitType: "QPS"}
}

func fetches(msgs []tea.Msg) []feed.FetchedMsg { return only[feed.FetchedMsg](msgs) }

func TestFirstAnswerFillsScreenAndSchedulesNextPoll(t *testing.T) {
	src := &fakeSource{p: callParticipant(true)}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	w := h.watch()
	if w.hist.Len() != 40 || w.chain().Inflight {
		t.Fatalf("after the first answer: %d samples, inflight %v; want 40, false", w.hist.Len(), w.chain().Inflight)
	}
	tm, _ := pollTimer(t, next)
	if tm.d != 10*time.Second {
		t.Fatalf("next poll in %s, want the 10s interval", tm.d)
	}
	// No timer but the poll's: the clock is armed by the Update that
	// brings something to age, for when the age next reads differently.
	if got := len(only[timerMsg](runCmd(h.a.Init()))); got != 0 {
		t.Fatalf("Init scheduled %d timers, want none", got)
	}
	view := h.a.content()
	for _, want := range []string{"Alice Chen", "[audio]", " video ", " screen share ", "newest 19:39:00 (<1m ago)", "next 19:39:48", "1 request"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
}

func TestAnswersMergeByTimestamp(t *testing.T) {
	p := callParticipant(false)
	src := &fakeSource{p: p}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	// A live call that returns only the newest samples: one repeated
	// minute (replaced, not added) and one new minute.
	again := p
	newer := p.Samples[39]
	newer.Time = newer.Time.Add(time.Minute)
	again.Samples = []model.Sample{p.Samples[39], newer}
	src.set(again, nil)
	h.poll(next)
	if got := h.watch().hist.Len(); got != 41 {
		t.Fatalf("history holds %d samples, want 41", got)
	}
}

func TestPauseStopsPolling(t *testing.T) {
	src := &fakeSource{p: callParticipant(false)}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	_, tick := pollTimer(t, next)

	h.key("p")
	if !strings.Contains(h.a.content(), "PAUSED") {
		t.Fatalf("paused view does not say PAUSED:\n%s", h.a.content())
	}
	// The tick armed before the pause fires, and one with the current
	// generation too: neither may start a fetch.
	for _, msg := range []tea.Msg{tick, poll.TickMsg{Gen: h.watch().chain().Gen}} {
		if out := h.send(msg); len(out) != 0 {
			t.Fatalf("a poll tick while paused produced %#v, want nothing", out)
		}
	}
	h.tick(time.Minute)
	if src.callCount() != 1 {
		t.Fatalf("paused: %d requests, want only the first", src.callCount())
	}

	// Resuming after the due time fetches at once.
	out := h.key("p")
	if len(fetches(out)) != 1 || src.callCount() != 2 {
		t.Fatalf("resume: %d fetches, %d requests; want one more request", len(fetches(out)), src.callCount())
	}
}

func TestResumeKeepsTheSchedule(t *testing.T) {
	src := &fakeSource{p: callParticipant(false)}
	h := newHarness(t, src, 120, 40)
	h.start()
	h.key("p")
	h.tick(3 * time.Second)
	out := h.key("p")
	tm, _ := pollTimer(t, out)
	if tm.d != 7*time.Second || src.callCount() != 1 {
		t.Fatalf("resume 3s into a 10s interval: poll in %s after %d requests; want 7s, 1", tm.d, src.callCount())
	}
}

func TestStaleResultIsDropped(t *testing.T) {
	src := &fakeSource{p: callParticipant(false)}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	_, tick := pollTimer(t, next)
	out := h.send(tick) // fetch 2 is in flight
	if len(fetches(out)) != 1 || !h.watch().chain().Inflight {
		t.Fatalf("the poll tick did not start a fetch: %#v", out)
	}
	before := h.watch().hist.Version()

	// An answer to fetch 1, arriving late, must change nothing.
	stale := fetches(out)[0]
	stale.Seq--
	stale.P = model.Participant{UserName: "Mallory", Samples: []model.Sample{{Time: watchT0.Add(time.Hour)}}}
	if got := h.send(stale); len(got) != 0 {
		t.Fatalf("a stale answer produced %#v", got)
	}
	w := h.watch()
	if !w.chain().Inflight || w.hist.Version() != before || w.feed.Who().UserName != "Alice Chen" {
		t.Fatalf("a stale answer was used: inflight %v, history changed %v, name %q",
			w.chain().Inflight, w.hist.Version() != before, w.feed.Who().UserName)
	}

	// The current answer is still taken.
	if got := h.send(fetches(out)[0]); len(only[timerMsg](got)) != 1 || h.watch().chain().Inflight {
		t.Fatalf("the current answer was not taken: %#v", got)
	}
}

func TestOneRequestInFlight(t *testing.T) {
	src := &fakeSource{p: callParticipant(false)}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	_, tick := pollTimer(t, next)
	if len(fetches(h.send(tick))) != 1 {
		t.Fatal("the poll tick did not start a fetch")
	}
	if out := h.key("r"); len(out) != 0 {
		t.Fatalf("refresh with a request in flight produced %#v", out)
	}
	if out := h.send(poll.TickMsg{Gen: h.watch().chain().Gen}); len(out) != 0 {
		t.Fatalf("a tick with a request in flight produced %#v", out)
	}
	if !strings.Contains(h.a.content(), "polling…") {
		t.Errorf("status does not say a poll is running:\n%s", h.a.content())
	}
}
