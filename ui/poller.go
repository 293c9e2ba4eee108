package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/qostop/qostop/ui/poll"
)

// newPoller makes a chain whose first fetch is already numbered and in
// flight, since Init cannot return a changed model: first sends it. The
// chain gets a number of its own, so nothing addressed to another chain,
// a screen gone or replaced, can pass for its own.
func newPoller(c *common, interval time.Duration, request func(env poll.Envelope) tea.Cmd) poll.Chain {
	c.clk.Now = c.cfg.Now()
	return poll.New(&c.clk, poll.Settings{Interval: interval, MinInterval: c.cfg.MinInterval, Fixed: c.cfg.Fixed,
		Budget: c.cfg.Budget, Sent: requestsOf(c.cfg.Source)}, request)
}

// requestsOf is src's request count: the first fetch's cost is counted
// from it, not from the requests of screens before.
func requestsOf(src Source) int64 {
	if src == nil {
		return 0
	}
	return src.Requests()
}
