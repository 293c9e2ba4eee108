package exporter_test

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/qostop/qostop/fetch/exporter"
	"github.com/qostop/qostop/fetch/sim"
)

// --listen :0 binds every interface: the start line says so (it said
// the port alone, as if it were loopback) and a warning says the
// metrics are unauthenticated; on loopback, no warning.
func TestExporterSaysWhatIsBound(t *testing.T) {
	z := frozenZoom(t, sim.Options{Seed: 4})
	for _, tc := range []struct {
		listen string
		warn   bool
	}{{":0", true}, {"127.0.0.1:0", false}} {
		r := startExporter(t, exporter.Options{Listen: tc.listen, Config: z.Config(), Budget: budget(t, 1000, nil),
			Meetings: []string{sim.DemoMeetingID}})
		logs := r.logs.String()
		l := logLine(t, logs, "exporter listening")
		addr, _ := l["addr"].(string)
		if got := strings.HasSuffix(addr, "(every interface)"); got != tc.warn {
			t.Errorf("--listen %s: start line addr=%q", tc.listen, addr)
		}
		if got := strings.Contains(logs, "serving metrics without authentication beyond this machine"); got != tc.warn {
			t.Errorf("--listen %s: warning %v, want %v:\n%s", tc.listen, got, tc.warn, logs)
		}
	}
}

// Clients that open connections and leave them idle after a request
// (kept alive) cannot hold more than the cap open: each new connection
// beyond it closes the longest idle one, so /metrics still answers on a
// fresh connection and says how many are open. Before, every one stayed
// open until the process ran out of file descriptors.
func TestExporterCapsOpenConnections(t *testing.T) {
	const cap, clients = 64, 200
	z := frozenZoom(t, sim.Options{Seed: 4})
	r := startExporter(t, exporter.Options{Config: z.Config(), Budget: budget(t, 1000, nil),
		Meetings: []string{sim.DemoMeetingID}})
	var conns []net.Conn
	t.Cleanup(func() {
		for _, c := range conns {
			c.Close()
		}
	})
	for i := range clients {
		c, err := net.Dial("tcp", r.addr)
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		conns = append(conns, c)
		if _, err := c.Write([]byte("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")); err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatalf("connection %d: no answer: %v", i, err)
		}
		resp.Body.Close() // the connection stays open, idle, as a kept-alive one does
	}
	code, body := r.get(t, "/metrics")
	if code != http.StatusOK {
		t.Fatalf("/metrics with %d idle connections: %d", clients, code)
	}
	got := find(parseExposition(t, body), "qostop_exporter_http_connections", nil)
	if len(got) != 1 || got[0].value > cap {
		t.Errorf("open connections %v after %d idle clients, want at most %d", got, clients, cap)
	}
	// What the kernel says, not only the exporter: its end of each
	// connection that is still established.
	if n, ok := established(t, r.addr); ok && n > cap {
		t.Errorf("the kernel shows %d connections established to the exporter, want at most %d", n, cap)
	}
}

// established counts the TCP connections in state ESTABLISHED whose
// local end is addr's port, from /proc/net/tcp{,6}; ok is false where
// there is no /proc.
func established(t *testing.T, addr string) (n int, ok bool) {
	t.Helper()
	_, port, _ := net.SplitHostPort(addr)
	p, _ := strconv.Atoi(port)
	suffix := fmt.Sprintf(":%04X", p)
	for _, f := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		ok = true
		for _, line := range strings.Split(string(data), "\n")[1:] {
			fields := strings.Fields(line)
			if len(fields) > 3 && strings.HasSuffix(fields[1], suffix) && fields[3] == "01" {
				n++
			}
		}
	}
	return n, ok
}
