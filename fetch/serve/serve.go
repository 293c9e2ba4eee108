// Package serve starts qostop's HTTP servers (the exporter, the
// simulator) one way: with timeouts, a cap on open connections, and
// words for the address really bound, so neither can be held open by
// idle clients or be exposed without saying so.
package serve

import (
	"net"
	"net/http"
	"strconv"
	"time"
)

// Timeouts of every server. A scrape or an API answer is written in well
// under a second; IdleTimeout is above Prometheus' default scrape
// interval (1m), so its kept-alive connection is reused.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = 30 * time.Second
	WriteTimeout      = time.Minute
	IdleTimeout       = 90 * time.Second
)

// NewServer is an http.Server for h with the timeouts above, serving
// the connections of l (made by Listen) so it can track which are idle.
func NewServer(h http.Handler, l *Listener) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: ReadHeaderTimeout, ReadTimeout: ReadTimeout,
		WriteTimeout: WriteTimeout, IdleTimeout: IdleTimeout, ConnState: l.connState}
}

// Bound says what a listener is bound to, for a banner or a log line:
// its address, and whether a machine other than this one can reach it.
func Bound(a net.Addr) (addr string, exposed bool) {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String(), false
	}
	addr = net.JoinHostPort(tcp.IP.String(), strconv.Itoa(tcp.Port))
	switch {
	case tcp.IP == nil || tcp.IP.IsUnspecified():
		return addr + " (every interface)", true
	case tcp.IP.IsLoopback():
		return addr, false
	}
	return addr, true
}
