package feed

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/fetch/qss"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/poll"
)

// PushSettings turn on Zoom's QoS push (QSS) for the live watch: the
// client that subscribes (*fetch.Client) and the subscription's ID. The
// zero value is off.
type PushSettings struct {
	API          qss.API
	Subscription string
}

// On reports whether push is configured.
func (s PushSettings) On() bool { return s.API != nil && s.Subscription != "" }

// Push is the source that takes each sample the moment Zoom pushes it
// (the subscription pattern: a command waits on the socket for the next
// event for this participant, Update takes it and sends the next wait),
// with the Zoom poll beside it as a backstop: every (re)subscription is
// followed by one poll, which fills what the socket missed (Zoom replays
// nothing), and while push delivers, the poll slows to poll.Backstop. A
// dropped subscription is logged and subscribed again after a backoff of
// 1 s doubling to a minute, each time with a fresh token.
type Push struct {
	z     *Zoom
	set   PushSettings
	t     Target
	ref   model.Ref // t's meeting, to tell its events from the account's others
	now   func() time.Time
	sched poll.Scheduler

	ctx    context.Context
	cancel context.CancelFunc

	gen     uint64    // the subscription attempt; older messages are stale
	conn    *qss.Conn // the open subscription, nil while down
	fails   int       // drops and failed subscriptions in a row
	started bool
}

// Longest and shortest waits before subscribing again.
const (
	pushRetryMin = time.Second
	pushRetryMax = time.Minute
)

// NewPush subscribes with set for t's samples beside z, the poll that
// backs it; sched makes its retry timers (the app's).
func NewPush(ctx context.Context, z *Zoom, set PushSettings, t Target, now func() time.Time, sched poll.Scheduler) *Push {
	ctx, cancel := context.WithCancel(ctx)
	p := &Push{z: z, set: set, t: t, ref: model.RefOf(t.MeetingID), now: now, sched: sched, ctx: ctx, cancel: cancel}
	ch := z.Chain()
	ch.Push.On = true
	// The chain's first request starts the subscription too: a source
	// has no start of its own, and the app starts a screen by its chain.
	request := ch.Request
	ch.Request = func(env poll.Envelope) tea.Cmd {
		if !p.started {
			p.started = true
			return tea.Batch(request(env), p.subscribe())
		}
		return request(env)
	}
	return p
}

// Chain is the backing poll's chain, which also carries the push state.
func (p *Push) Chain() *poll.Chain { return p.z.Chain() }

// Close ends the subscription and cancels the poll in flight.
func (p *Push) Close() {
	p.cancel()
	if p.conn != nil {
		p.conn.Close()
	}
	p.z.Close()
}

// PushMsg is what the subscription brings its feed: a subscription made
// or refused, a pushed sample, a drop, or the end of a retry's wait.
type PushMsg struct {
	owner, gen uint64
	kind       pushKind
	conn       *qss.Conn
	samples    []model.Sample
	err        error
	at         time.Time
}

// To is the chain the message is for.
func (m PushMsg) To() uint64 { return m.owner }

// At is when the message arrived.
func (m PushMsg) At() time.Time { return m.at }

// Landed reports whether the message brought samples.
func (m PushMsg) Landed() bool { return m.kind == pushEvent }

type pushKind uint8

const (
	pushUp pushKind = iota
	pushEvent
	pushDown
	pushRetry
)

// Update takes the poll's messages as Zoom does, with push's slower
// pace, and the subscription's own.
func (p *Push) Update(f *Feed, msg tea.Msg) (tea.Cmd, bool) {
	m, ok := msg.(PushMsg)
	if !ok {
		if fm, ok := msg.(FetchedMsg); ok {
			fm.P.Samples = f.keepPushed(fm.P.Samples)
			msg = fm
		}
		return p.z.Update(f, msg)
	}
	if m.gen != p.gen {
		if m.conn != nil {
			m.conn.Close() // a subscription superseded before it landed
		}
		return nil, false
	}
	switch m.kind {
	case pushUp:
		return p.up(f, m)
	case pushEvent:
		ch := p.Chain()
		ch.Push.LastFrame = m.at
		f.takePushed(m.samples, m.at)
		return tea.Batch(ch.SetBackstop(poll.Backstop), p.waitCmd(p.conn, p.gen)), true
	case pushDown:
		return p.down(f, m.err, m.at), true
	case pushRetry:
		return p.subscribe(), false
	}
	return nil, false
}

// up starts reading a new subscription, and polls once: what Zoom
// published while there was none is only in the API.
func (p *Push) up(f *Feed, m PushMsg) (tea.Cmd, bool) {
	if m.err != nil {
		return p.down(f, m.err, m.at), true
	}
	p.conn, p.fails = m.conn, 0
	ch := p.Chain()
	ch.Push.Live, ch.Push.Down = true, ""
	f.pushChanged(m.at, true, "")
	return tea.Batch(ch.Refresh(), p.waitCmd(p.conn, p.gen)), true
}

// down notes a drop or a refusal and subscribes again after the backoff.
// A single drop leaves the poll at the backstop's pace (the
// reconnection's poll will fill the gap); a second failure in a row
// means push is really down, and the poll takes over at its own pace.
func (p *Push) down(f *Feed, err error, at time.Time) tea.Cmd {
	if p.conn != nil {
		p.conn.Close()
		p.conn = nil
	}
	p.fails++
	why := shortError(err)
	ch := p.Chain()
	was := ch.Push.Live || p.fails == 1
	ch.Push.Live, ch.Push.Down = false, why
	if was {
		f.pushChanged(at, false, why)
	}
	var slow tea.Cmd
	if p.fails > 1 {
		slow = ch.SetBackstop(0)
	}
	d := min(pushRetryMin<<min(p.fails-1, 6), pushRetryMax)
	p.gen++
	owner, gen := ch.Owner, p.gen
	return tea.Batch(slow, p.sched(d, func() tea.Msg { return PushMsg{owner: owner, gen: gen, kind: pushRetry} }))
}

// subscribe dials with a fresh token (a tea.Cmd: IO off the Update loop).
func (p *Push) subscribe() tea.Cmd {
	p.gen++
	owner, gen := p.Chain().Owner, p.gen
	ctx, set, now := p.ctx, p.set, p.now
	return func() tea.Msg {
		c, err := qss.Dial(ctx, set.API, set.Subscription)
		return PushMsg{owner: owner, gen: gen, kind: pushUp, conn: c, err: err, at: now()}
	}
}

// waitCmd waits for the next event for this participant, passing over
// the account's others in the command, not in Update.
func (p *Push) waitCmd(c *qss.Conn, gen uint64) tea.Cmd {
	owner, ctx, now := p.Chain().Owner, p.ctx, p.now
	return func() tea.Msg {
		for {
			e, err := c.Next(ctx)
			if err != nil {
				return PushMsg{owner: owner, gen: gen, kind: pushDown, err: err, at: now()}
			}
			if p.mine(e) && len(e.Participant.Samples) > 0 {
				return PushMsg{owner: owner, gen: gen, kind: pushEvent, samples: e.Participant.Samples, at: now()}
			}
		}
	}
}

// mine reports whether e is of the watched participant in the watched
// call (by the meeting's ID or UUID). It reads only what never changes.
func (p *Push) mine(e qss.Event) bool {
	if e.Participant.UserID != p.t.ParticipantID || e.Webinar() != (p.ref.Kind == model.KindWebinar) {
		return false
	}
	return e.MeetingID == p.ref.ID || e.MeetingUUID == p.ref.ID
}
