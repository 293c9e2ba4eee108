package ui

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// The watch screen's use of the polling chain (poller.go): what it does
// with an answer, and the message and command that carry one.

func (m *watchModel) fetched(msg fetchedMsg) tea.Cmd {
	if !m.land(msg.seq, msg.at, msg.requests) {
		return nil // superseded: a newer fetch owns the chain
	}
	if msg.err != nil {
		if m.ctx.Err() != nil && canceled(msg.err) {
			return nil // we are quitting; this is our own cancellation
		}
		return m.failed(msg)
	}

	p := msg.p
	samples := p.Samples
	p.Samples = nil
	prev := m.who
	m.who = p
	m.answered(prev)
	next := m.succeeded(msg.at, m.cfg.Type == model.Past, seenIn(samples))
	m.events.succeeded(msg.at)
	m.hist.Merge(samples...)
	m.events.observe(m.hist.Since(m.events.judged.Add(time.Nanosecond)), m.cfg.Thresholds)
	m.cadence = cadence(m.hist.Samples())
	m.rebuild()
	return next
}

// failed keeps every sample, shows the error and logs it; polling
// continues after a backoff or Retry-After.
func (m *watchModel) failed(msg fetchedMsg) tea.Cmd {
	next := m.poller.failed(msg.err, msg.at, msg.jitter)
	if m.limited {
		m.events.failed(msg.at, limitText(m.limitType)+" until "+m.retryAt.In(m.loc).Format("15:04:05"))
	} else if m.goneBy(msg.err) {
		m.events.failed(msg.at, m.goneEvent())
	} else {
		m.events.failed(msg.at, shortError(msg.err))
	}
	m.rebuild()
	return next
}

// withoutOp is an error's text, sanitized, without the operation that
// every error of this screen shares ("fetch participant QoS (meeting …,
// participant …)").
func withoutOp(err error) string {
	s := err.Error()
	var ae *fetch.APIError
	if errors.As(err, &ae) && ae.Op != "" {
		s = strings.TrimPrefix(s, ae.Op+": ")
	}
	return model.Sanitize(s)
}

// shortError is the first sentence of withoutOp: one event-log line.
func shortError(err error) string {
	s := withoutOp(err)
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
