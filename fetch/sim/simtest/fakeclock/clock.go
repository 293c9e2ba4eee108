// Package fakeclock is a clock that tests move by hand. It imports
// nothing of qostop's, so every test can share it: sim's and fetch's own
// tests too, which cannot import simtest.
package fakeclock

import (
	"sync"
	"time"
)

// Clock is a clock that tests move by hand, shared by a simulator and
// the clients polling it. It is safe for concurrent use: the simulator
// reads it from its handler goroutines.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// New returns a Clock standing at t.
func New(t time.Time) *Clock { return &Clock{t: t} }

// Now returns the time the clock stands at.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// Add moves the clock on by d.
func (c *Clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}
