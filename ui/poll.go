package ui

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// The watch screen's polling chain: a tick starts a fetch, the answer
// schedules the next tick. The methods below are its state transitions;
// the messages and commands they exchange follow them.

// startFetch sends the next request and voids any pending tick: the
// answer schedules the next one.
func (m *watchModel) startFetch() tea.Cmd {
	m.seq++
	m.inflight = true
	m.gen++
	m.nextPoll = time.Time{}
	return m.fetch()
}

// scheduleIn arms the poll tick for d after from.
func (m *watchModel) scheduleIn(d time.Duration, from time.Time) tea.Cmd {
	m.gen++
	m.nextPoll = from.Add(d)
	gen := m.gen
	return m.schedule(d, func() tea.Msg { return pollTickMsg{gen: gen} })
}

// after is how the chain continues once an answer arrived at t: wait d,
// or, while paused, remember when to resume.
func (m *watchModel) after(d time.Duration, t time.Time) tea.Cmd {
	if m.paused {
		m.resumeAt = t.Add(d)
		return nil
	}
	return m.scheduleIn(d, t)
}

func (m *watchModel) fetched(msg fetchedMsg) tea.Cmd {
	if msg.seq != m.seq || !m.inflight {
		return nil // superseded: a newer fetch owns the chain
	}
	m.inflight = false
	m.requests = max(m.requests, msg.requests)
	m.lastPoll = msg.at
	if msg.at.After(m.now) {
		m.now = msg.at
	}
	if msg.err != nil {
		if m.ctx.Err() != nil && canceled(msg.err) {
			return nil // we are quitting; this is our own cancellation
		}
		return m.failed(msg)
	}

	m.failures, m.limited, m.errText = 0, false, ""
	m.events.succeeded(msg.at)
	p := msg.p
	samples := p.Samples
	p.Samples = nil
	m.who = p
	m.hist.Merge(samples...)
	m.events.observe(m.hist.Since(m.events.judged.Add(time.Nanosecond)), m.cfg.Thresholds)
	m.cadence = cadence(m.hist.Samples())
	m.rebuild()
	if m.cfg.Type == model.Past {
		m.done = true
		return nil
	}
	return m.after(m.interval, msg.at)
}

// failed keeps every sample and shows the error; polling continues after
// a backoff, or after Retry-After for a rate limit, whichever is later.
func (m *watchModel) failed(msg fetchedMsg) tea.Cmd {
	m.failures++
	m.errText = model.Sanitize(msg.err.Error())
	d := backoff(m.interval, m.failures, msg.jitter)
	if at, lt, ok := rateLimit(msg.err); ok {
		m.limited, m.retryAt, m.limitType = true, at, lt
		d = max(d, at.Sub(msg.at))
		m.events.failed(msg.at, limitText(lt)+" until "+at.In(m.loc).Format("15:04:05"))
	} else {
		m.limited = false
		m.events.failed(msg.at, shortError(msg.err))
	}
	m.rebuild()
	return m.after(d, msg.at)
}

// shortError is the first sentence of an error, without the operation
// that every error of this screen shares: one event-log line.
func shortError(err error) string {
	s := err.Error()
	var ae *fetch.APIError
	if errors.As(err, &ae) && ae.Op != "" && len(s) > len(ae.Op)+2 && s[:len(ae.Op)+2] == ae.Op+": " {
		s = s[len(ae.Op)+2:]
	}
	depth := 0
	for i := 0; i < len(s)-1; i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case '.', ';':
			if depth == 0 && s[i+1] == ' ' {
				return model.Sanitize(s[:i])
			}
		}
	}
	return model.Sanitize(s)
}

// cadence is how often samples come: the smallest gap among the newest
// few (a gap can only be longer than the cadence, never shorter), or
// Zoom's minute when there are too few to tell.
func cadence(samples []model.Sample) time.Duration {
	c := time.Duration(0)
	for i := max(1, len(samples)-6); i < len(samples); i++ {
		if g := samples[i].Time.Sub(samples[i-1].Time); g > 0 && (c == 0 || g < c) {
			c = g
		}
	}
	if c == 0 {
		return time.Minute
	}
	return c
}

// staleAfter is how old the newest sample may be before the status bar
// says STALE. Three polls without a new sample is the idea, but Zoom
// samples once a minute and publishes each a little late, so polling
// every 10 s must not cry stale after 30 s: the bound is three polls or
// three samples, whichever is longer.
func (m *watchModel) staleAfter() time.Duration { return max(3*m.interval, 3*m.cadence) }

// pollTickMsg says a scheduled poll is due. Every schedule gets a new gen,
// and a tick whose gen is not the latest is ignored, so rescheduling
// (refresh, a new interval, resume) never leaves two timers running.
type pollTickMsg struct{ gen uint64 }

// clockMsg is the once-a-second clock that ages the status bar. It
// carries the time, so Update and View never read the clock themselves.
type clockMsg struct{ now time.Time }

// fetchedMsg is the answer to fetch number seq. A result whose seq is not
// the one in flight is stale and dropped.
type fetchedMsg struct {
	seq      uint64
	p        model.Participant
	err      error
	at       time.Time // when the answer arrived
	requests int64     // Source.Requests() after the call
	jitter   float64   // in [0,1): drawn here so Update stays deterministic
}

// scheduler makes a command that yields f's message after d. Tests swap
// it for one that records the delay instead of sleeping.
type scheduler func(d time.Duration, f func() tea.Msg) tea.Cmd

func tickScheduler(d time.Duration, f func() tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return f() })
}

// fetchCmd asks src for the participant's QoS. All IO of the watch screen
// happens here, off the Update loop; ctx is cancelled on quit, so a hung
// request never holds the program open.
func fetchCmd(ctx context.Context, src Source, now func() time.Time, seq uint64,
	meetingID, participantID string, typ model.MeetingType) tea.Cmd {
	return func() tea.Msg {
		p, err := src.ParticipantQoS(ctx, meetingID, participantID, typ)
		return fetchedMsg{seq: seq, p: p, err: err, at: now(), requests: src.Requests(), jitter: rand.Float64()}
	}
}

// clockCmd ticks on the next whole second, so every countdown on screen
// changes in step.
func clockCmd(schedule scheduler, now func() time.Time, last time.Time) tea.Cmd {
	d := time.Second - time.Duration(last.Nanosecond())
	return schedule(d, func() tea.Msg { return clockMsg{now: now()} })
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

// canceled reports whether err is only the echo of our own cancellation.
func canceled(err error) bool {
	var ae *fetch.APIError
	if errors.As(err, &ae) && ae.Kind == fetch.Canceled {
		return true
	}
	return errors.Is(err, context.Canceled)
}
