package sim

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/qss"
	"github.com/qostop/qostop/fetch/sim/simtest/fakeclock"
)

// The poster passes a real receiver's url_validation, then delivers each
// minute's events, every one signed as Zoom signs and read back by
// qostop's decoder.
func TestPostWebhooks(t *testing.T) {
	c := fakeclock.New(testStart)
	s := New(Options{Now: c.Now, WebhookSecretEnv: "QOSTOP_TEST_UNSET_SECRET"})
	hook := qss.NewWebhook(DemoWebhookSecret, c.Now, 1000)
	asked := make(chan struct{}, 1)
	rx := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case asked <- struct{}{}:
		default:
		}
		hook.ServeHTTP(w, r)
	}))
	defer rx.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.PostWebhooks(ctx, rx.URL, s.WebhookSecret()) }()
	defer func() { cancel(); <-done }()

	from := c.Now()
	want := len(s.Events(from, from.Truncate(time.Minute).Add(time.Minute)))
	if want == 0 {
		t.Fatal("no events due in the next minute")
	}
	<-asked // the poster has begun: what is published from now on is its to post
	c.Add(time.Minute)
	got := 0
	deadline := time.After(time.Minute) // a hang guard, not a measure
	for got < want {
		select {
		case d := <-hook.Events():
			e, err := qss.ParseEvent(d.Body)
			if err != nil || !e.QoS() || len(e.Participant.Samples) != 1 {
				t.Fatalf("event %d: %v, %d samples: %s", got, err, len(e.Participant.Samples), d.Body)
			}
			got++
		case <-deadline:
			t.Fatalf("%d of %d events delivered; stats %+v refused %v", got, want, s.Stats(), hook.Stats().Refused)
		}
	}
	if st := hook.Stats(); len(st.Refused) != 0 {
		t.Errorf("the receiver refused %v", st.Refused)
	}
}

// A receiver with another secret answers url_validation wrongly: the
// poster stops and says why, and posts no event.
func TestPostWebhooksWrongSecret(t *testing.T) {
	c := fakeclock.New(testStart)
	s := New(Options{Now: c.Now})
	hook := qss.NewWebhook("another secret", c.Now, 0)
	rx := httptest.NewServer(hook)
	defer rx.Close()
	err := s.PostWebhooks(context.Background(), rx.URL, DemoWebhookSecret)
	if err == nil || !strings.Contains(err.Error(), "another secret token") {
		t.Fatalf("err %v, want the wrong url_validation answer named", err)
	}
	if hook.Stats().Refused[qss.RefusedSignature] != 1 || len(hook.Events()) != 0 {
		t.Errorf("refused %v, %d queued: want the one validation refused and nothing queued", hook.Stats().Refused, len(hook.Events()))
	}
}
