package exporter_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/exporter"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/fetch/sim/simtest/fakeclock"
)

// served is the raw JSON the simulator serves for a meeting's QoS now,
// every page: what the exporter must reproduce.
func served(t *testing.T, z *simtest.Rig, meetingID string) []map[string]any {
	t.Helper()
	tok := token(t, z)
	var all []map[string]any
	q := url.Values{"type": {"live"}, "page_size": {"10"}}
	for {
		req, _ := http.NewRequest(http.MethodGet, z.URL+"/v2/metrics/meetings/"+meetingID+"/participants/qos?"+q.Encode(), nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var page struct {
			Next         string           `json:"next_page_token"`
			Participants []map[string]any `json:"participants"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page.Participants...)
		if page.Next == "" {
			return all
		}
		q.Set("next_page_token", page.Next)
	}
}

func token(t *testing.T, z *simtest.Rig) string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, z.URL+"/oauth/token",
		bytes.NewBufferString("grant_type=account_credentials&account_id="+sim.DemoAccountID))
	req.SetBasicAuth(sim.DemoClientID, sim.DemoClientSecret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || tok.AccessToken == "" {
		t.Fatalf("token: %v", err)
	}
	return tok.AccessToken
}

// running is an exporter started in-process by Run.
type running struct {
	addr string
	logs *syncBuffer
	done chan error
	stop context.CancelFunc
}

func startExporter(t *testing.T, o exporter.Options) *running {
	t.Helper()
	r := &running{logs: &syncBuffer{}, done: make(chan error, 1)}
	if o.Listen == "" {
		o.Listen = "127.0.0.1:0"
	}
	o.Logger = slog.New(slog.NewJSONHandler(r.logs, nil))
	ready := make(chan string, 1)
	o.Ready = func(addr string) { ready <- addr }
	ctx, cancel := context.WithCancel(context.Background())
	r.stop = cancel
	go func() { r.done <- exporter.Run(ctx, o) }()
	select {
	case r.addr = <-ready:
	case err := <-r.done:
		t.Fatalf("Run: %v", err)
	}
	t.Cleanup(func() { r.shutdown(t) })
	return r
}

func (r *running) shutdown(t *testing.T) {
	r.stop()
	select {
	case err, ok := <-r.done:
		if ok && err != nil {
			t.Errorf("Run after cancel: %v", err)
		}
		close(r.done)
	case <-time.After(10 * time.Second):
		t.Error("Run did not return within 10s of its context ending")
	}
}

func (r *running) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := http.Get("http://" + r.addr + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// syncBuffer collects logs written from the exporter's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// stepper moves a clock shared by the simulator and an exporter only
// while the exporter waits, and only to what it waits for (its next
// poll, its pace, a Retry-After), as the real clock would move while it
// sleeps. The clock never moves while the exporter works, so what a test
// sees does not depend on the machine's speed.
type stepper struct {
	clock *fakeclock.Clock
	idle  chan time.Time // the time the exporter is waiting until
}

func newStepper(c *fakeclock.Clock) *stepper {
	return &stepper{clock: c, idle: make(chan time.Time, 1)}
}

// options wires the stepper into o.
func (s *stepper) options(o exporter.Options) exporter.Options {
	o.Now = s.clock.Now
	return exporter.WithIdle(o, func(until time.Time) {
		select {
		case s.idle <- until:
		default:
		}
	})
}

// step moves the clock by d, wait by wait, and returns once the exporter
// waits for a time past it: everything due within d is done. A report
// of a wait that already ended (its time is not after the clock's) is
// stale and skipped; one past the clock means the exporter is in that
// wait until the clock reaches it.
func (s *stepper) step(d time.Duration) {
	target := s.clock.Now().Add(d)
	for {
		var until time.Time
		select {
		case until = <-s.idle:
		case <-time.After(time.Minute): // a hang guard, not a measure: a wait is reported every 2 ms
			panic("stepper: the exporter has not waited for a minute")
		}
		now := s.clock.Now()
		switch {
		case !until.After(now):
		case !until.After(target):
			s.clock.Set(until)
		case now.Before(target):
			s.clock.Set(target)
		default:
			return
		}
	}
}
