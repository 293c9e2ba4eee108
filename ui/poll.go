package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/poll"
)

// The watch screen's use of the polling chain (poller.go): what it does
// with an answer, and the message and command that carry one.

func (m *watchModel) fetched(msg fetchedMsg) tea.Cmd {
	landed, next := m.poll.Take(m.ctx, msg.Answer, m.t.typ == model.Past, func() { m.use(msg.p, msg.At) })
	if !landed {
		return nil // superseded, or the echo of our own cancellation
	}
	if msg.Err != nil {
		m.failed(msg)
	}
	m.rebuild()
	return next
}

// use takes a good answer: who the participant is and their samples. It
// runs before the chain schedules the next poll, so that the floor
// answered sets (the participant left) already holds for that poll.
func (m *watchModel) use(p model.Participant, at time.Time) {
	samples := p.Samples
	p.Samples = nil
	prev := m.who
	m.who = p
	m.answered(prev)
	m.events.succeeded(at)
	m.hist.Merge(samples...)
	m.cadence = cadence(m.hist.Samples())
	m.events.observe(m.hist.Since(m.events.judged.Add(time.Nanosecond)), m.c.cfg.Thresholds, m.cadence)
}

// failed notes what a failed answer says about the call and logs it; the
// chain has shown the error (explain) and backs off. Every sample stays.
func (m *watchModel) failed(msg fetchedMsg) {
	why, _ := m.goneBy(msg.Err)
	switch {
	case m.poll.Limited:
		m.events.failed(msg.At, chrome.LimitText(m.poll.LimitType)+" until "+m.poll.RetryAt.In(m.loc).Format("15:04:05"))
	case why != "":
		m.gone = why
		m.events.failed(msg.At, m.goneEvent())
	default:
		m.events.failedWith(msg.At, shortError(msg.Err), withoutOp(msg.Err))
	}
}

// explain is the chain's words for an error of this screen (the chain
// alone writes the error text): a live call that is over, in plain words;
// anything else without the operation, since the header says whose QoS
// this is and the two error lines need the room for what to do.
func (m *watchModel) explain(err error) string {
	if why, said := m.goneBy(err); why != "" && !m.poll.Limited {
		return m.goneText(why, said)
	}
	return withoutOp(err)
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

// fetchedMsg is the answer to the watch screen's fetch: the participant
// and the envelope every answer carries. One whose seq is not the one in
// flight is stale and dropped.
type fetchedMsg struct {
	poll.Answer
	p model.Participant
}

// fetchCmd asks src for the participant's QoS. All IO of the watch screen
// happens here, off the Update loop; ctx is cancelled on quit, so a hung
// request never holds the program open.
func fetchCmd(ctx context.Context, src Source, now func() time.Time, env poll.Envelope,
	meetingID, participantID string, typ model.MeetingType) tea.Cmd {
	return func() tea.Msg {
		p, err := src.ParticipantQoS(ctx, meetingID, participantID, typ)
		a := poll.Stamp(src, now, env, err)
		a.Seen = model.AnswerOf(a.At, p)
		return fetchedMsg{Answer: a, p: p}
	}
}
