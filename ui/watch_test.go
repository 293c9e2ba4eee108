package ui

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

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

func fetches(msgs []tea.Msg) []fetchedMsg { return only[fetchedMsg](msgs) }

func TestNewValidatesConfig(t *testing.T) {
	src := &fakeSource{}
	base := Config{Source: src, MeetingID: "1", ParticipantID: "2"}
	for _, tc := range []struct {
		name    string
		edit    func(*Config)
		wantErr string
	}{
		{name: "defaults", edit: func(*Config) {}},
		{name: "demo floor", edit: func(c *Config) { c.Interval, c.MinInterval = time.Second, time.Second }},
		{name: "below the floor", edit: func(c *Config) { c.Interval = time.Second }, wantErr: "--interval 1s is too short: at least 2s"},
		{name: "above the ceiling", edit: func(c *Config) { c.Interval = time.Hour }, wantErr: "at most 10m0s"},
		{name: "no source", edit: func(c *Config) { c.Source = nil }, wantErr: "no data source"},
		{name: "no meeting", edit: func(c *Config) { c.MeetingID = "" }, wantErr: "no meeting ID"},
		{name: "no participant: the overview", edit: func(c *Config) { c.ParticipantID = "" }},
		{name: "no IDs: the meeting list", edit: func(c *Config) { c.MeetingID, c.ParticipantID = "", "" }},
		{name: "bad type", edit: func(c *Config) { c.Type = "ended" }, wantErr: `meeting type "ended"`},
		{name: "bad thresholds", edit: func(c *Config) {
			c.Thresholds = model.DefaultThresholds()
			c.Thresholds[model.Latency] = model.Bound{Warn: 300, Critical: 150}
		}, wantErr: "threshold latency"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := base
			tc.edit(&cfg)
			m, err := New(cfg)
			if tc.wantErr == "" {
				if err != nil || m == nil {
					t.Fatalf("New = %v, %v; want a model", m, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("New error = %v, want it to contain %q", err, tc.wantErr)
			}
		})
	}
}

func TestFirstAnswerFillsScreenAndSchedulesNextPoll(t *testing.T) {
	src := &fakeSource{p: callParticipant(true)}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	w := h.a.watch
	if w.hist.Len() != 40 || w.inflight {
		t.Fatalf("after the first answer: %d samples, inflight %v; want 40, false", w.hist.Len(), w.inflight)
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
	if got := h.a.watch.hist.Len(); got != 41 {
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
	for _, msg := range []tea.Msg{tick, pollTickMsg{gen: h.a.watch.gen}} {
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
	if len(fetches(out)) != 1 || !h.a.watch.inflight {
		t.Fatalf("the poll tick did not start a fetch: %#v", out)
	}
	before := h.a.watch.hist.Version()

	// An answer to fetch 1, arriving late, must change nothing.
	stale := fetches(out)[0]
	stale.seq--
	stale.p = model.Participant{UserName: "Mallory", Samples: []model.Sample{{Time: watchT0.Add(time.Hour)}}}
	if got := h.send(stale); len(got) != 0 {
		t.Fatalf("a stale answer produced %#v", got)
	}
	w := h.a.watch
	if !w.inflight || w.hist.Version() != before || w.who.UserName != "Alice Chen" {
		t.Fatalf("a stale answer was used: inflight %v, history changed %v, name %q",
			w.inflight, w.hist.Version() != before, w.who.UserName)
	}

	// The current answer is still taken.
	if got := h.send(fetches(out)[0]); len(only[timerMsg](got)) != 1 || h.a.watch.inflight {
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
	if out := h.send(pollTickMsg{gen: h.a.watch.gen}); len(out) != 0 {
		t.Fatalf("a tick with a request in flight produced %#v", out)
	}
	if !strings.Contains(h.a.content(), "polling…") {
		t.Errorf("status does not say a poll is running:\n%s", h.a.content())
	}
}

func TestRateLimitWaitsForRetryAt(t *testing.T) {
	src := &fakeSource{p: callParticipant(false)}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	before := h.a.watch.hist.Len()

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
	if h.a.watch.hist.Len() != before {
		t.Fatalf("a 429 changed the history: %d samples, want %d", h.a.watch.hist.Len(), before)
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
	h := newHarness(t, src, 120, 40)
	next := h.start()
	samples := h.a.watch.hist.Len()
	src.set(model.Participant{}, serverError())
	delays, next := h.pollDelays(next, 6)
	want := []time.Duration{15 * time.Second, 30 * time.Second, 60 * time.Second, 90 * time.Second, 90 * time.Second, 90 * time.Second}
	if !reflect.DeepEqual(delays, want) {
		t.Fatalf("backoff delays %v, want %v", delays, want)
	}
	w := h.a.watch
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

func TestBackoff(t *testing.T) {
	for _, tc := range []struct {
		interval time.Duration
		n        int
		jitter   float64
		want     time.Duration
	}{
		{10 * time.Second, 1, 0, 10 * time.Second},
		{10 * time.Second, 1, 0.999999, 20 * time.Second},
		{10 * time.Second, 3, 0, 40 * time.Second},
		{10 * time.Second, 10, 0, time.Minute},
		{10 * time.Second, 50, 1, 2 * time.Minute},
		{time.Second, 1, 0, time.Second},
		{5 * time.Minute, 1, 0, 5 * time.Minute}, // never faster than the interval
		{5 * time.Minute, 3, 1, 5 * time.Minute}, // nor slower than the longer of cap and interval
	} {
		got := backoff(tc.interval, tc.n, tc.jitter).Round(time.Second)
		if got != tc.want {
			t.Errorf("backoff(%s, %d, %g) = %s, want %s", tc.interval, tc.n, tc.jitter, got, tc.want)
		}
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

func TestClockTickRedrawsOnlyTheStatusBar(t *testing.T) {
	src := &fakeSource{p: callParticipant(true)}
	h := newHarness(t, src, 120, 40)
	h.start()
	builds := h.a.watch.builds
	paneCaches := [3]*paneCache{}
	for i := range paneCaches {
		h.a.watch.panes[i].view()
		paneCaches[i] = h.a.watch.panes[i].cache
	}
	// While the first request was out, the clock was armed for when it
	// would count as slow (19:39:41); that tick changes nothing. The newest
	// sample is then 41 s old: "<1m ago" next changes at 19:40:00, and the
	// clock is armed for then, not for every second.
	before := h.a.content()
	h.tick(3 * time.Second)
	if want := time.Date(2026, 11, 25, 19, 40, 0, 0, time.UTC); !h.a.clockAt.Equal(want) {
		t.Fatalf("the clock is armed for %s, want %s", h.a.clockAt.Format(time.TimeOnly), want.Format(time.TimeOnly))
	}
	h.tick(18 * time.Second)
	if h.a.content() != before {
		t.Fatalf("21 s later the screen changed: %q", diffLines(before, h.a.content()))
	}
	h.tick(time.Second)
	after := h.a.content()
	if h.a.watch.builds != builds {
		t.Fatalf("a clock tick rebuilt the body (%d -> %d builds)", builds, h.a.watch.builds)
	}
	for i := range paneCaches {
		if h.a.watch.panes[i].cache != paneCaches[i] || !paneCaches[i].ok {
			t.Fatalf("a clock tick invalidated pane %d's cache", i)
		}
	}
	changed := diffLines(before, after)
	if len(changed) != 1 || !strings.Contains(changed[0], "newest 19:39:00 (1m ago)") {
		t.Fatalf("a clock tick changed lines %q, want only the status bar's age", changed)
	}
}

// diffLines lists the lines of b that differ from a.
func diffLines(a, b string) []string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i, l := range bl {
		if i >= len(al) || al[i] != l {
			out = append(out, l)
		}
	}
	return out
}

func TestStaleMarker(t *testing.T) {
	for _, tc := range []struct {
		name      string
		interval  time.Duration
		every     time.Duration
		age       time.Duration
		wantStale bool
	}{
		{"Zoom's minute, fresh", 10 * time.Second, time.Minute, 2*time.Minute + 59*time.Second, false},
		{"Zoom's minute, three missed", 10 * time.Second, time.Minute, 3*time.Minute + time.Second, true},
		{"slow polling", 2 * time.Minute, time.Minute, 5 * time.Minute, false},
		{"slow polling, missed", 2 * time.Minute, time.Minute, 6*time.Minute + time.Second, true},
		{"demo cadence", time.Second, 3 * time.Second, 10 * time.Second, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := callParticipant(false)
			for i := range p.Samples {
				p.Samples[i].Time = watchT0.Add(time.Duration(i) * tc.every)
			}
			src := &fakeSource{p: p}
			h := newHarness(t, src, 120, 40, func(c *Config) { c.Interval, c.MinInterval = tc.interval, time.Second })
			h.start()
			h.clock.set(p.Samples[len(p.Samples)-1].Time)
			h.tick(tc.age)
			if got := strings.Contains(h.a.content(), "STALE"); got != tc.wantStale {
				t.Fatalf("STALE shown %v, want %v, %s after the newest sample:\n%s", got, tc.wantStale, tc.age, h.a.content())
			}
		})
	}
}

// keyEffects asserts what each binding of DefaultKeyMap does. Every key
// of every binding is pressed; TestEveryKeyIsTested fails if a binding
// has no entry here.
var keyEffects = map[string]func(t *testing.T, h *harness, k string){
	"Quit": func(t *testing.T, h *harness, k string) {
		out := h.key(k)
		if len(only[tea.QuitMsg](out)) != 1 || h.a.watch.ctx.Err() == nil {
			t.Fatalf("%s: no tea.Quit, or the context was not cancelled", k)
		}
	},
	"Help": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if v := h.a.content(); !strings.Contains(v, "poll less often") || !strings.Contains(v, "fewer keys") {
			t.Fatalf("%s did not show the full help:\n%s", k, v)
		}
		h.key(k)
		if v := h.a.content(); strings.Contains(v, "poll less often") {
			t.Fatalf("%s again did not hide the full help:\n%s", k, v)
		}
	},
	"Pause": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if !h.a.watch.paused || !strings.Contains(h.a.content(), "PAUSED") {
			t.Fatalf("%s did not pause", k)
		}
		h.key(k)
		if h.a.watch.paused || strings.Contains(h.a.content(), "PAUSED") {
			t.Fatalf("%s again did not resume", k)
		}
	},
	"Refresh": func(t *testing.T, h *harness, k string) {
		out := h.key(k)
		if len(fetches(out)) != 1 || h.src.callCount() != 2 {
			t.Fatalf("%s did not fetch at once: %#v", k, out)
		}
	},
	"SlowerPoll": func(t *testing.T, h *harness, k string) {
		out := h.key(k)
		tm, _ := pollTimer(t, out)
		if h.a.watch.interval != 15*time.Second || tm.d != 15*time.Second || !strings.Contains(h.a.content(), "every 15s") {
			t.Fatalf("%s: interval %s, next poll in %s; want 15s", k, h.a.watch.interval, tm.d)
		}
		for range 20 {
			h.key(k)
		}
		if h.a.watch.interval != MaxInterval {
			t.Fatalf("%s pressed often: interval %s, want the ceiling %s", k, h.a.watch.interval, MaxInterval)
		}
	},
	"FasterPoll": func(t *testing.T, h *harness, k string) {
		out := h.key(k)
		tm, _ := pollTimer(t, out)
		if h.a.watch.interval != 5*time.Second || tm.d != 5*time.Second || !strings.Contains(h.a.content(), "every 5s") {
			t.Fatalf("%s: interval %s, next poll in %s; want 5s", k, h.a.watch.interval, tm.d)
		}
		for range 20 {
			h.key(k)
		}
		if h.a.watch.interval != 2*time.Second {
			t.Fatalf("%s pressed often: interval %s, want the floor 2s", k, h.a.watch.interval)
		}
	},
	"ShorterSpan": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if !strings.Contains(h.a.content(), "window 15m") || len(h.a.watch.window()) != 15 {
			t.Fatalf("%s: window %s with %d samples, want 15m and 15", k, spans[h.a.watch.span].label, len(h.a.watch.window()))
		}
		h.key(k)
		if h.a.watch.span != 0 {
			t.Fatalf("%s below the shortest window moved to %d", k, h.a.watch.span)
		}
	},
	"LongerSpan": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if !strings.Contains(h.a.content(), "window 1h") || len(h.a.watch.window()) != 40 {
			t.Fatalf("%s: window %s with %d samples, want 1h and all 40", k, spans[h.a.watch.span].label, len(h.a.watch.window()))
		}
		for range 5 {
			h.key(k)
		}
		if !strings.Contains(h.a.content(), "window all") {
			t.Fatalf("%s pressed often did not reach the whole history", k)
		}
	},
	"NextPane": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if v := h.a.content(); !strings.Contains(v, "[video]") || strings.Contains(v, "[audio]") {
			t.Fatalf("%s did not move focus to video:\n%s", k, v)
		}
	},
	"PrevPane": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if v := h.a.content(); !strings.Contains(v, "[screen share]") || strings.Contains(v, "[audio]") {
			t.Fatalf("%s did not move focus back to screen share:\n%s", k, v)
		}
	},
	"Expand": func(t *testing.T, h *harness, k string) {
		h.key(k)
		if v := h.a.content(); !strings.Contains(v, "[audio]") || strings.Contains(v, " video ") {
			t.Fatalf("%s did not show the focused pane alone:\n%s", k, v)
		}
		h.key(k)
		if v := h.a.content(); !strings.Contains(v, " video ") {
			t.Fatalf("%s again did not return:\n%s", k, v)
		}
	},
	"Back": func(t *testing.T, h *harness, k string) {
		h.key("enter")
		h.key(k)
		if v := h.a.content(); !strings.Contains(v, " video ") {
			t.Fatalf("%s did not leave the expanded pane:\n%s", k, v)
		}
		h.key("?")
		h.key(k)
		if v := h.a.content(); strings.Contains(v, "poll less often") {
			t.Fatalf("%s did not close the full help:\n%s", k, v)
		}
	},
	"Theme": func(t *testing.T, h *harness, k string) {
		before := h.a.content()
		h.key(k)
		if h.a.theme.Name != "light" || h.a.content() == before {
			t.Fatalf("%s: theme %q, view changed %v; want light and new colours", k, h.a.theme.Name, h.a.content() != before)
		}
		if ansi.Strip(h.a.content()) != ansi.Strip(before) {
			t.Fatalf("%s changed more than colours", k)
		}
	},
	"Redact": func(t *testing.T, h *harness, k string) {
		before, calls := h.a.content(), h.src.callCount()
		h.key(k)
		v := h.a.content()
		for _, gone := range []string{"Alice Chen", "Boston"} {
			if strings.Contains(v, gone) {
				t.Errorf("%s: %q still on screen:\n%s", k, gone, v)
			}
		}
		if !strings.Contains(v, model.Redacted) || !strings.Contains(v, "REDACTED") {
			t.Errorf("%s: the screen does not say it hides names:\n%s", k, v)
		}
		h.key(k)
		if h.a.content() != before || h.src.callCount() != calls {
			t.Fatalf("%s twice: the screen is not as before, or it polled", k)
		}
	},
}

func TestEveryKeyIsTested(t *testing.T) {
	km := reflect.ValueOf(DefaultKeyMap())
	for i := range km.NumField() {
		name := km.Type().Field(i).Name
		if _, ok := keyEffects[name]; !ok {
			t.Errorf("binding %s has no test in keyEffects", name)
		}
	}
}

func TestKeysDoWhatTheHelpSays(t *testing.T) {
	km := reflect.ValueOf(DefaultKeyMap())
	for i := range km.NumField() {
		name := km.Type().Field(i).Name
		b := km.Field(i).Interface().(key.Binding)
		if b.Help().Desc == "" {
			t.Errorf("binding %s has no help text", name)
		}
		for _, k := range b.Keys() {
			t.Run(name+"/"+k, func(t *testing.T) {
				effect, ok := keyEffects[name]
				if !ok {
					t.Skip("no effect listed")
				}
				// ANSI256, so a theme change shows.
				h := newHarness(t, &fakeSource{p: callParticipant(false)}, 120, 40, func(c *Config) { c.Profile = colorprofile.ANSI256 })
				h.start()
				effect(t, h, k)
			})
		}
	}
}

func TestEventLog(t *testing.T) {
	th := model.DefaultThresholds()
	audio := model.StreamKey{Media: model.Audio, Dir: model.Send}
	at := func(min int, lossPct model.Value) model.Sample {
		return model.Sample{Time: watchT0.Add(time.Duration(min) * time.Minute),
			Streams: map[model.StreamKey]model.StreamStats{audio: {AvgLossPct: lossPct}}}
	}
	l := newEventLog()
	l.observe([]model.Sample{at(0, model.Some(0.2)), at(1, model.Some(7.2)), at(2, model.None), at(3, model.Some(3)), at(4, model.Some(0.4))}, th)
	// A late sample, older than what was judged, makes no event.
	l.observe([]model.Sample{at(1, model.Some(0)), at(5, model.Some(0.3))}, th)
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
		l.failed(watchT0, fmt.Sprint("error ", i))
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
		in := layoutIn{width: tc.w, height: tc.h, headerLines: 3, full: full, compact: compact, expanded: -1}
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
		if l := computeLayout(layoutIn{width: sz[0], height: sz[1], headerLines: 3, expanded: -1}); !l.tooSmall {
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
