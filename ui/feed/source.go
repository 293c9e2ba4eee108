package feed

import (
	"context"
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/poll"
)

// Source fills a feed. Today that is Zoom, polled (Zoom); see the package
// doc for how a recording or a push subscription would be one.
type Source interface {
	// Chain is the source's polling chain: when it asks next and what
	// went wrong last, for the status bar, and what p, r, + and - act on.
	// The app routes every message addressed to its owner to the feed.
	Chain() *poll.Chain
	// Update takes a message addressed to the chain, puts what it
	// brought into f (Feed.Take, Feed.Fail) and returns the command that
	// brings the next; changed says an answer landed.
	Update(f *Feed, msg tea.Msg) (next tea.Cmd, changed bool)
	// Close cancels the requests in flight: the feed is gone.
	Close()
}

// API is what the Zoom source asks: *fetch.Client, or the simulator's.
type API interface {
	ParticipantQoS(ctx context.Context, meetingID, participantID string, typ model.MeetingType) (model.Participant, error)
	Requests() int64
}

// Zoom is the source that polls Zoom's Dashboard API for one
// participant's QoS on one chain: at most one request in flight, on the
// chain's schedule.
type Zoom struct {
	chain  poll.Chain
	ctx    context.Context // parent of every fetch; cancelled by Close
	cancel context.CancelFunc
	once   bool // a past meeting: fetched once
}

// NewZoom polls api for t's QoS under ctx. start makes the chain from the
// command that sends one numbered request (the app's chains share a
// clock and a numbering); now stamps each answer's arrival.
func NewZoom(ctx context.Context, api API, now func() time.Time, t Target,
	start func(request func(poll.Envelope) tea.Cmd) poll.Chain) *Zoom {
	ctx, cancel := context.WithCancel(ctx)
	z := &Zoom{ctx: ctx, cancel: cancel, once: t.Type == model.Past}
	z.chain = start(func(env poll.Envelope) tea.Cmd { return fetchCmd(ctx, api, now, env, t) })
	return z
}

// Chain is the chain that polls Zoom.
func (z *Zoom) Chain() *poll.Chain { return &z.chain }

// Close cancels the request in flight.
func (z *Zoom) Close() { z.cancel() }

// Update runs the chain: a tick starts a fetch, an answer lands in f.
func (z *Zoom) Update(f *Feed, msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case poll.TickMsg:
		return z.chain.Tick(msg), false
	case FetchedMsg:
		landed, next := z.chain.Take(z.ctx, msg.Answer, z.once, func() { f.Take(msg.P, msg.At) })
		if landed && msg.Err != nil {
			f.Fail(msg.Err, msg.At)
		}
		return next, landed
	}
	return nil, false
}

// FetchedMsg is the answer to a participant's fetch: the participant and
// the envelope every answer carries. One whose Seq is not the one in
// flight is stale and dropped.
type FetchedMsg struct {
	poll.Answer
	P model.Participant
}

// fetchCmd asks api for t's QoS. All IO of a feed happens here, off the
// Update loop; ctx is cancelled on quit, so a hung request never holds
// the program open.
func fetchCmd(ctx context.Context, api API, now func() time.Time, env poll.Envelope, t Target) tea.Cmd {
	return func() tea.Msg {
		p, err := api.ParticipantQoS(ctx, t.MeetingID, t.ParticipantID, t.Type)
		a := poll.Stamp(api, now, env, err)
		a.Seen = model.AnswerOf(a.At, p)
		return FetchedMsg{Answer: a, P: p}
	}
}

// withoutOp is an error's text, sanitized, without the operation that
// every error of a feed shares ("fetch participant QoS (meeting …,
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
