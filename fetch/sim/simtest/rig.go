package simtest

import (
	"io"
	"log"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest/fakeclock"
)

// Rig is a simulator served on loopback for the length of a test.
type Rig struct {
	Sim *sim.Server
	// HTTP is the server in front of Sim: tests break its connections
	// (CloseClientConnections) or trust its certificate through it.
	HTTP *httptest.Server
	// URL is the server's base: the API is below URL+"/v2", the token
	// endpoint at URL+"/oauth/token".
	URL string
	// Clock is the simulator's clock when the rig was started with
	// StartAt; nil otherwise.
	Clock *fakeclock.Clock
}

// Start serves sim.New(opts) over plain HTTP on loopback until the test
// ends. The simulator keeps opts.Now (nil: the wall clock).
func Start(t testing.TB, opts sim.Options) *Rig {
	t.Helper()
	return serve(t, opts, func(ts *httptest.Server) { ts.Start() })
}

// StartAt is Start with the simulator on a new fakeclock.Clock standing
// at start, which the test moves by hand through r.Clock.
func StartAt(t testing.TB, start time.Time, opts sim.Options) *Rig {
	t.Helper()
	c := fakeclock.New(start)
	opts.Now = c.Now
	r := Start(t, opts)
	r.Clock = c
	return r
}

// StartTLS is Start over HTTPS, with httptest's certificate (trusted by
// r.HTTP.Client()). The server's error log is discarded: tests use TLS to
// break handshakes on purpose, and what counts is what the client says.
func StartTLS(t testing.TB, opts sim.Options) *Rig {
	t.Helper()
	return serve(t, opts, func(ts *httptest.Server) {
		ts.Config.ErrorLog = log.New(io.Discard, "", 0)
		ts.StartTLS()
	})
}

func serve(t testing.TB, opts sim.Options, start func(*httptest.Server)) *Rig {
	t.Helper()
	s := sim.New(opts)
	ts := httptest.NewUnstartedServer(s.Handler())
	start(ts)
	// The simulator first: it releases the requests FaultSlow holds, which
	// the server's Close would otherwise wait for.
	t.Cleanup(func() { s.Close(); ts.Close() })
	return &Rig{Sim: s, HTTP: ts, URL: ts.URL}
}

// Config is the client configuration for a server at base that speaks
// Zoom as the simulator does: its URLs and the simulator's demo
// credentials, nothing else set.
func Config(base string) fetch.Config {
	return fetch.Config{APIURL: base + "/v2", OAuthURL: base + "/oauth/token",
		AccountID: sim.DemoAccountID, ClientID: sim.DemoClientID, ClientSecret: sim.DemoClientSecret}
}

// Config is the client configuration that reaches the rig's simulator.
// It leaves Now unset even on a StartAt rig: which clock a client runs on
// is the test's choice.
func (r *Rig) Config() fetch.Config { return Config(r.URL) }

// Env is the environment that points a qostop process at the rig: the
// simulator's URLs and demo credentials, as the ZOOM_* variables fetch reads.
func (r *Rig) Env() []string {
	c := r.Config()
	return []string{fetch.EnvAPIURL + "=" + c.APIURL, fetch.EnvOAuthURL + "=" + c.OAuthURL,
		fetch.EnvAccountID + "=" + c.AccountID, fetch.EnvClientID + "=" + c.ClientID,
		fetch.EnvClientSecret + "=" + c.ClientSecret}
}

// Client is a new fetch.Client of r.Config(), after mods have changed it
// (a clock, a timeout, a budget, a transport); the test fails if
// fetch.New refuses it.
func (r *Rig) Client(t testing.TB, mods ...func(*fetch.Config)) *fetch.Client {
	t.Helper()
	cfg := r.Config()
	for _, m := range mods {
		m(&cfg)
	}
	c, err := fetch.New(cfg)
	if err != nil {
		t.Fatalf("fetch.New for the simulator: %v", err)
	}
	return c
}
