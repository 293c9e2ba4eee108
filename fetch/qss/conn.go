package qss

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// Timing of a subscription. Zoom asks for a heartbeat about every 30 s;
// its idle timeout is not documented, so a socket that brings nothing at
// all (no event, no heartbeat answer) for three heartbeats is taken for
// dead.
const (
	HeartbeatEvery = 30 * time.Second
	idleLimit      = 3 * HeartbeatEvery
	dialTimeout    = 15 * time.Second
	writeTimeout   = 10 * time.Second
)

// API is what a subscription needs of the Zoom client (*fetch.Client):
// where the socket is, a fresh token for its query, the HTTP client for
// the upgrade (no redirects), the scrub for every error, the debug log.
type API interface {
	PushURL() *url.URL
	PushToken(ctx context.Context) (string, error)
	PushHTTP() *http.Client
	Scrub(s string) string
	PushDebug(format string, args ...any)
}

// Conn is one open subscription to Zoom's QSS WebSocket.
type Conn struct {
	ws     *websocket.Conn
	api    API
	token  string
	cancel context.CancelFunc // stops the heartbeat
	once   sync.Once

	shape string // the last event form logged, so each change is logged once
}

// Error is why a subscription failed or ended, with every token and
// secret scrubbed from its text.
type Error struct {
	Refused bool // Zoom answered build_connection with success false
	text    string
}

func (e *Error) Error() string { return e.text }

// Dial subscribes to subscription with a fresh token, and checks the
// server's first frame, build_connection.
func Dial(ctx context.Context, api API, subscription string) (*Conn, error) {
	tok, err := api.PushToken(ctx)
	if err != nil {
		return nil, err // fetch's error: already scrubbed and worded
	}
	u := api.PushURL()
	q := url.Values{"subscriptionId": {subscription}, "access_token": {tok}}
	u.RawQuery = q.Encode()
	dctx, cancel := context.WithTimeout(ctx, dialTimeout)
	defer cancel()
	ws, _, err := websocket.Dial(dctx, u.String(), &websocket.DialOptions{HTTPClient: api.PushHTTP()})
	shown := api.PushURL().String()
	if err != nil {
		e := scrubbed(api, tok, "connect to Zoom's push (%s): %v", shown, err)
		api.PushDebug("subscription failed: %s", e)
		return nil, e
	}
	ws.SetReadLimit(MaxEvent)
	c := &Conn{ws: ws, api: api, token: tok}
	f, err := c.read(dctx)
	switch {
	case err != nil:
		c.Close()
		return nil, err
	case f.Module != ModuleBuild || !f.Success:
		c.Close()
		why := string(f.Content)
		if why == "" {
			why = "no reason given"
		}
		e := scrubbed(api, tok, "Zoom refused the push subscription %s: %s", subscription, why)
		e.Refused = true
		return nil, e
	}
	api.PushDebug("subscribed to %s at %s", subscription, shown)
	hctx, hcancel := context.WithCancel(context.Background())
	c.cancel = hcancel
	go c.heartbeat(hctx)
	return c, nil
}

// Next is the next participant QoS event, skipping heartbeats, other
// events and events qostop cannot read (logged). An error ends the
// subscription: the socket closed, went silent, or Zoom said it failed.
func (c *Conn) Next(ctx context.Context) (Event, error) {
	for {
		rctx, cancel := context.WithTimeout(ctx, idleLimit)
		f, err := c.read(rctx)
		cancel()
		if err != nil {
			return Event{}, err
		}
		switch {
		case f.Module == ModuleBuild && !f.Success:
			return Event{}, scrubbed(c.api, c.token, "Zoom ended the push subscription: %s", f.Content)
		case f.Module != ModuleMessage:
			continue
		}
		e, err := ParseEvent(f.Content)
		if err != nil || !e.QoS() {
			if err != nil {
				c.api.PushDebug("skipped a message qostop cannot read (%d bytes)", len(f.Content))
			}
			continue
		}
		c.noteShape(e)
		return e, nil
	}
}

// noteShape logs the form of the first event, and of any that differs.
func (c *Conn) noteShape(e Event) {
	form := "item date_time"
	if e.Shape.EventTimes > 0 {
		form = "event_ts"
	}
	switch {
	case e.Shape.ScoresNested > 0:
		form += ", nested quality_score"
	case e.Shape.ScoresFlat > 0:
		form += ", flat quality_score"
	}
	if form != c.shape {
		c.shape = form
		c.api.PushDebug("event form: %s (%s)", form, e.Shape)
	}
}

// read is one frame, or a scrubbed error.
func (c *Conn) read(ctx context.Context) (Frame, error) {
	_, b, err := c.ws.Read(ctx)
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return Frame{}, scrubbed(c.api, c.token, "Zoom's push went silent for %s", idleLimit)
		}
		return Frame{}, c.ended(err)
	}
	f, err := ParseFrame(b)
	if err != nil {
		return Frame{}, scrubbed(c.api, c.token, "Zoom's push sent a frame that is not JSON (%d bytes)", len(b))
	}
	return f, nil
}

// ended words a read that failed: a socket closed with or without a
// close frame, else the library's own words.
func (c *Conn) ended(err error) *Error {
	switch code := websocket.CloseStatus(err); {
	case code != -1:
		return scrubbed(c.api, c.token, "Zoom closed the push connection (WebSocket status %d)", int(code))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed):
		return scrubbed(c.api, c.token, "the push connection dropped (closed without a word)")
	}
	return scrubbed(c.api, c.token, "the push connection failed: %v", err)
}

// heartbeat sends Zoom's keep-alive until the subscription closes.
func (c *Conn) heartbeat(ctx context.Context) {
	t := time.NewTicker(HeartbeatEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		wctx, cancel := context.WithTimeout(ctx, writeTimeout)
		err := c.ws.Write(wctx, websocket.MessageText, []byte(`{"module":"heartbeat"}`))
		cancel()
		if err != nil {
			c.ws.CloseNow() // Next then fails, and the source reconnects
			return
		}
	}
}

// Close ends the subscription.
func (c *Conn) Close() {
	c.once.Do(func() {
		if c.cancel != nil {
			c.cancel()
		}
		c.ws.CloseNow()
	})
}

// scrubbed is an *Error of the formatted text with the token (in every
// form) and the client's secrets removed: a dial error quotes the URL,
// whose query holds the token.
func scrubbed(api API, tok, format string, args ...any) *Error {
	s := fmt.Sprintf(format, args...)
	if tok != "" {
		s = strings.ReplaceAll(s, url.QueryEscape(tok), "[redacted]")
		s = strings.ReplaceAll(s, tok, "[redacted]")
	}
	return &Error{text: api.Scrub(s)}
}
