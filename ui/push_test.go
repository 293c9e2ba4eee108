package ui

import (
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

// pushDriver plays Bubble Tea for a watch screen fed by push: every
// command runs in its own goroutine (the push source's wait blocks until
// the simulator pushes), what they yield is delivered in arrival order,
// and timers are kept, never fired unless the test fires them: nothing
// but the push and the answers it causes reaches the screen.
type pushDriver struct {
	t      *testing.T
	h      *harness
	msgs   chan tea.Msg
	timers []timerMsg
}

func (d *pushDriver) run(cmd tea.Cmd) {
	if cmd != nil {
		go func() { d.msgs <- cmd() }()
	}
}

func (d *pushDriver) deliver(msg tea.Msg) {
	switch m := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range m {
			d.run(c)
		}
	case timerMsg:
		d.timers = append(d.timers, m)
	default:
		next, cmd := d.h.a.Update(msg)
		d.h.a = next.(*app)
		d.run(cmd)
	}
}

// until delivers what arrives until done holds after a delivery. The
// deadline only ends a test that hangs; nothing is timed.
func (d *pushDriver) until(what string, done func(tea.Msg) bool) {
	d.t.Helper()
	deadline := time.After(time.Minute)
	for {
		select {
		case msg := <-d.msgs:
			d.deliver(msg)
			if done(msg) {
				return
			}
		case <-deadline:
			d.t.Fatalf("waiting for %s: nothing came\n%s", what, d.h.a.content())
		}
	}
}

// fireRetry fires the timer that resubscribes, once it is scheduled.
func (d *pushDriver) fireRetry() {
	d.t.Helper()
	retry := func() bool {
		for i, tm := range d.timers {
			if msg, ok := tm.fire().(feed.PushMsg); ok {
				d.timers = append(d.timers[:i], d.timers[i+1:]...)
				d.deliver(msg)
				return true
			}
		}
		return false
	}
	if !retry() {
		d.until("the resubscription's timer", func(tea.Msg) bool { return retry() })
	}
}

func landedPush(msg tea.Msg) bool {
	m, ok := msg.(feed.PushMsg)
	return ok && m.Landed()
}

// watchPushed opens the demo participant's watch screen fed by the
// simulator's push every `every` (samples as often), and returns once
// the subscription is live and its backfill poll has landed.
func watchPushed(t *testing.T, every time.Duration) (*pushDriver, *simtest.Rig, *testClock) {
	t.Helper()
	clock := newTestClock(watchT0.Add(17 * time.Second))
	zoom := simtest.Start(t, sim.Options{Seed: 3, Now: clock.Now, SampleEvery: every, PushEvery: every})
	client := zoom.Client(t, func(c *fetch.Config) { c.Timeout, c.Now = 10*time.Second, clock.Now })
	h := newHarness(t, nil, 100, 30, func(c *Config) {
		c.Source, c.Now = client, clock.Now
		c.MeetingID, c.ParticipantID, c.Topic = sim.DemoMeetingID, sim.DemoParticipantID, ""
		c.Push = feed.PushSettings{API: client, Subscription: "sub-1"}
	})
	h.clock = clock
	d := &pushDriver{t: t, h: h, msgs: make(chan tea.Msg, 64)}
	d.run(h.a.Init())
	ch := func() bool { c := h.watch().chain(); return c.Push.Live && !c.Inflight && !c.LastPoll.IsZero() }
	d.until("the subscription and its backfill", func(tea.Msg) bool { return ch() })
	return d, zoom, clock
}

// Each sample the simulator pushes is on the watch screen as soon as
// the push is delivered, before any timer fires, and costs no request:
// at a push every few seconds and at Zoom's minute.
func TestWatchShowsEachPushedSample(t *testing.T) {
	for _, every := range []time.Duration{3 * time.Second, time.Minute} {
		t.Run(every.String(), func(t *testing.T) {
			d, zoom, clock := watchPushed(t, every)
			polled := zoom.Sim.Stats().ParticipantQoS
			for range 3 {
				clock.Add(every)
				want := clock.Now().Truncate(every)
				d.until("the push of "+want.Format("15:04:05"), landedPush)
				latest, _ := d.h.watch().hist.Latest()
				view := d.h.a.content()
				if !latest.Time.Equal(want) || latest.Via != model.ViaPush {
					t.Fatalf("after the push the newest sample is %v (%v), want the pushed %v", latest.Time, latest.Via, want)
				}
				if !strings.Contains(view, "newest "+want.Format("15:04:05")) || !strings.Contains(view, "push <1m ago") {
					t.Fatalf("the pushed sample of %s is not on screen:\n%s", want.Format("15:04:05"), view)
				}
				if !strings.Contains(view, "  Zoom ") {
					t.Errorf("Zoom's own score is not on the send line:\n%s", view)
				}
			}
			if got := zoom.Sim.Stats().ParticipantQoS; got != polled {
				t.Errorf("%d polls while push delivered, want none", got-polled)
			}
			if gaps := gapsIn(d.h.watch().hist.Samples(), every); gaps != "" {
				t.Errorf("samples not at their real spacing of %s: %s", every, gaps)
			}
		})
	}
}

// A WebSocket dropped for a minute leaves no hole: the resubscription's
// one poll brings the minutes the push missed.
func TestPushDropIsBackfilledByOnePoll(t *testing.T) {
	d, zoom, clock := watchPushed(t, time.Minute)
	clock.Add(time.Minute)
	d.until("the first push", landedPush)
	zoom.Sim.SetFaults(1) // the next push drops the socket instead
	clock.Add(time.Minute)
	d.until("the drop", func(msg tea.Msg) bool { return !d.h.watch().chain().Push.Live })
	zoom.Sim.SetFaults(0)
	if !strings.Contains(d.h.a.content(), "push down") {
		t.Errorf("the status bar does not say push is down:\n%s", d.h.a.content())
	}
	clock.Add(time.Minute) // a minute with no socket
	polled := zoom.Sim.Stats().ParticipantQoS
	d.fireRetry()
	d.until("the backfill", func(msg tea.Msg) bool { _, ok := msg.(feed.FetchedMsg); return ok })
	if got := zoom.Sim.Stats().ParticipantQoS - polled; got != 1 {
		t.Errorf("%d requests to fill the gap, want exactly one", got)
	}
	samples := d.h.watch().hist.Samples()
	if gaps := gapsIn(samples, time.Minute); gaps != "" {
		t.Errorf("a hole after the drop: %s", gaps)
	}
	if latest := samples[len(samples)-1]; !latest.Time.Equal(clock.Now().Truncate(time.Minute)) {
		t.Errorf("the newest sample is %v, want the minute the push missed, %v", latest.Time, clock.Now().Truncate(time.Minute))
	}
	if strings.Contains(d.h.a.content(), "no samples") {
		t.Errorf("the event log reports a hole:\n%s", d.h.a.content())
	}
}

// gapsIn lists where samples are further apart than every.
func gapsIn(samples []model.Sample, every time.Duration) string {
	var out []string
	for i := 1; i < len(samples); i++ {
		if d := samples[i].Time.Sub(samples[i-1].Time); d != every {
			out = append(out, samples[i-1].Time.Format("15:04:05")+"→"+samples[i].Time.Format("15:04:05"))
		}
	}
	return strings.Join(out, ", ")
}
