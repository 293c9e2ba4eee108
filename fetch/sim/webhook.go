package sim

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// DemoWebhookSecret is the secret token the simulator signs its webhooks
// with when $ZOOM_WEBHOOK_SECRET is not set: what `qostop exporter
// --webhook-listen` must be given to take them.
const DemoWebhookSecret = "demo-webhook-secret-not-a-real-one"

// Webhook delivery, as Zoom's: every request is signed, the first is the
// endpoint.url_validation challenge, the rest are participant_qos
// events, posted every Options.PushEvery on the server's clock.
const (
	// webhookWorkers post events side by side: a large account pushes
	// 10,000 events a minute, one at a time is too slow for a receiver
	// across a network.
	webhookWorkers = 4
	// webhookTimeout is Zoom's: an answer later than 3 s is a failure.
	webhookTimeout = 3 * time.Second
	// validateRetry is how long the poster waits before asking a receiver
	// that is not up yet to validate again.
	validateRetry = 2 * time.Second
)

// PostWebhooks posts the live calls' participant_qos events to url,
// signed with secret, until ctx ends or the server closes: first the
// url_validation handshake (repeated until the receiver answers it
// right), then, at each push time, every event published since the one
// before. An answer other than 2xx is counted (Stats.WebhooksRefused),
// and the event is not sent again.
func (s *Server) PostWebhooks(ctx context.Context, url, secret string) error {
	client := &http.Client{Timeout: webhookTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	p := poster{s: s, url: url, secret: secret, client: client}
	since := s.now() // events published while the receiver validates are posted too
	for {
		err := p.validate(ctx)
		if err == nil {
			break
		}
		var wrong wrongAnswer
		if errors.As(err, &wrong) {
			return err // the secrets differ: retrying will not help
		}
		select {
		case <-ctx.Done():
			return nil
		case <-s.done:
			return nil
		case <-time.After(validateRetry):
		}
	}
	return p.loop(ctx, since)
}

type poster struct {
	s           *Server
	url, secret string
	client      *http.Client
}

// wrongAnswer is a url_validation answered with the wrong token, or
// refused as unauthorized (the receiver checks the signature first).
type wrongAnswer struct{ url string }

func (w wrongAnswer) Error() string {
	return "the webhook receiver at " + w.url + " answered url_validation with the wrong token: it has another secret token"
}

// validate sends endpoint.url_validation and checks the answer.
func (p poster) validate(ctx context.Context) error {
	var b [16]byte
	_, _ = rand.Read(b[:])
	plain := hex.EncodeToString(b[:])
	body, _ := json.Marshal(map[string]any{"event": "endpoint.url_validation", "event_ts": p.s.now().UnixMilli(),
		"payload": map[string]string{"plainToken": plain}})
	resp, err := p.post(ctx, body)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
		return wrongAnswer{p.url}
	}
	var got struct {
		PlainToken     string `json:"plainToken"`
		EncryptedToken string `json:"encryptedToken"`
	}
	if resp.StatusCode != http.StatusOK || json.NewDecoder(io.LimitReader(resp.Body, 4<<10)).Decode(&got) != nil {
		return fmt.Errorf("url_validation: status %d", resp.StatusCode)
	}
	m := hmac.New(sha256.New, []byte(p.secret))
	m.Write([]byte(plain))
	if got.PlainToken != plain || !hmac.Equal([]byte(got.EncryptedToken), []byte(hex.EncodeToString(m.Sum(nil)))) {
		return wrongAnswer{p.url}
	}
	return nil
}

// loop posts, at each push time, the events published since the last.
func (p poster) loop(ctx context.Context, last time.Time) error {
	wake := time.NewTicker(pushWake)
	defer wake.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-p.s.done:
			return nil
		case <-wake.C:
		}
		due := p.s.now().Truncate(p.s.opts.PushEvery)
		if !due.After(last) {
			continue
		}
		p.deliver(ctx, p.s.Events(last, due))
		last = due
	}
}

// deliver posts events with webhookWorkers side by side.
func (p poster) deliver(ctx context.Context, events []Event) {
	work := make(chan []byte)
	var wg sync.WaitGroup
	for range webhookWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for body := range work {
				p.one(ctx, body)
			}
		}()
	}
	for _, ev := range events {
		work <- ev.Body
	}
	close(work)
	wg.Wait()
}

func (p poster) one(ctx context.Context, body []byte) {
	resp, err := p.post(ctx, body)
	ok := err == nil && resp.StatusCode/100 == 2
	if err == nil {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		resp.Body.Close()
	}
	p.s.mu.Lock()
	defer p.s.mu.Unlock()
	if ok {
		p.s.stats.WebhooksPosted++
	} else {
		p.s.stats.WebhooksRefused++
	}
}

// post sends body signed at the server's now, as Zoom signs.
func (p poster) post(ctx context.Context, body []byte) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	ts := strconv.FormatInt(p.s.now().Unix(), 10)
	m := hmac.New(sha256.New, []byte(p.secret))
	m.Write([]byte("v0:" + ts + ":"))
	m.Write(body)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("x-zm-request-timestamp", ts)
	req.Header.Set("x-zm-signature", "v0="+hex.EncodeToString(m.Sum(nil)))
	return p.client.Do(req)
}
