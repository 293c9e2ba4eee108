package fetch

import (
	"context"
	"math"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim/simtest/fakeclock"
	"github.com/qostop/qostop/model"
)

// pacedZoom answers participant QoS, refusing the requests refuse names
// (1-based) with Zoom's QPS 429 and a Retry-After of one second, and
// notes when each request arrived on the test's clock.
type pacedZoom struct {
	clock  *fakeclock.Clock
	refuse map[int]bool
	mu     sync.Mutex
	at     []time.Time
}

func (z *pacedZoom) serve(w http.ResponseWriter, r *http.Request) {
	z.mu.Lock()
	z.at = append(z.at, z.clock.Now())
	n := len(z.at)
	z.mu.Unlock()
	if z.refuse[n] {
		w.Header().Set("X-RateLimit-Type", "QPS")
		w.Header().Set("Retry-After", "1")
		writeJSON(w, 429, `{"code":429,"message":"You have reached the maximum per-second rate limit for this API. Try again later."}`)
		return
	}
	okParticipant(w, r)
}

// gaps is the time between each request and the one before, on the clock.
func (z *pacedZoom) gaps() []time.Duration {
	z.mu.Lock()
	defer z.mu.Unlock()
	var out []time.Duration
	for i := 1; i < len(z.at); i++ {
		out = append(out, z.at[i].Sub(z.at[i-1]))
	}
	return out
}

// pacedClient is a client of z on z's clock whose waits move that clock
// on to the time waited for, as time would pass while it slept.
func pacedClient(f *fakeZoom, z *pacedZoom, pace float64, maxWait time.Duration) *Client {
	return f.client(func(cfg *Config) {
		cfg.Now, cfg.Pace, cfg.MaxWait = z.clock.Now, pace, maxWait
		cfg.Wait = func(ctx context.Context, until time.Time) error {
			if until.After(z.clock.Now()) {
				z.clock.Set(until)
			}
			return ctx.Err()
		}
	})
}

func sameGaps(got, want []time.Duration) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i] != want[i] {
			return false
		}
	}
	return true
}

// Paced, five calls made at one instant reach Zoom evenly spaced, one
// gap apart, on the client's clock; unpaced (the screens' default), the
// polite limiter lets them through together.
func TestPaceSpacesRequestsEvenly(t *testing.T) {
	for _, c := range []struct {
		name string
		pace float64
		want time.Duration
	}{
		{"paced at 2 a second", 2, 500 * time.Millisecond},
		{"unpaced: a burst", 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			z := &pacedZoom{clock: fakeclock.New(time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC))}
			cl := pacedClient(newFake(t, z.serve), z, c.pace, 0)
			for range 5 {
				if _, err := cl.ParticipantQoS(bg, "1", "7", model.Live); err != nil {
					t.Fatal(err)
				}
			}
			want := []time.Duration{c.want, c.want, c.want, c.want}
			if got := z.gaps(); !sameGaps(got, want) {
				t.Errorf("gaps between requests %v, want %v", got, want)
			}
		})
	}
}

// A QPS 429 is waited out to its Retry-After exactly, and widens the
// pace: the next requests go two gaps apart. After two calm minutes
// the pace comes back, to half again the gap Zoom refused, not to the
// gap itself, which would meet the same limit again.
func TestPaceSlowsAfterAQPSRefusalAndComesBack(t *testing.T) {
	start := time.Date(2026, 3, 9, 12, 0, 0, 0, time.UTC)
	z := &pacedZoom{clock: fakeclock.New(start), refuse: map[int]bool{2: true}}
	cl := pacedClient(newFake(t, z.serve), z, 1, 5*time.Second)
	call := func() {
		t.Helper()
		if _, err := cl.ParticipantQoS(bg, "1", "7", model.Live); err != nil {
			t.Fatal(err)
		}
	}
	call() // 12:00:00
	call() // 12:00:01 refused, Retry-After 1 s: again at 12:00:02
	call() // two gaps on: 12:00:04
	call() // 12:00:06
	s := time.Second
	if got, want := z.gaps(), []time.Duration{s, s, 2 * s, 2 * s}; !sameGaps(got, want) {
		t.Fatalf("gaps %v, want %v: Retry-After exactly, then a pace twice as slow", got, want)
	}
	z.clock.Add(paceCalm)
	call()
	call()
	call()
	g := z.gaps()[4:]
	if want := []time.Duration{paceCalm, 1500 * time.Millisecond, 1500 * time.Millisecond}; !sameGaps(g, want) {
		t.Errorf("after a calm spell, gaps %v, want %v", g, want)
	}
}

// The pace Config accepts: none, or one that is a pace.
func TestPaceValidated(t *testing.T) {
	cfg := Config{AccountID: testAccount, ClientID: testClient, ClientSecret: testSecret}
	for _, p := range []float64{-1, 0.001, 41, math.NaN()} {
		cfg.Pace = p
		if err := cfg.Validate(); err == nil {
			t.Errorf("pace %v accepted", p)
		}
	}
	for _, p := range []float64{0, 0.5, 1, 40} {
		cfg.Pace = p
		if err := cfg.Validate(); err != nil {
			t.Errorf("pace %v: %v", p, err)
		}
	}
}
