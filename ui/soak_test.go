package ui

import (
	"net/http"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/feed"
)

// TestSoak runs the whole UI model headless, through the real client and
// HTTP, against the simulator failing 30% of requests in every way it
// knows, for thousands of polls. One fake clock drives the simulator, the
// client and the UI, and every timer fires as soon as it is the earliest,
// so hours of watching take seconds. It proves what an incident needs of
// a monitor: no panic, goroutines and memory flat, every sample the
// simulator delivered held once in the history, and every failed poll
// told on screen.
func TestSoak(t *testing.T) {
	polls := 3000
	if testing.Short() {
		polls = 300
	}
	clock := newTestClock(watchT0)
	zoom := simtest.Start(t, sim.Options{Seed: 7, Now: clock.Now, Faults: 0.3, SlowDelay: 20 * time.Millisecond, TrackServed: true})
	s := zoom.Sim
	tr := &http.Transport{}
	client := zoom.Client(t, func(c *fetch.Config) { c.Timeout, c.Transport, c.Now = 10*time.Second, tr, clock.Now })
	h := newHarness(t, nil, 120, 40, func(c *Config) {
		// Fixed: thousands of polls, not the few a minute adaptive makes.
		c.Source, c.Now, c.Interval, c.Fixed = client, clock.Now, 2*time.Second, true
		c.MeetingID, c.ParticipantID, c.Topic = sim.DemoMeetingID, sim.DemoParticipantID, ""
	})
	h.clock = clock
	d := &soakDriver{t: t, h: h}
	d.run(h.a.Init())

	settle := func() (goroutines int, heap uint64) {
		tr.CloseIdleConnections()
		zoom.HTTP.CloseClientConnections()
		goroutines = settledGoroutines()
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return goroutines, ms.HeapAlloc
	}
	var g0, g1 int
	var heap0, heap1 uint64
	var held0 int
	for checkpoint := 1; checkpoint <= 10; checkpoint++ {
		d.pollUntil(polls * checkpoint / 10)
		checkServed(t, servedSettled(s, h.watch().hist.Len()), h.watch().hist.Samples())
		if checkpoint == 3 { // warm: token, connections and panes made
			g0, heap0 = settle()
			held0 = h.watch().hist.Len()
		}
	}
	g1, heap1 = settle()
	held1 := h.watch().hist.Len()
	st := s.Stats()
	served := len(s.Served(sim.DemoMeetingID, sim.DemoParticipantID))
	t.Logf("%d polls (%d failed), %d API requests, %d faults served %v; %s of watching",
		d.polls, d.failed, st.APIRequests(), st.FaultsServed(), st.Faults, clock.Now().Sub(watchT0).Round(time.Minute))
	t.Logf("goroutines %d -> %d; heap %.1f -> %.1f MB while the history grew %d -> %d samples; %d samples served, %d held",
		g0, g1, float64(heap0)/1e6, float64(heap1)/1e6, held0, held1, served, held1)

	if g1 > g0+2 {
		t.Errorf("goroutines grew from %d to %d over %d polls", g0, g1, polls*7/10)
	}
	// The history may grow by its samples (a few KB each, with their
	// stream maps); anything else that grows with polls is a leak.
	if grown := int64(heap1) - int64(heap0); grown > int64(held1-held0)*8<<10+2<<20 {
		t.Errorf("heap grew %d KB over %d polls, more than %d new samples explain", grown>>10, polls*7/10, held1-held0)
	}
	if d.failed < polls/10 || len(st.Faults) != len(sim.AllFaultKinds()) {
		t.Errorf("%d of %d polls failed, faults %v: the soak did not meet every failure", d.failed, d.polls, st.Faults)
	}
	if served == 0 || held1 != served {
		t.Errorf("the simulator served %d samples and the history holds %d", served, held1)
	}
}

// soakDriver plays Bubble Tea: it runs commands (each in a goroutine,
// with a deadline, as the runtime would), feeds their messages back, and
// keeps timers until the fake clock reaches them.
type soakDriver struct {
	t      *testing.T
	h      *harness
	timers []soakTimer
	polls  int // answers delivered
	failed int
	keys   int
	watch  func()           // if set, called after every message is delivered
	raw    func(tea.RawMsg) // if set, given what the program writes to the terminal as is
}

type soakTimer struct {
	due  time.Time
	fire func() tea.Msg
}

// pollUntil fires timers in time order until n answers have arrived,
// pressing a key now and then as a person would.
func (d *soakDriver) pollUntil(n int) {
	for d.polls < n {
		if len(d.timers) == 0 {
			d.t.Fatalf("after %d polls nothing is scheduled: polling stopped", d.polls)
		}
		i := 0
		for j, tm := range d.timers {
			if tm.due.Before(d.timers[i].due) {
				i = j
			}
		}
		tm := d.timers[i]
		d.timers = slices.Delete(d.timers, i, i+1)
		if tm.due.After(d.h.clock.Now()) {
			d.h.clock.set(tm.due)
		}
		d.deliver(tm.fire())
		if d.polls/97 > d.keys {
			d.keys++
			for _, k := range [][]string{{"r"}, {"R", "R"}, {"p", "p"}, {"]", "["}, {"tab"}}[d.keys%5] {
				d.deliver(keyMsg(k))
			}
		}
	}
}

func (d *soakDriver) deliver(msg tea.Msg) {
	m, cmd := d.h.a.Update(msg)
	d.h.a = m.(*app)
	if d.watch != nil {
		d.watch()
	}
	if f, ok := msg.(feed.FetchedMsg); ok {
		d.polls++
		view := d.h.a.content()
		switch {
		case f.Err != nil:
			d.failed++
			if d.h.watch().chain().ErrText == "" || !strings.Contains(view, "error: ") {
				d.t.Fatalf("poll %d failed (%v) and the screen does not say so:\n%s", d.polls, f.Err, view)
			}
		case strings.Contains(view, "error: "):
			d.t.Fatalf("poll %d succeeded and the screen still shows an error:\n%s", d.polls, view)
		}
	}
	d.run(cmd)
}

// run executes cmd as Bubble Tea would, off the update loop, and handles
// what it yields: timers are kept, everything else is delivered.
func (d *soakDriver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	deadline := time.NewTimer(time.Minute)
	defer deadline.Stop()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-deadline.C:
		d.t.Fatalf("a command ran for a minute after %d polls", d.polls)
	}
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	case timerMsg:
		d.timers = append(d.timers, soakTimer{due: d.h.clock.Now().Add(msg.d), fire: msg.fire})
	case tea.RawMsg:
		if d.raw != nil {
			d.raw(msg)
		}
	default:
		d.deliver(msg)
	}
}

// checkServed: every sample the simulator delivered is held exactly once,
// and nothing is held that it did not deliver.
func checkServed(t *testing.T, served []time.Time, held []model.Sample) {
	t.Helper()
	times := make([]time.Time, len(held))
	for i, s := range held {
		times[i] = s.Time
		if i > 0 && !times[i].After(times[i-1]) {
			t.Fatalf("history out of order or repeated at %v", times[i])
		}
	}
	if !slices.EqualFunc(served, times, time.Time.Equal) {
		missing, extra := diffTimes(served, times), diffTimes(times, served)
		t.Fatalf("served %d samples, history holds %d: missing %v, not served %v", len(served), len(times), missing, extra)
	}
}

func diffTimes(a, b []time.Time) []time.Time {
	var out []time.Time
	for _, x := range a {
		if !slices.ContainsFunc(b, x.Equal) {
			out = append(out, x)
		}
	}
	return out
}

// settledGoroutines counts goroutines once closed connections' goroutines
// have finished exiting: the count stops moving.
func settledGoroutines() int {
	n, same := runtime.NumGoroutine(), 0
	for i := 0; i < 500 && same < 5; i++ {
		time.Sleep(10 * time.Millisecond)
		if m := runtime.NumGoroutine(); m == n {
			same++
		} else {
			n, same = m, 0
		}
	}
	return n
}

// servedSettled is what the simulator says it served once its handlers
// are done: a handler notes an answer after writing it, so the client can
// hold a sample a moment before the simulator has noted it. It waits (up
// to a second, for the handler to return) only while the simulator lists
// fewer samples than the history holds.
func servedSettled(s *sim.Server, held int) []time.Time {
	served := s.Served(sim.DemoMeetingID, sim.DemoParticipantID)
	for deadline := time.Now().Add(time.Second); len(served) < held && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
		served = s.Served(sim.DemoMeetingID, sim.DemoParticipantID)
	}
	return served
}
