package ui

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/poll"
)

// Every failure the watch screen must live through, met through the real
// client against a real server: the simulator over TLS, with its faults
// turned on after the first answer, or the network under it broken. After
// each, the history already shown stays and the screen says what is wrong
// in plain words.

// failRig is the simulator behind TLS, a client that trusts it, and a
// watch screen on top. Its dialer can be pointed elsewhere mid-run, to
// break the network under a client that has already had answers.
type failRig struct {
	h   *harness
	sim *sim.Server
	srv *httptest.Server

	mu   sync.Mutex
	dial func(ctx context.Context) (net.Conn, error) // nil: the simulator
}

func newFailRig(t *testing.T, participant string, opts sim.Options) *failRig {
	t.Helper()
	clock := newTestClock(watchT0)
	opts.Seed, opts.Now = 1, clock.Now
	if opts.SlowDelay == 0 {
		opts.SlowDelay = time.Hour // a hang; Close releases it
	}
	zoom := simtest.StartTLS(t, opts) // its error log is off: failed handshakes are the point
	r := &failRig{sim: zoom.Sim, srv: zoom.HTTP}

	roots := x509.NewCertPool()
	roots.AddCert(r.srv.Certificate())
	tr := r.srv.Client().Transport.(*http.Transport).Clone()
	tr.TLSClientConfig.RootCAs = roots
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		r.mu.Lock()
		dial := r.dial
		r.mu.Unlock()
		if dial != nil {
			return dial(ctx)
		}
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}
	client := zoom.Client(t, func(c *fetch.Config) { c.Timeout, c.Transport, c.Now = 2*time.Second, tr, clock.Now })
	r.h = newHarness(t, nil, 120, 40, func(c *Config) {
		c.Source, c.Now = client, clock.Now
		c.MeetingID, c.ParticipantID, c.Topic = sim.DemoMeetingID, participant, ""
	})
	r.h.clock = clock
	return r
}

// dialTo sends every new connection to addr instead of the simulator.
func (r *failRig) dialTo(network, addr string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.dial = func(ctx context.Context) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}
	r.srv.CloseClientConnections() // no kept-alive connection may bypass the break
}

// selfSigned is a certificate for 127.0.0.1 that no one trusts.
func selfSigned(t *testing.T) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "untrusted"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestFailuresKeepHistoryAndSayWhat(t *testing.T) {
	for _, tc := range []struct {
		name        string
		participant string
		opts        sim.Options
		fail        func(t *testing.T, r *failRig)
		want        []string // on screen after the failure, in these words
		polls       int      // failing polls; 1 when zero
	}{
		{name: "connection refused", fail: func(t *testing.T, r *failRig) { r.dialTo("tcp", closedPort(t)) },
			want: []string{"error: cannot connect to", "connection refused"}},
		{name: "DNS failure", fail: func(t *testing.T, r *failRig) { r.dialTo("tcp", "nonexistent.invalid:443") },
			want: []string{"error: cannot resolve host"}},
		{name: "TLS error", fail: func(t *testing.T, r *failRig) {
			// A server with a certificate nobody vouches for, as behind a
			// TLS-inspecting proxy whose CA is not installed.
			untrusted := httptest.NewUnstartedServer(r.sim.Handler())
			untrusted.TLS = &tls.Config{Certificates: []tls.Certificate{selfSigned(t)}}
			untrusted.Config.ErrorLog = log.New(io.Discard, "", 0)
			untrusted.StartTLS()
			t.Cleanup(untrusted.Close)
			r.dialTo("tcp", untrusted.Listener.Addr().String())
		}, want: []string{"secure connection (TLS) to", "the certificate is not trusted"}},
		{name: "slow response", fail: func(t *testing.T, r *failRig) { r.sim.SetFaults(1, sim.FaultSlow) },
			want: []string{"error: no answer from", "within 2s (timeout)"}},
		{name: "connection reset", fail: func(t *testing.T, r *failRig) { r.sim.SetFaults(1, sim.FaultReset) },
			want: []string{"error: network error talking to"}},
		{name: "5xx with an HTML body", fail: func(t *testing.T, r *failRig) { r.sim.SetFaults(1, sim.FaultServerError) },
			want: []string{"error: Zoom's server failed (HTTP 50", "an HTML page titled 50"}},
		{name: "truncated JSON", fail: func(t *testing.T, r *failRig) { r.sim.SetFaults(1, sim.FaultTruncated) },
			want: []string{"error: Zoom's answer could not be read", "cut short"}},
		{name: "empty 200", fail: func(t *testing.T, r *failRig) { r.sim.SetFaults(1, sim.FaultEmptyBody) },
			want: []string{"error: Zoom's answer could not be read", "the answer was empty"}},
		{name: "401 storm", polls: 4, fail: func(t *testing.T, r *failRig) { r.sim.SetFaults(1, sim.FaultInvalidToken) },
			want: []string{"error: Zoom rejected the access token even after",
				"Zoom rejected the access token even after qostop fetched a new one"}},
		{name: "429 QPS", fail: func(t *testing.T, r *failRig) { r.sim.SetFaults(1, sim.FaultQPS) },
			want: []string{"rate limited (QPS) — next try ", "rate limited (QPS) until"}},
		{name: "429 Daily-limit", fail: func(t *testing.T, r *failRig) { r.sim.SetFaults(1, sim.FaultDailyLimit) },
			want: []string{"rate limited (Daily-limit) — next try ", "rate limited (Daily-limit) until", "daily quota"}},
		{name: "invalid UTF-8", fail: func(t *testing.T, r *failRig) { r.sim.SetFaults(1, sim.FaultInvalidUTF8) },
			want: []string{"\uFFFD\uFFFDAlice Chen", "LIVE"}},
		{name: "meeting ends", opts: sim.Options{EndAfter: 3 * time.Minute}, fail: func(t *testing.T, r *failRig) {
			r.h.clock.set(r.h.clock.Now().Add(5 * time.Minute))
		}, want: []string{"ENDED", "meeting ended", "\nthe meeting has ended: Zoom no longer finds meeting 85012345678 live"}},
		{name: "participant leaves", participant: sim.LeaverParticipantID, fail: func(t *testing.T, r *failRig) {
			r.h.clock.set(r.h.clock.Now().Add(8 * time.Minute))
		}, want: []string{"Erik Lund", "left the meeting", "no new samples will come"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.participant == "" {
				tc.participant = sim.DemoParticipantID
			}
			r := newFailRig(t, tc.participant, tc.opts)
			next := r.h.start()
			held := r.h.watch().hist.Len()
			if held == 0 || r.h.watch().chain().ErrText != "" {
				t.Fatalf("no good first answer: %q\n%s", r.h.watch().chain().ErrText, r.h.a.content())
			}
			tokens := r.sim.Stats().TokenRequests
			tc.fail(t, r)
			for range max(tc.polls, 1) {
				next = r.h.poll(next)
			}
			view := r.h.a.content()
			for _, want := range tc.want {
				if !strings.Contains(view, want) {
					t.Errorf("the screen lacks %q:\n%s", want, view)
				}
			}
			if got := r.h.watch().hist.Len(); got < held || !strings.Contains(view, "[audio]") {
				t.Errorf("history went from %d samples to %d, or the panes are gone:\n%s", held, got, view)
			}
			// A 401 storm costs at most two token requests per poll (the
			// stale token's refresh, then the fresh one's), and polls back
			// off: never a token request per 401 in a tight loop.
			if n := r.sim.Stats().TokenRequests - tokens; n > 2*max(tc.polls, 1) {
				t.Errorf("%d token requests in %d polls", n, max(tc.polls, 1))
			}
		})
	}
}

// While a request hangs, the screen still answers keys, and q ends the
// request at once instead of waiting out its timeout.
func TestQuitWhileTheServerHangs(t *testing.T) {
	r := newFailRig(t, sim.DemoParticipantID, sim.Options{})
	next := r.h.start()
	r.sim.SetFaults(1, sim.FaultSlow)
	tm, pt := pollTimer(t, next)
	r.h.tick(tm.d) // the clock ticks every second, so the screen knows the time it asks
	m, cmd := r.h.a.Update(pt)
	r.h.a = m.(*app)
	answer := make(chan []tea.Msg, 1)
	go func() { answer <- runCmd(cmd) }()
	for r.sim.Stats().Faults[sim.FaultSlow] == 0 {
		time.Sleep(time.Millisecond) // until the server holds the request
	}
	r.h.key("?") // the UI answers while the request hangs
	if !strings.Contains(r.h.a.content(), "fewer keys") || !strings.Contains(r.h.a.content(), "polling…") {
		t.Fatalf("the screen did not answer a key during the hang:\n%s", r.h.a.content())
	}
	asked := r.h.clock.Now().Format("15:04:05")
	r.h.tick(5 * time.Second) // and says since when Zoom has kept it waiting
	if !strings.Contains(r.h.a.content(), "waiting for Zoom since "+asked+"…") {
		t.Fatalf("five seconds into the hang the status bar does not say so:\n%s", r.h.a.content())
	}
	if out := r.h.key("q"); len(only[tea.QuitMsg](out)) != 1 {
		t.Fatalf("q produced %#v", out)
	}
	fetched := only[feed.FetchedMsg](<-answer)
	if len(fetched) != 1 || !poll.Canceled(fetched[0].Err) {
		why := "no answer"
		if len(fetched) > 0 && fetched[0].Err != nil {
			why = fetched[0].Err.Error()
		}
		t.Fatalf("the hung request ended with %d answers (%s); want it cancelled by q, not timed out", len(fetched), why)
	}
}
