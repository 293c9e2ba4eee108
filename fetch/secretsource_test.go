package fetch

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// countingSource is a SecretSource that answers each call with the next of
// its answers (the last repeats) and counts the calls.
type countingSource struct {
	calls   atomic.Int64
	answers []func() (string, error)
}

func (s *countingSource) Secret(context.Context) (string, error) {
	n := int(s.calls.Add(1))
	return s.answers[min(n, len(s.answers))-1]()
}

func secretIs(v string) func() (string, error) { return func() (string, error) { return v, nil } }

// A secret from a source is read when a token is needed, not before, and
// again when the token must be renewed: a rotated secret is picked up
// without a restart.
func TestSecretSourceIsAskedAtEachTokenRequest(t *testing.T) {
	f := newFake(t, okParticipant)
	clock := newClock()
	src := &countingSource{answers: []func() (string, error){secretIs(testSecret)}}
	c := f.client(func(cfg *Config) { cfg.ClientSecret, cfg.Secret, cfg.Now = "", src, clock.Now })
	if n := src.calls.Load(); n != 0 {
		t.Fatalf("the source was asked %d times before any request", n)
	}
	for range 3 {
		if _, err := c.ParticipantQoS(bg, "1", "7", model.Live); err != nil {
			t.Fatal(err)
		}
	}
	if n := src.calls.Load(); n != 1 {
		t.Errorf("source asked %d times for one token, want 1", n)
	}
	clock.Add(time.Hour) // the token must be renewed
	if _, err := c.ParticipantQoS(bg, "1", "7", model.Live); err != nil {
		t.Fatal(err)
	}
	if n, tok := src.calls.Load(), f.tokenHits.Load(); n != 2 || tok != 2 {
		t.Errorf("after expiry: source asked %d times, %d token requests; want 2 and 2", n, tok)
	}
}

// A source that fails sends nothing to the token endpoint, and its error
// reaches the caller scrubbed of any secret it had given before.
func TestSecretSourceFailureSendsNothingAndLeaksNothing(t *testing.T) {
	f := newFake(t, okParticipant)
	clock := newClock()
	src := &countingSource{answers: []func() (string, error){secretIs(testSecret), func() (string, error) {
		return "", errors.New("client_secret_command failed: vault says: old value was " + testSecret)
	}}}
	c := f.client(func(cfg *Config) { cfg.ClientSecret, cfg.Secret, cfg.Now = "", src, clock.Now })
	if _, err := c.ParticipantQoS(bg, "1", "7", model.Live); err != nil {
		t.Fatal(err)
	}
	clock.Add(time.Hour)
	_, err := c.ParticipantQoS(bg, "1", "7", model.Live)
	e := asAPIError(t, err, NoSecret)
	if f.tokenHits.Load() != 1 {
		t.Errorf("%d token requests, want 1: a failed source must send nothing", f.tokenHits.Load())
	}
	if msg := e.Error(); strings.Contains(msg, testSecret) || !strings.Contains(msg, "vault says") ||
		!strings.Contains(msg, "[redacted]") {
		t.Errorf("error %q: want the source's words with the secret redacted", msg)
	}
	if e.Temporary() {
		t.Error("a failed secret source is not a temporary Zoom failure")
	}
}

// A config with a source and no secret of its own is complete: neither
// Validate nor MissingCredentials asks for ZOOM_CLIENT_SECRET.
func TestSecretSourceStandsForTheSecret(t *testing.T) {
	src := &countingSource{answers: []func() (string, error){secretIs(testSecret)}}
	cfg := Config{AccountID: testAccount, ClientID: testClient, Secret: src}
	if err := cfg.Validate(); err != nil || cfg.MissingCredentials() {
		t.Errorf("Validate %v, missing %v: want a complete config", err, cfg.MissingCredentials())
	}
	cfg.Secret = nil
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), EnvClientSecret) {
		t.Errorf("without a source: %v, want ZOOM_CLIENT_SECRET named", err)
	}
}
