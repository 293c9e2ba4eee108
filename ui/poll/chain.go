package poll

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// Chain is the polling chain every screen runs, whatever it fetches: a
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
type Chain struct {
	clk   *Clock
	Owner uint64 // the chain's number: whose ticks and answers these are
	// request starts the fetch env numbers; the screen's own command.
	Request               func(env Envelope) tea.Cmd
	Interval, MinInterval time.Duration
	// floor is the least wait after any answer, whatever the interval:
	// the watch screen sets it once the participant has left.
	Floor time.Duration
	// backstop is the least wait while a push subscription delivers (push.go).
	backstop time.Duration
	// Push is the state of the push subscription feeding the same feed, if any.
	Push PushState
	// sched is fed every good answer and says when to poll next; Fixed
	// (--interval, or + and -) polls every interval.
	Sched  model.Cadence
	Budget *fetch.Budget      // slows polling near the end of the day's budget
	Reason string             // the reason of the next poll's time (model.Next); "" after a failure
	sentAs int64              // Source.Requests() when the request in flight was sent
	spent  int                // requests the last good poll took (a meeting's pages)
	Spend  fetch.BudgetStatus // the budget's figures when the last answer came
	// reqLog is the Source's request count at each answer's arrival, over
	// the last minute and one before: the measured request rate.
	reqLog []reqStamp

	Seq       uint64 // number of the latest fetch
	Inflight  bool
	Asked     time.Time // when the request in flight was sent
	Gen       uint64    // number of the latest scheduled poll tick
	NextPoll  time.Time // when that tick fires; zero when none is pending
	ResumeAt  time.Time // while halted: when polling would have been due
	Paused    bool      // by the user
	Hidden    bool      // another screen is on top
	Done      bool      // a past meeting was fetched: no more polling
	Failures  int       // errors in a row
	LastPoll  time.Time
	Limited   bool // the last answer was a rate limit
	RetryAt   time.Time
	LimitType string
	ErrText   string // the last error in plain words; "" after a success
	LastErr   error  // the last error itself, for the badge; nil after a success
	// settled: the last answer will not change by itself (not found,
	// missing scope, bad credentials), so polling waits SettledWait.
	settled bool
	// retryDue is when the try after the last failure is due; zero after
	// a success. How long that wait was decides StaleAt.
	retryDue time.Time
	// explain words an error for the screen that owns the chain; nil
	// means the error's own text. The poller alone writes errText.
	Explain  func(error) string
	Requests int64
}

// Settings is how a new chain polls: its interval, the floor + and -
// stop at, whether the interval is fixed, the day's budget, and the
// source's request count when it starts.
type Settings struct {
	Interval, MinInterval time.Duration
	Fixed                 bool
	Budget                *fetch.Budget
	Sent                  int64
}

// New makes a chain on clk whose first fetch is already numbered
// and in flight.
func New(clk *Clock, s Settings, request func(env Envelope) tea.Cmd) Chain {
	return Chain{clk: clk, Owner: clk.newChain(), Request: request, Seq: 1, Inflight: true, Asked: clk.Now,
		Interval: s.Interval, MinInterval: s.MinInterval,
		Sched: model.Cadence{Interval: s.Interval, Fixed: s.Fixed}, Budget: s.Budget, sentAs: s.Sent,
		Spend: s.Budget.Status(), reqLog: []reqStamp{{clk.Now, s.Sent}}}
}

// Clock is what every chain of one program shares, held once by the app:
// the time as the last message that carried it read it (a clock tick, an
// answer's arrival, a screen opening), how timers are made, and the
// chains' numbering, so each chain is told apart.
type Clock struct {
	Now      time.Time
	Schedule Scheduler
	chains   uint64 // the last chain's number
}

// newChain numbers a polling chain: the owner its ticks and answers are
// addressed to.
func (c *Clock) newChain() uint64 {
	c.chains++
	return c.chains
}

// First sends the fetch New numbered.
func (p *Chain) First() tea.Cmd { return p.Request(p.Envelope()) }

// Envelope addresses the request in flight: this chain, its number.
func (p *Chain) Envelope() Envelope { return Envelope{Owner: p.Owner, Seq: p.Seq} }

// halted reports whether the chain holds: paused, or under another screen.
func (p *Chain) halted() bool { return p.Paused || p.Hidden }

// startFetch sends the next request and voids any pending tick: the
// answer schedules the next one.
func (p *Chain) startFetch() tea.Cmd {
	p.Seq++
	p.Inflight = true
	p.Asked = p.clk.Now
	p.sentAs = p.Requests
	p.Gen++
	p.NextPoll = time.Time{}
	return p.Request(p.Envelope())
}

// scheduleIn arms the poll tick for d after from.
func (p *Chain) ScheduleIn(d time.Duration, from time.Time) tea.Cmd {
	p.Gen++
	p.NextPoll = from.Add(d)
	gen, owner := p.Gen, p.Owner
	return p.clk.Schedule(d, func() tea.Msg { return TickMsg{Gen: gen, Owner: owner} })
}

// after is how the chain continues once an answer arrived at t: wait d,
// or, while halted, remember when to resume.
func (p *Chain) after(d time.Duration, t time.Time) tea.Cmd {
	if p.halted() {
		p.ResumeAt = t.Add(d)
		return nil
	}
	return p.ScheduleIn(d, t)
}

// tick handles a poll tick: only the latest one, and only when the chain
// runs and nothing is in flight, starts a fetch.
func (p *Chain) Tick(msg TickMsg) tea.Cmd {
	if msg.Gen != p.Gen {
		return nil
	}
	p.NextPoll = time.Time{}
	if p.halted() || p.Inflight {
		return nil
	}
	return p.startFetch()
}

// refresh fetches now, unless the answer on its way is the refresh, or a
// rate limit forbids asking.
func (p *Chain) Refresh() tea.Cmd {
	if p.Inflight || (p.Limited && p.clk.Now.Before(p.RetryAt)) {
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
func (p *Chain) Take(ctx context.Context, a Answer, once bool, use func()) (landed bool, next tea.Cmd) {
	if a.Seq != p.Seq || !p.Inflight {
		return false, nil
	}
	p.Inflight = false
	p.spent = max(int(a.Requests-p.sentAs), 1)
	p.Requests = max(p.Requests, a.Requests)
	p.Spend = p.Budget.Status()
	p.reqLog = append(p.reqLog, reqStamp{a.At, a.Requests})
	for len(p.reqLog) > 1 && !p.reqLog[1].at.After(a.At.Add(-time.Minute)) {
		p.reqLog = p.reqLog[1:]
	}
	p.LastPoll = a.At
	if a.At.After(p.clk.Now) {
		p.clk.Now = a.At
	}
	if a.Err != nil {
		if ctx.Err() != nil && Canceled(a.Err) {
			return false, nil // we are quitting or leaving: our own cancellation
		}
		return true, p.failed(a.Err, a.At, a.Jitter)
	}
	use()
	return true, p.succeeded(a.At, once, a.Seen)
}

// succeeded clears the errors and schedules the next poll from what the
// answer brought (seen: its newest sample); once means there is nothing
// more to fetch (a past meeting).
func (p *Chain) succeeded(at time.Time, once bool, seen model.Answer) tea.Cmd {
	p.Failures, p.Limited, p.ErrText, p.LastErr, p.settled, p.retryDue = 0, false, "", nil, false, time.Time{}
	if once {
		p.Done = true
		return nil
	}
	seen.At = at
	next := p.Budget.Delay(p.Sched.Observe(seen), p.Asked, p.spent)
	p.Reason = next.Reason
	return p.after(max(next.At.Sub(at), p.Floor, p.backstop), at)
}

// failed keeps the error in plain words and polls again after a backoff,
// or after Retry-After for a rate limit, whichever is later.
func (p *Chain) failed(err error, at time.Time, jitter float64) tea.Cmd {
	p.Failures++
	p.Reason = ""
	retryAt, lt, limited := RateLimit(err)
	p.Limited = limited
	if limited {
		p.RetryAt, p.LimitType = retryAt, lt
	}
	d := model.RetryWait(p.Interval, p.Failures, jitter, at, retryAt)
	if p.Explain != nil {
		p.ErrText = p.Explain(err)
	} else {
		p.ErrText = model.Sanitize(err.Error())
	}
	p.LastErr = err
	if p.settled = Settled(err); p.settled {
		// Asking every few seconds cannot make Zoom find the meeting or
		// grant the scope; it only spends the account's rate limit.
		d = max(d, SettledWait)
		p.ErrText = strings.TrimRight(p.ErrText, ". ") + ". " + settledText
	}
	// Gone is gone: a participant who left is not asked for faster after
	// an error than after a good answer.
	d = max(d, p.Floor, p.backstop)
	p.retryDue = at.Add(d)
	return p.after(d, at)
}

// StaleAt is when data that the stale rule (model.StaleAt) says turns
// stale at rule does, given how this chain retries: a failure whose
// retry comes within seconds puts it off (model.StaleAfterRetry), so a
// per-second rate limit does not flip a screen to STALE and back.
func (p *Chain) StaleAt(rule time.Time) time.Time {
	if p.Failures == 0 {
		return rule
	}
	return model.StaleAfterRetry(rule, p.LastPoll, p.retryDue)
}

// TogglePause pauses the chain, or resumes it where it would have been (p).
func (p *Chain) TogglePause() tea.Cmd {
	was := p.halted()
	p.Paused = !p.Paused
	return p.haltChanged(was)
}

// setHidden halts the chain while another screen is on top and resumes
// it when this one is back.
func (p *Chain) SetHidden(hidden bool) tea.Cmd {
	was := p.halted()
	p.Hidden = hidden
	return p.haltChanged(was)
}

func (p *Chain) haltChanged(was bool) tea.Cmd {
	switch halted := p.halted(); {
	case halted && !was:
		p.ResumeAt = p.NextPoll
		p.Gen++ // void the pending tick
		p.NextPoll = time.Time{}
	case !halted && was:
		return p.resume()
	}
	return nil
}

// resume polls when the halted chain would have: at once if that time
// has passed, never before a rate limit ends.
func (p *Chain) resume() tea.Cmd {
	if p.Inflight || p.Done {
		return nil // the answer on its way schedules the next poll
	}
	due := p.ResumeAt
	if p.Limited {
		due = later(due, p.RetryAt)
	}
	if d := due.Sub(p.clk.Now); d > 0 {
		return p.ScheduleIn(d, p.clk.Now)
	}
	return p.startFetch()
}

// setInterval steps the interval up (dir > 0) or down within the floor
// and MaxInterval, and moves a pending regular poll to match. A backoff
// or rate-limit wait stays as it is.
func (p *Chain) SetInterval(dir int) tea.Cmd {
	next := p.Interval
	if dir > 0 {
		for _, s := range intervalSteps {
			if s > p.Interval {
				next = s
				break
			}
		}
	} else {
		for i := len(intervalSteps) - 1; i >= 0; i-- {
			if s := intervalSteps[i]; s < p.Interval {
				next = s
				break
			}
		}
	}
	next = min(max(next, p.MinInterval), MaxInterval)
	if next == p.Interval {
		return nil
	}
	// A chosen interval is kept as chosen, as --interval is.
	p.Interval, p.Sched.Interval, p.Sched.Fixed, p.Reason = next, next, true, ""
	if p.Failures > 0 || p.LastPoll.IsZero() || p.Done {
		return nil
	}
	due := p.LastPoll.Add(next)
	if p.halted() {
		p.ResumeAt = due
		return nil
	}
	if p.Inflight || p.NextPoll.IsZero() {
		return nil
	}
	return p.ScheduleIn(max(0, due.Sub(p.clk.Now)), p.clk.Now)
}

// Scheduler makes a command that yields f's message after d. Tests swap
// it for one that records the delay instead of sleeping.
type Scheduler func(d time.Duration, f func() tea.Msg) tea.Cmd

// TickScheduler is the real Scheduler: a tea.Tick after d.
func TickScheduler(d time.Duration, f func() tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return f() })
}

// RateLimit extracts the Retry-After of a rate-limit error: zero when err
// is no *fetch.APIError or carries no time.
func RateLimit(err error) (retryAt time.Time, limitType string, ok bool) {
	var ae *fetch.APIError
	if !errors.As(err, &ae) || ae.RetryAt.IsZero() {
		return time.Time{}, "", false
	}
	return ae.RetryAt, ae.LimitType, true
}

// SettledWait is the least wait after an answer that will not change by
// itself; r still asks at once.
const SettledWait = time.Minute

// settledText ends the error text of such an answer: what qostop does now.
const settledText = "qostop asks again once a minute, or now if you press r"

// Settled reports whether err is an answer that will not change by
// itself: asking again soon would get the same.
func Settled(err error) bool {
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

// Canceled reports whether err is only the echo of our own cancellation.
func Canceled(err error) bool {
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

// intervalSteps are the polling intervals that + and - step through,
// within the configured floor and MaxInterval.
var intervalSteps = []time.Duration{
	time.Second, 2 * time.Second, 5 * time.Second, 10 * time.Second, 15 * time.Second, 30 * time.Second,
	time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute,
}

// MaxInterval is the longest interval + steps to and --interval may ask.
const MaxInterval = 10 * time.Minute

// Now is the clock the chain reads, as the last message that carried it
// set it.
func (p *Chain) Now() time.Time { return p.clk.Now }

// LimitText is "rate limited", with Zoom's limit type when it said.
func LimitText(limitType string) string {
	switch limitType {
	case "":
		return "rate limited"
	case "Budget": // qostop's own --budget, not Zoom's
		return "request budget spent"
	}
	return "rate limited (" + limitType + ")"
}
