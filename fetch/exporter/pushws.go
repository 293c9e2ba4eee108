package exporter

import (
	"context"
	"errors"
	"time"

	"github.com/qostop/qostop/fetch/qss"
)

// sourceWebSocket labels the events of Zoom's QSS WebSocket (--push qss).
const sourceWebSocket = "websocket"

// Waits before subscribing again after a drop or a refusal: a second,
// doubling to a minute (Zoom's advice), each time with a fresh token.
const (
	socketRetryMin = time.Second
	socketRetryMax = time.Minute
)

// socket holds the exporter's subscription to Zoom's QSS WebSocket: it
// subscribes, hands each event to the same path as the webhook's, and
// subscribes again after any drop. Nothing missed while down is
// replayed: the poller's backstop polls each meeting push stays silent
// about for pushBackstop.
type socket struct {
	x            *pushIn
	api          qss.API
	subscription string
	now          func() time.Time
	// sleep waits d, or returns false once ctx ends. The backoff is on
	// the real clock: it paces attempts at Zoom, not the metrics' time.
	sleep func(ctx context.Context, d time.Duration) bool
}

// run subscribes until ctx ends.
func (s socket) run(ctx context.Context) {
	fails := 0
	for ctx.Err() == nil {
		c, err := qss.Dial(ctx, s.api, s.subscription)
		if err == nil {
			fails = 0
			s.x.subscribed(s.now())
			err = s.read(ctx, c)
			c.Close()
		}
		if ctx.Err() != nil {
			return
		}
		s.x.dropped()
		fails++
		wait := min(socketRetryMin<<min(fails-1, 6), socketRetryMax)
		s.logDown(err, wait)
		if !s.sleep(ctx, wait) {
			return
		}
	}
}

// read takes the subscription's events until it ends.
func (s socket) read(ctx context.Context, c *qss.Conn) error {
	for {
		e, err := c.Next(ctx)
		if err != nil {
			return err
		}
		s.x.takeEvent(e, s.now(), sourceWebSocket)
	}
}

// logDown says why push is down and what to do; qss's errors carry no
// token (scrubbed), and fetch's token errors say what is wrong with the
// credentials.
func (s socket) logDown(err error, wait time.Duration) {
	var qe *qss.Error
	if errors.As(err, &qe) && qe.Refused {
		s.x.log.Error("Zoom refused the push subscription: check --subscription (or subscription in the profile) and that the app's "+
			"token may subscribe to QSS (a paid add-on); the meetings are polled by REST meanwhile",
			"err", err, "retry_in", wait)
		return
	}
	s.x.log.Warn("push connection down; subscribing again with a fresh token, the meetings it is silent about polled by REST meanwhile",
		"err", err, "retry_in", wait)
}

// sleepCtx waits d on the real clock, or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
