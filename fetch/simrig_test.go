package fetch_test

import (
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
)

// fakeClock is the one clock of a simulator and the clients polling it.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// simRig is the simulator on real loopback HTTP, on a fake clock.
type simRig struct {
	sim   *sim.Server
	url   string
	clock *fakeClock
}

func newSimRig(t *testing.T, start time.Time, opts sim.Options) *simRig {
	t.Helper()
	c := &fakeClock{t: start}
	opts.Now = c.Now
	s := sim.New(opts)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(func() { s.Close(); ts.Close() })
	return &simRig{sim: s, url: ts.URL, clock: c}
}

// config is a client configuration for the rig, on its clock.
func (r *simRig) config() fetch.Config {
	return fetch.Config{APIURL: r.url + "/v2", OAuthURL: r.url + "/oauth/token",
		AccountID: sim.DemoAccountID, ClientID: sim.DemoClientID, ClientSecret: sim.DemoClientSecret,
		Now: r.clock.Now}
}

func (r *simRig) client(t *testing.T, cfg fetch.Config) *fetch.Client {
	t.Helper()
	c, err := fetch.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
