package sim

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/coder/websocket"
)

// The QSS WebSocket, as Zoom's is known to behave: GET
// /ws?subscriptionId=ID&access_token=TOKEN, a first frame
// {"module":"build_connection","success":…}, then each event as
// {"module":"message","content":"<event JSON as a string>"}; heartbeats
// ({"module":"heartbeat"}) are answered; nothing missed while
// disconnected is replayed. Events go out every Options.PushEvery on the
// server's clock, carrying what was published since the last push.

const (
	// maxPushConns bounds the open WebSockets: a demo needs one, a test a
	// few; every one is a goroutine pair polling the clock.
	maxPushConns = 32
	// pushFrameMax bounds what a client may send: heartbeats are a few
	// bytes.
	pushFrameMax = 4 << 10
	// pushWake is how often a connection looks at the server's clock for
	// a push that is due: the clock may be a test's, moved by hand.
	pushWake = 50 * time.Millisecond
	// pushWriteTimeout bounds one frame's write to a client that stopped reading.
	pushWriteTimeout = 10 * time.Second
)

type wireFrame struct {
	Module  string `json:"module"`
	Success bool   `json:"success"`
	Content string `json:"content"`
}

// servePush upgrades a QSS subscription. A bad token still gets an open
// socket and a failed build_connection, as Zoom's does.
func (s *Server) servePush(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if r.Method != http.MethodGet || strings.TrimSpace(q.Get("subscriptionId")) == "" {
		errorReply(http.StatusBadRequest, 300, "subscriptionId is required").write(w)
		return
	}
	if s.pushConns.Add(1) > maxPushConns {
		s.pushConns.Add(-1)
		errorReply(http.StatusServiceUnavailable, 503, "Too many connections").write(w)
		return
	}
	defer s.pushConns.Add(-1)
	// The server's read and write timeouts are set on the connection
	// before the upgrade and would cut the WebSocket after a minute.
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Time{})
	_ = rc.SetWriteDeadline(time.Time{})
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	c.SetReadLimit(pushFrameMax)
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	s.mu.Lock()
	s.stats.PushConnections++
	s.mu.Unlock()
	if !s.tokenValid(q.Get("access_token")) {
		_ = s.send(ctx, c, wireFrame{Module: "build_connection", Content: "Invalid Token"})
		c.Close(websocket.StatusPolicyViolation, "Invalid Token")
		return
	}
	if s.send(ctx, c, wireFrame{Module: "build_connection", Success: true, Content: "ok"}) != nil {
		return
	}
	beats := make(chan struct{}, 1)
	go s.readPush(ctx, cancel, c, beats)
	s.pushLoop(ctx, c, beats)
}

// readPush reads the client's frames until the connection ends, passing
// on each heartbeat.
func (s *Server) readPush(ctx context.Context, cancel context.CancelFunc, c *websocket.Conn, beats chan<- struct{}) {
	defer cancel()
	for {
		_, b, err := c.Read(ctx)
		if err != nil {
			return
		}
		var f wireFrame
		if json.Unmarshal(b, &f) == nil && f.Module == "heartbeat" {
			select {
			case beats <- struct{}{}:
			default:
			}
		}
	}
}

// pushLoop answers heartbeats and sends, at each push time on the
// server's clock, the events published since the one before, until the
// client goes, the server closes, or a fault drops the connection.
func (s *Server) pushLoop(ctx context.Context, c *websocket.Conn, beats <-chan struct{}) {
	last := s.now()
	wake := time.NewTicker(pushWake)
	defer wake.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.done:
			return
		case <-beats:
			if s.send(ctx, c, wireFrame{Module: "heartbeat", Success: true}) != nil {
				return
			}
		case <-wake.C:
		}
		due := s.now().Truncate(s.opts.PushEvery)
		if !due.After(last) {
			continue
		}
		if s.dropPush() {
			return // as a network fault would: no close frame
		}
		for _, ev := range s.Events(last, due) {
			if s.sendEvent(ctx, c, ev) != nil {
				return
			}
		}
		last = due
	}
}

// sendEvent sends ev, and about one event in twenty twice: Zoom's push
// delivers at least once, so a client must deduplicate.
func (s *Server) sendEvent(ctx context.Context, c *websocket.Conn, ev Event) error {
	f := wireFrame{Module: "message", Success: true, Content: string(ev.Body)}
	if err := s.send(ctx, c, f); err != nil {
		return err
	}
	if hashKey(ev.MeetingID, ev.ParticipantID, ev.At.String())%20 == 0 {
		s.mu.Lock()
		s.stats.PushDuplicates++
		s.mu.Unlock()
		return s.send(ctx, c, f)
	}
	return nil
}

func (s *Server) send(ctx context.Context, c *websocket.Conn, f wireFrame) error {
	b, err := json.Marshal(f)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, pushWriteTimeout)
	defer cancel()
	if err := c.Write(ctx, websocket.MessageText, b); err != nil {
		return err
	}
	if f.Module == "message" {
		s.mu.Lock()
		s.stats.PushEvents++
		s.mu.Unlock()
	}
	return nil
}

// dropPush draws, as a share Options.Faults of the pushes, whether this
// one drops the connection instead. Its own generator, so that WebSocket
// traffic does not change which API requests fault.
func (s *Server) dropPush() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.opts.Faults <= 0 || s.pushRng.Float64() >= s.opts.Faults {
		return false
	}
	s.stats.PushDrops++
	return true
}
