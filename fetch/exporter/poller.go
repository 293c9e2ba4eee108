package exporter

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// tracked is one meeting being polled.
type tracked struct {
	id, topic string
	cad       model.Cadence
	next      time.Time // when to poll
	last      time.Time // when last polled
	pages     int       // requests per poll, from the last answer
	fails     int       // failures in a row
}

// poller sends every request of the exporter, one at a time: Zoom's
// daily cap, not its per-second limit, is what binds, and one goroutine
// keeps the order of requests and the memory plain.
type poller struct {
	o        Options
	c        *fetch.Client
	snap     *snapshot
	stats    *selfStats
	log      *slog.Logger
	meetings map[string]*tracked
	discover time.Time // next meeting list; zero with --meetings
	listed   bool      // a meeting list has been logged
	plan     plan
	dropLog  dropLog // caps.go
	// push, with --push or --webhook-listen, brings participants' QoS;
	// a meeting is polled only when push has been silent about it for
	// pushBackstop (push.go).
	push *pushIn

	noWebinars, noRooms bool            // their list was refused for good (more.go)
	lastWebinars        []model.Meeting // kept through a failed webinar list
}

func (p *poller) now() time.Time { return p.o.Now() }

func (p *poller) run(ctx context.Context) {
	if len(p.o.Meetings) > 0 {
		for _, id := range p.o.Meetings {
			p.track(id, "", 1)
		}
	} else {
		p.discover = p.now()
	}
	// A plan from the start: the first list's next one is a plan's
	// interval away, not due at once again.
	p.replan()
	for {
		m, at := p.due()
		if err := p.wait(ctx, at); err != nil {
			return
		}
		if m != nil && p.pushedMeanwhile(m) {
			continue
		}
		if m == nil {
			p.list(ctx)
		} else {
			p.poll(ctx, m)
		}
		p.replan()
	}
}

// due is the next thing to do: a meeting to poll, or the meeting list
// (nil) when that comes first.
func (p *poller) due() (*tracked, time.Time) {
	var first *tracked
	at := p.discover
	for _, m := range p.meetings {
		next := m.next
		if p.push != nil {
			next = later(next, p.push.silentSince(m.id).Add(pushBackstop))
		}
		if at.IsZero() || next.Before(at) {
			first, at = m, next
		}
	}
	if at.IsZero() { // --meetings with none left: look again in a minute
		at = p.now().Add(time.Minute)
		p.discover = at
	}
	return first, at
}

// pushedMeanwhile reports whether an event of m arrived while the
// poller waited to backfill it: the poll is not needed any more.
func (p *poller) pushedMeanwhile(m *tracked) bool {
	return p.push != nil && p.push.silentSince(m.id).Add(pushBackstop).After(p.now())
}

// wait sleeps until t on the exporter's clock. The client waits the
// same way for its pace and for a Retry-After (fetch.Config.Wait).
func (p *poller) wait(ctx context.Context, t time.Time) error { return p.o.waitUntil(ctx, t) }

// waitUntil sleeps until t on o's clock. An injected clock is rechecked
// every few milliseconds, so a test can move it; the real one sleeps
// once.
func (o Options) waitUntil(ctx context.Context, t time.Time) error {
	for {
		d := t.Sub(o.Now())
		if d <= 0 {
			return ctx.Err()
		}
		if o.fakeClock {
			if o.idle != nil {
				o.idle(t)
			}
			d = min(d, 2*time.Millisecond)
		}
		timer := time.NewTimer(d)
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-timer.C:
		}
	}
}

func (p *poller) track(id, topic string, pages int) {
	if _, ok := p.meetings[id]; ok || len(p.meetings) >= maxMeetings {
		return
	}
	m := &tracked{id: id, topic: topic, pages: max(pages, 1), next: p.now(),
		cad: model.Cadence{Interval: p.o.Interval, Fixed: p.o.Fixed}}
	if p.push != nil {
		// Push brings its samples within a minute: a poll now would cost
		// a request for what the next event says anyway.
		m.next = m.next.Add(pushBackstop)
	}
	p.meetings[id] = m
}

// list discovers the live meetings (a Resource-intensive call): new ones
// are polled at once, ended ones are forgotten.
func (p *poller) list(ctx context.Context) {
	now := p.now()
	ms, err := p.c.LiveMeetings(ctx, now.Add(-24*time.Hour), now)
	if err != nil {
		if at, ok := qpsRetry(err); ok {
			p.rateLimited("list live meetings", at, err)
			p.discover = at
			return
		}
		p.failed("list live meetings", err)
		p.discover = later(now.Add(p.plan.discover), retryAt(err))
		return
	}
	p.stats.ok(p.now())
	ms = append(ms, p.listMore(ctx, now)...)
	live := make(map[string]bool, len(ms))
	before := len(p.meetings)
	var refused []error
	for _, m := range ms {
		if err := fetch.CheckID(m.ID); err != nil {
			refused = append(refused, err) // never sent: skipped, not a failure
			continue
		}
		// A webinar is tracked by its Ref's Key, which the client asks
		// /metrics/webinars for; a meeting by its ID, as before.
		id := model.Ref{Kind: m.Kind, ID: m.ID}.Key()
		live[id] = true
		p.track(id, m.Topic, (m.Participants+fetch.QoSPageSize-1)/fetch.QoSPageSize)
	}
	p.refused(refused)
	if len(p.meetings) == 0 {
		p.stats.fresh(p.now()) // nothing live to poll: the metrics are as current as they can be
	}
	// The first list, and each that brings new meetings, is logged (the
	// ones that end are, one by one): the start's log could not say.
	if added := len(p.meetings) - before; !p.listed || added > 0 {
		p.log.Info("live meetings listed", "meetings", len(p.meetings), "new", added)
	}
	p.listed = true
	for id := range p.meetings {
		if !live[id] {
			p.forget(id, "no longer live")
		}
	}
	p.discover = now.Add(p.plan.discover)
}

func (p *poller) forget(id, why string) {
	delete(p.meetings, id)
	p.snap.drop(id)
	if p.push != nil {
		p.push.forget(id)
	}
	p.log.Info("meeting dropped", "meeting_id", id, "why", why)
}

// poll fetches one meeting's QoS, every page, and schedules the next.
func (p *poller) poll(ctx context.Context, m *tracked) {
	now := p.now()
	m.last = now
	ps, err := p.c.MeetingQoS(ctx, m.id, model.Live)
	if err != nil {
		var ae *fetch.APIError
		if errors.As(err, &ae) && ae.Kind == fetch.NotFound {
			if len(p.o.Meetings) == 0 {
				p.forget(m.id, "Zoom says it is not live")
				return
			}
			// Asked for by --meetings: not live (yet, or any more); look
			// again once a minute without listing meetings.
			p.snap.drop(m.id)
			p.stats.fresh(now) // Zoom answered: there is nothing to export
			m.next = now.Add(max(time.Minute, p.plan.gap))
			return
		}
		if at, ok := qpsRetry(err); ok {
			// Zoom's per-second limit: wait what it said, exactly, and
			// count no failure. A backoff that grew with each one kept
			// the meeting away for minutes and, all meetings backing off
			// alike, bunched their polls into the next refusal.
			p.rateLimited("poll meeting "+m.id, at, err)
			m.next = at
			if p.plan.limited {
				m.next = later(at, m.last.Add(p.plan.gap))
			}
			return
		}
		p.failed("poll meeting "+m.id, err)
		m.fails++
		// The screens' retry policy (model.RetryWait): a backoff from the
		// interval, never before a Retry-After, and never faster than the
		// budget's plan allows.
		wait := model.RetryWait(p.interval(), m.fails, rand.Float64(), now, retryAt(err))
		m.next = now.Add(max(wait, p.plan.gap))
		return
	}
	done := p.now()
	p.stats.ok(done)
	p.stats.fresh(done)
	m.fails = 0
	m.pages = max(1, (len(ps)+fetch.QoSPageSize-1)/fetch.QoSPageSize)
	p.logDrops(m.id, p.snap.update(m.id, m.topic, ps, done))
	if p.push != nil {
		// A backfill: push was silent about this meeting. Poll again only
		// if it stays silent, and never faster than the budget allows.
		p.push.backfilled()
		m.next = later(done.Add(pushBackstop), m.last.Add(p.plan.gap))
		p.log.Debug("backfilled", "meeting_id", m.id, "participants", len(ps), "next", m.next)
		return
	}
	next := m.cad.Observe(model.AnswerOf(done, ps...))
	if p.plan.gap > 0 {
		next = next.Later(m.last.Add(p.plan.gap), p.plan.why)
	}
	m.next = next.At
	p.log.Debug("polled", "meeting_id", m.id, "participants", len(ps), "next", next.At, "why", next.Reason)
}

func (p *poller) interval() time.Duration {
	if p.o.Interval > 0 {
		return p.o.Interval
	}
	return model.DefaultPollInterval
}

// failed logs a failure; one a person must fix is kept for /healthz.
func (p *poller) failed(what string, err error) {
	var ae *fetch.APIError
	temporary := errors.As(err, &ae) && ae.Temporary()
	if errors.Is(err, context.Canceled) {
		return
	}
	p.stats.problem(err)
	if temporary {
		p.log.Warn(what+" failed", "err", err)
		return
	}
	p.stats.mu.Lock()
	p.stats.fatal = err
	p.stats.mu.Unlock()
	p.log.Error(what+" failed", "err", err)
}

// replan recomputes the budget's plan and says so when it changes.
func (p *poller) replan() {
	pages := 0
	for _, m := range p.meetings {
		pages += m.pages
	}
	old := p.plan
	p.plan = planFor(p.o.Budget.Status(), p.now(), len(p.meetings), pages, len(p.o.Meetings) == 0, time.Minute)
	p.plan.discover *= time.Duration(p.listCost()) // the same share of the budget for a longer list
	p.stats.mu.Lock()
	p.stats.meetings, p.stats.gap, p.stats.limitedBy = len(p.meetings), p.plan.gap, p.plan.limited
	p.stats.staleAfter = max(minStale, 3*max(p.plan.gap, p.plan.discover))
	p.stats.mu.Unlock()
	if p.plan.limited != old.limited || (p.plan.limited && drift(old.gap, p.plan.gap) > 0.2) {
		if p.plan.limited {
			p.log.Warn("polling slowed to fit the budget", "meetings", len(p.meetings),
				"poll_interval", p.plan.gap.Round(time.Second).String(), "why", p.plan.why)
		} else {
			p.log.Info("the budget allows polling at Zoom's cadence again", "meetings", len(p.meetings))
		}
	}
}

func drift(a, b time.Duration) float64 {
	if a == 0 {
		return 1
	}
	d := float64(b-a) / float64(a)
	if d < 0 {
		return -d
	}
	return d
}

// rateLimited logs a per-second 429, and warns when Zoom asked for a
// wait no per-second limit needs (fetch cut it to a minute).
func (p *poller) rateLimited(what string, at time.Time, err error) {
	p.stats.problem(err)
	var ae *fetch.APIError
	if errors.As(err, &ae) && ae.RetryCapped() {
		p.log.Warn(what+": Zoom's per-second limit asked for a wait of hours; waiting a minute", "retry_at", at, "err", err)
		return
	}
	p.log.Info(what+" rate limited for a moment", "retry_at", at, "err", err)
}

// refused logs the meetings of a list whose IDs qostop will not send
// (empty, or a "." or ".." segment), when their number changes, and
// keeps the number for the metrics.
func (p *poller) refused(errs []error) {
	p.stats.mu.Lock()
	changed := p.stats.refused != len(errs)
	p.stats.refused = len(errs)
	p.stats.mu.Unlock()
	if changed && len(errs) > 0 {
		p.log.Warn("meetings skipped: qostop refuses their IDs", "meetings", len(errs), "first", errs[0])
	}
}

// qpsRetry is when a per-second (QPS) 429 says to ask again.
func qpsRetry(err error) (time.Time, bool) {
	var ae *fetch.APIError
	if errors.As(err, &ae) && ae.Kind == fetch.RateLimited && ae.LimitType == "QPS" {
		return ae.RetryAt, true
	}
	return time.Time{}, false
}

// later is the later of a and b.
func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// retryAt is when a rate-limit error says to ask again; zero when it
// says nothing.
func retryAt(err error) time.Time {
	var ae *fetch.APIError
	if errors.As(err, &ae) && ae.Kind == fetch.RateLimited {
		return ae.RetryAt
	}
	return time.Time{}
}
