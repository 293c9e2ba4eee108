package fetch

import (
	"net/http"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim/simtest/fakeclock"
	"github.com/qostop/qostop/model"
)

// newClock is a settable clock for Config.Now, starting at the real
// time because oauth2 stamps a token's expiry with the real clock.
func newClock() *fakeclock.Clock { return fakeclock.New(time.Now()) }

func TestExpiredTokenCostsOneTokenRequest(t *testing.T) {
	f := newFake(t, okParticipant)
	clock := newClock()
	c := f.client(func(cfg *Config) { cfg.Now = clock.Now })
	calls := func() {
		t.Helper()
		for range 3 {
			if _, err := c.ParticipantQoS(bg, "1", "7", model.Live); err != nil {
				t.Fatal(err)
			}
		}
	}
	calls()
	if n := f.tokenHits.Load(); n != 1 {
		t.Fatalf("%d token requests before expiry, want 1", n)
	}
	clock.Add(time.Hour - 5*time.Second) // replaced 10 s before expiry
	calls()
	if n := f.tokenHits.Load(); n != 2 {
		t.Errorf("%d token requests after expiry, want exactly 2", n)
	}
}

// A token endpoint that says a token lives no time, or less than none,
// must not cost a token request per API call: a token is kept for at
// least minTokenLife whatever expires_in says.
func TestTokenLifetimeFloor(t *testing.T) {
	for _, exp := range []int{-3600, -1, 1, 2} {
		f := newFake(t, okParticipant)
		f.expiresIn = exp
		clock := newClock()
		c := f.client(func(cfg *Config) { cfg.Now = clock.Now })
		for range 56 {
			if _, err := c.ParticipantQoS(bg, "1", "7", model.Live); err != nil {
				t.Fatal(err)
			}
			clock.Add(500 * time.Millisecond) // 28 s in all, under the floor
		}
		if n := f.tokenHits.Load(); n != 1 {
			t.Errorf("expires_in %d: %d token requests for 56 calls in 28 s, want 1", exp, n)
		}
		clock.Add(time.Minute) // past the floor
		if _, err := c.ParticipantQoS(bg, "1", "7", model.Live); err != nil {
			t.Fatal(err)
		}
		if n := f.tokenHits.Load(); n != 2 {
			t.Errorf("expires_in %d: %d token requests after the floor, want 2", exp, n)
		}
	}
}

// A token endpoint that sends its headers and part of the body, then
// stalls, is a timeout, not "the answer is not a token".
func TestTokenEndpointStallingMidBodyIsTimeout(t *testing.T) {
	f := newFake(t, okParticipant)
	f.tokenFunc = func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(200)
		_, _ = w.Write([]byte(`{"access_token":"` + tokenPrefix))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}
	c := f.client(func(cfg *Config) { cfg.Timeout = 200 * time.Millisecond })
	_, err := c.ParticipantQoS(bg, "1", "7", model.Live)
	e := asAPIError(t, err, Network)
	if e.cause != causeTimeout {
		t.Errorf("cause %v, want timeout", e.cause)
	}
	wantText(t, err, "no answer from "+f.srv.Listener.Addr().String()+" within 200ms (timeout)", "OAuth URL")
}
