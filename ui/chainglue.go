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

// pollStatus is the part of the status bar the chain knows.
func pollStatus(p *poll.Chain) statusInfo {
	return statusInfo{
		now: p.Now(), loc: p.Now().Location(),
		lastPoll: p.LastPoll, nextPoll: p.NextPoll,
		inflight: p.Inflight, asked: p.Asked, paused: p.Paused, done: p.Done,
		interval: p.Interval, fixed: p.Sched.Fixed, requests: p.Requests, why: p.Reason, budget: p.Spend, counted: p.Budget != nil,
		limited: p.Limited, retryAt: p.RetryAt, limit: p.LimitType,
	}
}
