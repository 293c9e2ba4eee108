package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// poller is the polling chain every screen runs, whatever it fetches: a
// tick starts a fetch, and its answer schedules the next tick: when the
// schedule (model.Cadence: just after Zoom's next minute, or every
// interval) says, later if the day's request budget asks, or after a
// backoff or a rate limit's Retry-After.
//
// Each schedule bumps gen and each fetch bumps seq, so a superseded tick
// or answer is recognised and dropped rather than starting a second chain:
// at most one request is ever in flight. A chain halts while the user
// pauses it or while another screen is on top, and picks up where it left
// off when both end.
type poller struct {
	clk   *clock
	owner uint64 // the chain's number: whose ticks and answers these are
	// request starts the fetch env numbers; the screen's own command.
	request               func(env envelope) tea.Cmd
	interval, minInterval time.Duration
	// floor is the least wait after any answer, whatever the interval:
	// the watch screen sets it once the participant has left.
	floor time.Duration
	// sched is fed every good answer and says when to poll next; Fixed
	// (--interval, or + and -) polls every interval.
	sched  model.Cadence
	budget *fetch.Budget      // slows polling near the end of the day's budget
	why    string             // the reason of the next poll's time (model.Next); "" after a failure
	sentAs int64              // Source.Requests() when the request in flight was sent
	spent  int                // requests the last good poll took (a meeting's pages)
	spend  fetch.BudgetStatus // the budget's figures when the last answer came
	// reqLog is the Source's request count at each answer's arrival, over
	// the last minute and one before: the measured request rate.
	reqLog []reqStamp

	seq       uint64 // number of the latest fetch
	inflight  bool
	asked     time.Time // when the request in flight was sent
	gen       uint64    // number of the latest scheduled poll tick
	nextPoll  time.Time // when that tick fires; zero when none is pending
	resumeAt  time.Time // while halted: when polling would have been due
	paused    bool      // by the user
	hidden    bool      // another screen is on top
	done      bool      // a past meeting was fetched: no more polling
	failures  int       // errors in a row
	lastPoll  time.Time
	limited   bool // the last answer was a rate limit
	retryAt   time.Time
	limitType string
	errText   string // the last error in plain words; "" after a success
	lastErr   error  // the last error itself, for the badge; nil after a success
	// settled: the last answer will not change by itself (not found,
	// missing scope, bad credentials), so polling waits settledWait.
	settled bool
	// explain words an error for the screen that owns the chain; nil
	// means the error's own text. The poller alone writes errText.
	explain  func(error) string
	requests int64
}

// newPoller makes a chain whose first fetch is already numbered and in
// flight, since Init cannot return a changed model: first sends it. The
// chain gets a number of its own, so nothing addressed to another chain,
// a screen gone or replaced, can pass for its own.
func newPoller(c *common, interval time.Duration, request func(env envelope) tea.Cmd) poller {
	c.clk.now = c.cfg.Now()
	return startChain(&c.clk, chainSettings{interval: interval, minInterval: c.cfg.MinInterval, fixed: c.cfg.Fixed,
		budget: c.cfg.Budget, sent: requestsOf(c.cfg.Source)}, request)
}

// chainSettings is how a new chain polls: its interval, the floor + and -
// stop at, whether the interval is fixed, the day's budget, and the
// source's request count when it starts.
type chainSettings struct {
	interval, minInterval time.Duration
	fixed                 bool
	budget                *fetch.Budget
	sent                  int64
}

// startChain makes a chain on clk whose first fetch is already numbered
// and in flight.
func startChain(clk *clock, s chainSettings, request func(env envelope) tea.Cmd) poller {
	return poller{clk: clk, owner: clk.newChain(), request: request, seq: 1, inflight: true, asked: clk.now,
		interval: s.interval, minInterval: s.minInterval,
		sched: model.Cadence{Interval: s.interval, Fixed: s.fixed}, budget: s.budget, sentAs: s.sent,
		spend: s.budget.Status(), reqLog: []reqStamp{{clk.now, s.sent}}}
}

// clock is what every chain of one program shares, held once by the app:
// the time as the last message that carried it read it (a clock tick, an
// answer's arrival, a screen opening), how timers are made, and the
// chains' numbering, so each chain is told apart.
type clock struct {
	now      time.Time
	schedule scheduler
	chains   uint64 // the last chain's number
}

// newChain numbers a polling chain: the owner its ticks and answers are
// addressed to.
func (c *clock) newChain() uint64 {
	c.chains++
	return c.chains
}

// requestsOf is src's request count: the first fetch's cost is counted
// from it, not from the requests of screens before.
func requestsOf(src Source) int64 {
	if src == nil {
		return 0
	}
	return src.Requests()
}

// first sends the fetch newPoller numbered.
func (p *poller) first() tea.Cmd { return p.request(p.envelope()) }

func (p *poller) envelope() envelope { return envelope{owner: p.owner, seq: p.seq} }

func (p *poller) halted() bool { return p.paused || p.hidden }

// startFetch sends the next request and voids any pending tick: the
// answer schedules the next one.
func (p *poller) startFetch() tea.Cmd {
	p.seq++
	p.inflight = true
	p.asked = p.clk.now
	p.sentAs = p.requests
	p.gen++
	p.nextPoll = time.Time{}
	return p.request(p.envelope())
}

// scheduleIn arms the poll tick for d after from.
func (p *poller) scheduleIn(d time.Duration, from time.Time) tea.Cmd {
	p.gen++
	p.nextPoll = from.Add(d)
	gen, owner := p.gen, p.owner
	return p.clk.schedule(d, func() tea.Msg { return pollTickMsg{gen: gen, owner: owner} })
}

// after is how the chain continues once an answer arrived at t: wait d,
// or, while halted, remember when to resume.
func (p *poller) after(d time.Duration, t time.Time) tea.Cmd {
	if p.halted() {
		p.resumeAt = t.Add(d)
		return nil
	}
	return p.scheduleIn(d, t)
}

// tick handles a poll tick: only the latest one, and only when the chain
// runs and nothing is in flight, starts a fetch.
func (p *poller) tick(msg pollTickMsg) tea.Cmd {
	if msg.gen != p.gen {
		return nil
	}
	p.nextPoll = time.Time{}
	if p.halted() || p.inflight {
		return nil
	}
	return p.startFetch()
}

// refresh fetches now, unless the answer on its way is the refresh, or a
// rate limit forbids asking.
func (p *poller) refresh() tea.Cmd {
	if p.inflight || (p.limited && p.clk.now.Before(p.retryAt)) {
		return nil
	}
	return p.startFetch()
}

// take does the chain's part of an answer, the same for every screen:
// it drops a superseded answer and the echo of the screen's own
// cancellation (landed false: nothing changed), words an error and backs
// off, or, for a good answer, calls use and schedules the next poll. use
// runs before that schedule, so a screen can take the data and set the
// chain's floor from it; once means nothing more will come (a past
// meeting).
func (p *poller) take(ctx context.Context, a answer, once bool, use func()) (landed bool, next tea.Cmd) {
	if a.seq != p.seq || !p.inflight {
		return false, nil
	}
	p.inflight = false
	p.spent = max(int(a.requests-p.sentAs), 1)
	p.requests = max(p.requests, a.requests)
	p.spend = p.budget.Status()
	p.reqLog = append(p.reqLog, reqStamp{a.at, a.requests})
	for len(p.reqLog) > 1 && !p.reqLog[1].at.After(a.at.Add(-time.Minute)) {
		p.reqLog = p.reqLog[1:]
	}
	p.lastPoll = a.at
	if a.at.After(p.clk.now) {
		p.clk.now = a.at
	}
	if a.err != nil {
		if ctx.Err() != nil && canceled(a.err) {
			return false, nil // we are quitting or leaving: our own cancellation
		}
		return true, p.failed(a.err, a.at, a.jitter)
	}
	use()
	return true, p.succeeded(a.at, once, a.seen)
}

// succeeded clears the errors and schedules the next poll from what the
// answer brought (seen: its newest sample); once means there is nothing
// more to fetch (a past meeting).
func (p *poller) succeeded(at time.Time, once bool, seen model.Answer) tea.Cmd {
	p.failures, p.limited, p.errText, p.lastErr, p.settled = 0, false, "", nil, false
	if once {
		p.done = true
		return nil
	}
	seen.At = at
	next := p.budget.Delay(p.sched.Observe(seen), p.asked, p.spent)
	p.why = next.Reason
	return p.after(max(next.At.Sub(at), p.floor), at)
}

// failed keeps the error in plain words and polls again after a backoff,
// or after Retry-After for a rate limit, whichever is later.
func (p *poller) failed(err error, at time.Time, jitter float64) tea.Cmd {
	p.failures++
	p.why = ""
	d := backoff(p.interval, p.failures, jitter)
	if retryAt, lt, ok := rateLimit(err); ok {
		p.limited, p.retryAt, p.limitType = true, retryAt, lt
		d = max(d, retryAt.Sub(at))
	} else {
		p.limited = false
	}
	if p.explain != nil {
		p.errText = p.explain(err)
	} else {
		p.errText = model.Sanitize(err.Error())
	}
	p.lastErr = err
	if p.settled = settledError(err); p.settled {
		// Asking every few seconds cannot make Zoom find the meeting or
		// grant the scope; it only spends the account's rate limit.
		d = max(d, settledWait)
		p.errText = strings.TrimRight(p.errText, ". ") + ". " + settledText
	}
	// Gone is gone: a participant who left is not asked for faster after
	// an error than after a good answer.
	return p.after(max(d, p.floor), at)
}

func (p *poller) togglePause() tea.Cmd {
	was := p.halted()
	p.paused = !p.paused
	return p.haltChanged(was)
}

// setHidden halts the chain while another screen is on top and resumes
// it when this one is back.
func (p *poller) setHidden(hidden bool) tea.Cmd {
	was := p.halted()
	p.hidden = hidden
	return p.haltChanged(was)
}

func (p *poller) haltChanged(was bool) tea.Cmd {
	switch halted := p.halted(); {
	case halted && !was:
		p.resumeAt = p.nextPoll
		p.gen++ // void the pending tick
		p.nextPoll = time.Time{}
	case !halted && was:
		return p.resume()
	}
	return nil
}

// resume polls when the halted chain would have: at once if that time
// has passed, never before a rate limit ends.
func (p *poller) resume() tea.Cmd {
	if p.inflight || p.done {
		return nil // the answer on its way schedules the next poll
	}
	due := p.resumeAt
	if p.limited {
		due = later(due, p.retryAt)
	}
	if d := due.Sub(p.clk.now); d > 0 {
		return p.scheduleIn(d, p.clk.now)
	}
	return p.startFetch()
}

// setInterval steps the interval up (dir > 0) or down within the floor
// and MaxInterval, and moves a pending regular poll to match. A backoff
// or rate-limit wait stays as it is.
func (p *poller) setInterval(dir int) tea.Cmd {
	next := p.interval
	if dir > 0 {
		for _, s := range intervalSteps {
			if s > p.interval {
				next = s
				break
			}
		}
	} else {
		for i := len(intervalSteps) - 1; i >= 0; i-- {
			if s := intervalSteps[i]; s < p.interval {
				next = s
				break
			}
		}
	}
	next = min(max(next, p.minInterval), MaxInterval)
	if next == p.interval {
		return nil
	}
	// A chosen interval is kept as chosen, as --interval is.
	p.interval, p.sched.Interval, p.sched.Fixed, p.why = next, next, true, ""
	if p.failures > 0 || p.lastPoll.IsZero() || p.done {
		return nil
	}
	due := p.lastPoll.Add(next)
	if p.halted() {
		p.resumeAt = due
		return nil
	}
	if p.inflight || p.nextPoll.IsZero() {
		return nil
	}
	return p.scheduleIn(max(0, due.Sub(p.clk.now)), p.clk.now)
}

// pollStatus is the part of the status bar the chain knows.
func (p *poller) pollStatus() statusInfo {
	return statusInfo{
		now: p.clk.now, loc: p.clk.now.Location(),
		lastPoll: p.lastPoll, nextPoll: p.nextPoll,
		inflight: p.inflight, asked: p.asked, paused: p.paused, done: p.done,
		interval: p.interval, fixed: p.sched.Fixed, requests: p.requests, why: p.why, budget: p.spend, counted: p.budget != nil,
		limited: p.limited, retryAt: p.retryAt, limit: p.limitType,
	}
}

// clockMsg is the clock that ages the status bars, sent when the top
// one next changes (app.armClock). It carries the time, so Update and
// View never read the clock themselves.
type clockMsg struct{ now time.Time }

// scheduler makes a command that yields f's message after d. Tests swap
// it for one that records the delay instead of sleeping.
type scheduler func(d time.Duration, f func() tea.Msg) tea.Cmd

func tickScheduler(d time.Duration, f func() tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return f() })
}

// backoff is the wait after the n-th failure in a row (n >= 1): twice the
// interval, doubled per further failure and capped at maxBackoff (or the
// interval, if longer), then spread by jitter over its upper half ("equal
// jitter") so clients that failed together do not retry together. It is
// never shorter than the interval: an error must not make qostop poll
// faster.
func backoff(interval time.Duration, n int, jitter float64) time.Duration {
	ceiling := max(maxBackoff, interval)
	d := interval
	for i := 0; i < n && d < ceiling; i++ {
		d *= 2
	}
	d = min(d, ceiling)
	return max(interval, d/2+time.Duration(jitter*float64(d/2)))
}

// rateLimit extracts the Retry-After of a rate-limit error: zero when err
// is no *fetch.APIError or carries no time.
func rateLimit(err error) (retryAt time.Time, limitType string, ok bool) {
	var ae *fetch.APIError
	if !errors.As(err, &ae) || ae.RetryAt.IsZero() {
		return time.Time{}, "", false
	}
	return ae.RetryAt, ae.LimitType, true
}

// settledWait is the least wait after an answer that will not change by
// itself; r still asks at once.
const settledWait = time.Minute

// settledText ends the error text of such an answer: what qostop does now.
const settledText = "qostop asks again once a minute, or now if you press r"

// settledError reports whether err is an answer that will not change by
// itself: asking again soon would get the same.
func settledError(err error) bool {
	var ae *fetch.APIError
	if !errors.As(err, &ae) {
		return false
	}
	switch ae.Kind {
	case fetch.NotFound, fetch.MissingScope, fetch.InvalidClient, fetch.NoDashboard, fetch.Unauthorized,
		fetch.TooOld, fetch.WrongURL, fetch.BadRequest:
		return true
	}
	return false
}

// canceled reports whether err is only the echo of our own cancellation.
func canceled(err error) bool {
	var ae *fetch.APIError
	if errors.As(err, &ae) && ae.Kind == fetch.Canceled {
		return true
	}
	return errors.Is(err, context.Canceled)
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
