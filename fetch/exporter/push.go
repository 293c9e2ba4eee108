package exporter

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/qss"
	"github.com/qostop/qostop/model"
)

// pushBackstop is how long push may say nothing of a live meeting before
// the exporter polls it by REST: Zoom pushes about one event a minute per
// participant, so two and a half minutes of silence is an event missed
// (a disconnection, a webhook lost, a meeting the subscription does not
// cover), and the poll fills the metrics in while push is away.
const pushBackstop = 150 * time.Second

// sourceWebhook labels qostop_push_events_total for the webhook's
// events (--webhook-listen).
const sourceWebhook = "webhook"

// pushIn takes participants' QoS from Zoom's pushed events into the
// snapshot, and tells the poller which meetings push is silent about.
type pushIn struct {
	snap  *snapshot
	stats *selfStats
	log   *slog.Logger

	mu        sync.Mutex
	byMeeting map[string]time.Time // the newest event of each meeting
	events    map[string]int       // by source
	unusable  int                  // not a participant event, or a meeting ID refused
	last      time.Time            // newest event of any meeting
	hook      *qss.Webhook         // its refusals
	backfills int                  // REST polls of a meeting push was silent about
	sources   []string             // what feeds it: webhook, websocket

	everUp, up bool // the WebSocket: ever subscribed, subscribed now
	reconnects int  // its subscriptions made again after a drop
}

func newPushIn(snap *snapshot, stats *selfStats, log *slog.Logger, sources []string) *pushIn {
	return &pushIn{snap: snap, stats: stats, log: log, byMeeting: map[string]time.Time{}, events: map[string]int{}, sources: sources}
}

// take merges one event (its raw JSON) that arrived at at from source.
func (x *pushIn) take(body []byte, at time.Time, source string) {
	e, err := qss.ParseEvent(body)
	if err != nil {
		x.skipped(source, err)
		return
	}
	x.takeEvent(e, at, source)
}

// skipped counts an event qostop cannot use, and logs the first.
func (x *pushIn) skipped(source string, err error) {
	x.mu.Lock()
	x.unusable++
	first := x.unusable == 1
	x.mu.Unlock()
	if first {
		x.log.Warn("a pushed event qostop cannot use was skipped (counted in qostop_push_events_unusable_total)", "source", source, "err", err)
	}
}

// takeEvent merges one parsed event that arrived at at from source.
func (x *pushIn) takeEvent(e qss.Event, at time.Time, source string) {
	if !e.QoS() {
		return // a *_summary or *_data event: nothing the metrics hold
	}
	if err := fetch.CheckID(e.MeetingID); err != nil {
		x.skipped(source, err)
		return
	}
	kind := model.KindMeeting
	if e.Webinar() {
		kind = model.KindWebinar
	}
	key := model.Ref{Kind: kind, ID: e.MeetingID}.Key()
	x.snap.push(key, e.Topic, e.Participant, at)
	x.mu.Lock()
	x.byMeeting[key] = later(x.byMeeting[key], at)
	x.events[source]++
	x.last = later(x.last, at)
	x.mu.Unlock()
	x.stats.fresh(at)
}

// silentSince is when push last said something of meeting id; zero if
// never.
func (x *pushIn) silentSince(id string) time.Time {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.byMeeting[id]
}

// forget drops what is known of a meeting that ended.
func (x *pushIn) forget(id string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	delete(x.byMeeting, id)
}

func (x *pushIn) backfilled() {
	x.mu.Lock()
	x.backfills++
	x.mu.Unlock()
}

// subscribed notes the WebSocket subscribed at at (again, after a drop,
// when it had been before).
func (x *pushIn) subscribed(at time.Time) {
	x.mu.Lock()
	again := x.everUp
	if again {
		x.reconnects++
	}
	x.everUp, x.up = true, true
	x.mu.Unlock()
	x.log.Info("subscribed to Zoom's push (QSS WebSocket)", "again", again, "at", at)
}

// dropped notes the WebSocket down.
func (x *pushIn) dropped() {
	x.mu.Lock()
	x.up = false
	x.mu.Unlock()
}

// webhook consumes the receiver's queue until ctx ends.
func (x *pushIn) webhook(ctx context.Context, h *qss.Webhook) {
	for {
		select {
		case <-ctx.Done():
			return
		case d := <-h.Events():
			x.take(d.Body, d.At, sourceWebhook)
		}
	}
}

var (
	pushEventsDesc = prometheus.NewDesc("qostop_push_events_total",
		"participant_qos events taken from Zoom's push, by source (webhook, websocket); a duplicate Zoom sent counts again.", []string{"source"}, nil)
	pushAgeDesc = prometheus.NewDesc("qostop_push_last_event_age_seconds",
		"Time since the newest pushed event of any meeting; absent before the first.", nil, nil)
	pushUnusableDesc = prometheus.NewDesc("qostop_push_events_unusable_total",
		"Pushed events skipped: not a participant event, or a meeting ID qostop refuses.", nil, nil)
	backfillDesc = prometheus.NewDesc("qostop_exporter_backfill_polls_total",
		"REST polls of a meeting push had said nothing of for 2m30s (a disconnection, a late start, a lost webhook).", nil, nil)
	reconnectsDesc = prometheus.NewDesc("qostop_push_reconnects_total",
		"Subscriptions to Zoom's QSS WebSocket made again after a drop or a refusal.", nil, nil)
	upDesc = prometheus.NewDesc("qostop_push_connected",
		"1 while subscribed to Zoom's QSS WebSocket, 0 while not (between a drop and the next subscription).", nil, nil)
	refusedHookDesc = prometheus.NewDesc("qostop_webhook_refused_total",
		"Webhook requests refused, by reason (bad_signature, stale, replay, duplicate, too_large, queue_full…).", []string{"reason"}, nil)
)

// pushCollector emits pushIn's health.
type pushCollector struct {
	x   *pushIn
	now func() time.Time
}

func (c pushCollector) Describe(chan<- *prometheus.Desc) {}

func (c pushCollector) Collect(ch chan<- prometheus.Metric) {
	x := c.x
	x.mu.Lock()
	events := make([]int, len(x.sources))
	for i, src := range x.sources {
		events[i] = x.events[src]
	}
	last, unusable, backfills, reconnects, up := x.last, x.unusable, x.backfills, x.reconnects, x.up
	x.mu.Unlock()
	for i, src := range x.sources {
		counter(ch, pushEventsDesc, events[i], src)
		if src == sourceWebSocket {
			counter(ch, reconnectsDesc, reconnects)
			send(ch, upDesc, map[bool]float64{true: 1}[up])
		}
	}
	if !last.IsZero() {
		send(ch, pushAgeDesc, c.now().Sub(last).Seconds())
	}
	counter(ch, pushUnusableDesc, unusable)
	counter(ch, backfillDesc, backfills)
	if x.hook != nil {
		refused := x.hook.Stats().Refused
		for _, reason := range qss.RefusedReasons {
			counter(ch, refusedHookDesc, refused[reason], reason)
		}
	}
}

func counter(ch chan<- prometheus.Metric, d *prometheus.Desc, n int, labels ...string) {
	if m, err := prometheus.NewConstMetric(d, prometheus.CounterValue, float64(n), labels...); err == nil {
		ch <- m
	}
}

// push merges one pushed event: one participant of meeting id. A
// participant not held yet is refused when their series would pass
// --max-series, rather than dropping one already exported: at the cap,
// each event would otherwise drop the participant updated longest ago,
// whose next event would drop another, and series would come and go
// all minute (and each event would sort every participant held).
func (s *snapshot) push(id, topic string, p model.Participant, now time.Time) {
	if s.full(id, p) {
		return
	}
	s.update(id, topic, []model.Participant{p}, now)
}

// full reports whether p is new to meeting id and would pass the series
// cap, and counts the drop if so.
func (s *snapshot) full(id string, p model.Participant) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.maxSeries <= 0 {
		return false
	}
	extra := roomSeries
	if r := s.rooms[id]; r != nil {
		if r.people[participantID(p)] != nil {
			return false
		}
		extra = 0
	}
	who := &person{}
	if n := len(p.Samples); n > 0 {
		who.sample, who.hasSample = p.Samples[n-1], true
	}
	if s.total+extra+seriesOf(who) <= s.maxSeries {
		return false
	}
	s.drops.seriesCap++
	return true
}
