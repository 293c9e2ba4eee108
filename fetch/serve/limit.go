package serve

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Listener is a TCP listener that keeps at most a fixed number of
// connections open. At the cap, a new connection closes the one that has
// been idle (kept alive between requests) longest, so clients that open
// connections and leave them idle can neither run the process out of
// file descriptors nor lock others out; when none is idle, Accept waits
// for one to close (the server's read timeouts bound that wait).
type Listener struct {
	net.Listener
	slots chan struct{}

	mu   sync.Mutex
	idle map[net.Conn]time.Time // since when each idle connection is
}

// Listen listens on addr ("host:port") with at most max connections open.
func Listen(addr string, max int) (*Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Listener{Listener: ln, slots: make(chan struct{}, max), idle: map[net.Conn]time.Time{}}, nil
}

// Open is how many connections are open now.
func (l *Listener) Open() int { return len(l.slots) }

// Accept waits for a free slot, making one from the longest idle
// connection if need be, then for a connection.
func (l *Listener) Accept() (net.Conn, error) {
	for taken := false; !taken; {
		select {
		case l.slots <- struct{}{}:
			taken = true
			continue
		default:
		}
		if l.closeOldestIdle() {
			continue // its Close freed a slot
		}
		// Every connection is busy: look again soon, as one may go idle.
		select {
		case l.slots <- struct{}{}:
			taken = true
		case <-time.After(50 * time.Millisecond):
		}
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &conn{Conn: c, release: func() { <-l.slots }}, nil
}

// closeOldestIdle closes the longest idle connection, if any.
func (l *Listener) closeOldestIdle() bool {
	l.mu.Lock()
	var oldest net.Conn
	var since time.Time
	for c, t := range l.idle {
		if oldest == nil || t.Before(since) {
			oldest, since = c, t
		}
	}
	delete(l.idle, oldest)
	l.mu.Unlock()
	if oldest == nil {
		return false
	}
	oldest.Close() // frees its slot
	return true
}

// connState is the server's ConnState hook: it keeps the idle set.
func (l *Listener) connState(c net.Conn, s http.ConnState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if s == http.StateIdle {
		l.idle[c] = time.Now()
	} else {
		delete(l.idle, c)
	}
}

// conn frees its slot once, on the first Close.
type conn struct {
	net.Conn
	once    sync.Once
	release func()
}

func (c *conn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
