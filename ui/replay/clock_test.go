package replay

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/fetch/sim/simtest/fakeclock"
)

var t0 = time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)

// fakeReal is a wall clock that a wait moves on by what it waits.
func fakeReal() (*fakeclock.Clock, func(time.Duration) <-chan time.Time) {
	wall := fakeclock.New(t0.Add(24 * time.Hour))
	return wall, func(d time.Duration) <-chan time.Time {
		wall.Add(d)
		ch := make(chan time.Time, 1)
		ch <- wall.Now()
		return ch
	}
}

// The clock runs at its speed from the start, stops at the end, holds
// still while paused, and moves where it is sent, within its span.
func TestClockRunsPausesAndMoves(t *testing.T) {
	wall, _ := fakeReal()
	c := NewClock(t0, t0.Add(time.Hour), wall.Now)
	wall.Add(10 * time.Second)
	if got := c.Now(); !got.Equal(t0.Add(10 * time.Second)) {
		t.Errorf("×1 after 10s: %s", got)
	}
	c.Faster(1)
	c.Faster(1)
	c.Faster(1) // ×10
	wall.Add(10 * time.Second)
	if st := c.State(); st.Speed != 10 || !st.At.Equal(t0.Add(110*time.Second)) {
		t.Errorf("×10 for 10s: %+v", st)
	}
	c.TogglePause()
	wall.Add(time.Hour)
	if got := c.Now(); !got.Equal(t0.Add(110 * time.Second)) {
		t.Errorf("paused, the clock moved to %s", got)
	}
	if back := c.Jump(-time.Minute); !back || !c.Now().Equal(t0.Add(50*time.Second)) {
		t.Errorf("a minute back: back %v, at %s", back, c.Now())
	}
	if back := c.Jump(-time.Hour); !back || !c.Now().Equal(t0) {
		t.Errorf("an hour back from 50s: back %v, at %s, want the start", back, c.Now())
	}
	c.TogglePause()
	for range 10 {
		c.Faster(1)
	}
	wall.Add(2 * time.Hour)
	if st := c.State(); st.Speed != 60 || !st.At.Equal(t0.Add(time.Hour)) {
		t.Errorf("×60 for two hours: %+v, want at the end, x60 the fastest", st)
	}
}

// A timer on the replay's time fires once the clock has moved its delay
// on: after a tenth of it on the wall clock at ×10, and not while paused.
func TestScheduleWaitsOnTheReplayTime(t *testing.T) {
	wall, after := fakeReal()
	c := NewClock(t0, t0.Add(time.Hour), wall.Now)
	c.after = after
	for range 3 {
		c.Faster(1)
	}
	type fired struct{}
	start := wall.Now()
	cmd := c.Schedule(time.Minute, func() tea.Msg { return fired{} })
	if _, ok := cmd().(fired); !ok {
		t.Fatal("the timer did not fire")
	}
	if waited := wall.Now().Sub(start); waited < 6*time.Second || waited > 7*time.Second {
		t.Errorf("a minute at ×10 took %s on the wall clock, want 6s", waited)
	}
	c.TogglePause()
	done := make(chan tea.Msg)
	paused := c.Schedule(time.Second, func() tea.Msg { return fired{} })
	go func() { done <- paused() }()
	select {
	case <-done:
		t.Fatal("a timer fired while the replay was paused")
	default:
	}
	c.Jump(time.Second) // moving the clock wakes the wait
	if _, ok := (<-done).(fired); !ok {
		t.Fatal("the timer did not fire once the clock was moved past it")
	}
}
