package simtest_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/model"
)

// A client of a StartAt rig gets the demo participant's minutes up to the
// rig's clock, and more of them once the clock moves: the simulator runs
// on the clock the test holds.
func TestStartAtServesOnTheRigClock(t *testing.T) {
	start := time.Date(2026, 11, 25, 19, 42, 38, 0, time.UTC)
	r := simtest.StartAt(t, start, sim.Options{Seed: 1})
	c := r.Client(t, func(c *fetch.Config) { c.Now = r.Clock.Now })
	newest := func() time.Time {
		t.Helper()
		p, err := c.ParticipantQoS(context.Background(), sim.DemoMeetingID, sim.DemoParticipantID, model.Live)
		if err != nil || len(p.Samples) == 0 {
			t.Fatalf("ParticipantQoS: %d samples, %v", len(p.Samples), err)
		}
		return p.Samples[len(p.Samples)-1].Time
	}
	first := newest()
	if first.After(start) {
		t.Fatalf("newest sample %v is after the rig's clock %v", first, start)
	}
	r.Clock.Add(5 * time.Minute)
	if later := newest(); !later.After(first) {
		t.Errorf("after 5 min on the rig's clock the newest sample is still %v", later)
	}
}

// A StartTLS rig answers only over TLS, to a client that trusts its
// certificate.
func TestStartTLSTrustsOnlyItsCertificate(t *testing.T) {
	r := simtest.StartTLS(t, sim.Options{Seed: 1})
	trusted := r.Client(t, func(c *fetch.Config) { c.Transport = r.HTTP.Client().Transport })
	if _, err := trusted.LiveMeetings(context.Background(), time.Time{}, time.Time{}); err != nil {
		t.Fatalf("a client trusting the rig's certificate: %v", err)
	}
	if _, err := r.Client(t).LiveMeetings(context.Background(), time.Time{}, time.Time{}); err == nil {
		t.Fatal("a client trusting only the system's roots reached the rig")
	}
}

// Env names the same server and credentials as Config, in the variables
// fetch reads.
func TestEnvMatchesConfig(t *testing.T) {
	r := simtest.Start(t, sim.Options{})
	cfg := r.Config()
	for _, want := range []string{fetch.EnvAPIURL + "=" + r.URL + "/v2", fetch.EnvOAuthURL + "=" + r.URL + "/oauth/token",
		fetch.EnvAccountID + "=" + cfg.AccountID, fetch.EnvClientSecret + "=" + sim.DemoClientSecret} {
		if !slices.Contains(r.Env(), want) {
			t.Errorf("Env %q lacks %q", r.Env(), want)
		}
	}
}
