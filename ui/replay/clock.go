package replay

import (
	"slices"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Speeds are the replay's speeds, which Faster and Slower step through.
var Speeds = []int{1, 2, 5, 10, 30, 60}

// Clock is the replay's time: the recording's time that the screens take
// for now. It runs at a speed (one real second moves it Speed seconds)
// from Start to End, where it stops, and can be paused and moved. It is
// safe for concurrent use: the screens' timers wait on it in commands.
type Clock struct {
	mu         sync.Mutex
	real       func() time.Time                     // the wall clock; tests move a fake one
	after      func(time.Duration) <-chan time.Time // a real wait; tests fire at once
	start, end time.Time
	at, anchor time.Time // the replay stood at at when the wall clock read anchor
	speed      int
	paused     bool
	changed    chan struct{} // closed on every change, so waits look again
}

// NewClock is a clock from start to end standing at start, running at
// ×1, on the wall clock real (time.Now when nil).
func NewClock(start, end time.Time, real func() time.Time) *Clock {
	if real == nil {
		real = time.Now
	}
	if end.Before(start) {
		end = start
	}
	return &Clock{real: real, after: time.After, start: start, end: end, at: start, anchor: real(),
		speed: 1, changed: make(chan struct{})}
}

// State is the clock as the status bar says it.
type State struct {
	At, Start, End time.Time
	Speed          int
	Paused         bool
}

// State is where the clock stands now.
func (c *Clock) State() State {
	c.mu.Lock()
	defer c.mu.Unlock()
	return State{At: c.nowLocked(), Start: c.start, End: c.end, Speed: c.speed, Paused: c.paused}
}

// Now is the replay's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.nowLocked()
}

func (c *Clock) nowLocked() time.Time {
	if c.paused {
		return c.at
	}
	t := c.at.Add(c.real().Sub(c.anchor) * time.Duration(c.speed))
	if t.After(c.end) {
		return c.end
	}
	return t
}

// change runs f on the clock re-anchored at now, and wakes the waits.
func (c *Clock) change(f func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at, c.anchor = c.nowLocked(), c.real()
	f()
	close(c.changed)
	c.changed = make(chan struct{})
}

// TogglePause stops the clock, or starts it again where it stood.
func (c *Clock) TogglePause() { c.change(func() { c.paused = !c.paused }) }

// Faster steps the speed up (dir > 0) or down through Speeds.
func (c *Clock) Faster(dir int) {
	c.change(func() {
		i := slices.Index(Speeds, c.speed) + dir
		c.speed = Speeds[min(max(i, 0), len(Speeds)-1)]
	})
}

// Seek moves the clock to t, within Start and End; back reports whether
// it went back in time, so what the screens hold is newer than now.
func (c *Clock) Seek(t time.Time) (back bool) {
	c.change(func() {
		if t.Before(c.start) {
			t = c.start
		}
		if t.After(c.end) {
			t = c.end
		}
		back = t.Before(c.at)
		c.at = t
	})
	return back
}

// Jump moves the clock by d (back when negative); see Seek.
func (c *Clock) Jump(d time.Duration) (back bool) { return c.Seek(c.Now().Add(d)) }

// Schedule is the screens' poll.Scheduler on the replay's time: the
// message comes once the clock has moved d on, however it gets there
// (running, faster, or moved); never while it is paused or at its end.
func (c *Clock) Schedule(d time.Duration, f func() tea.Msg) tea.Cmd {
	due := c.Now().Add(d)
	return func() tea.Msg {
		c.waitUntil(due)
		return f()
	}
}

// waitUntil returns once the clock reads t or later.
func (c *Clock) waitUntil(t time.Time) {
	for {
		c.mu.Lock()
		now, changed, speed, stopped := c.nowLocked(), c.changed, c.speed, c.paused || !c.nowLocked().Before(c.end)
		c.mu.Unlock()
		if !now.Before(t) {
			return
		}
		var timer <-chan time.Time
		if !stopped {
			timer = c.after(t.Sub(now)/time.Duration(speed) + time.Millisecond)
		}
		select {
		case <-changed:
		case <-timer:
		}
	}
}
