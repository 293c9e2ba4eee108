package qss

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Limits of the webhook receiver. A participant_qos event of every
// stream of one participant is a few KB; Zoom's url_validation is less.
const (
	// MaxWebhookBody is the largest body read; a longer one is refused
	// unread (413), so a client cannot make the receiver buffer megabytes.
	MaxWebhookBody = 64 << 10
	// ReplayWindow is how far x-zm-request-timestamp may be from the
	// receiver's clock, either way: older or newer requests are refused.
	ReplayWindow = 5 * time.Minute
	// DefaultQueue is how many verified events wait for the consumer. The
	// answer never waits for it: past this, events are refused with 503
	// (Zoom sends them again later) and counted.
	DefaultQueue  = 4096
	maxPlainToken = 512
)

// Reasons a webhook is refused, the label of the exporter's counter.
const (
	RefusedMethod    = "method"        // not a POST
	RefusedTooLarge  = "too_large"     // body over MaxWebhookBody
	RefusedUnsigned  = "unsigned"      // no x-zm-signature or x-zm-request-timestamp
	RefusedStale     = "stale"         // timestamp outside ReplayWindow
	RefusedSignature = "bad_signature" // HMAC does not match
	RefusedReplay    = "replay"        // the same signed request again
	RefusedDuplicate = "duplicate"     // the same event, signed anew (Zoom's retry): answered 200, not queued twice
	RefusedMalformed = "malformed"     // not a JSON event
	RefusedQueueFull = "queue_full"    // the consumer is behind
)

// RefusedReasons lists every reason, for a counter that shows zeros.
var RefusedReasons = []string{RefusedMethod, RefusedTooLarge, RefusedUnsigned, RefusedStale,
	RefusedSignature, RefusedReplay, RefusedDuplicate, RefusedMalformed, RefusedQueueFull}

// Delivery is one verified webhook event: its raw JSON (the body Zoom
// signed) and when it arrived.
type Delivery struct {
	Body []byte
	At   time.Time
}

// Webhook receives Zoom's event notifications (QSS by webhook): it
// checks each POST's x-zm-signature, HMAC-SHA256 with the app's secret
// token over "v0:{timestamp}:{body}", refuses stale and replayed ones,
// answers endpoint.url_validation, and hands every other event to a
// bounded queue without waiting for it to be processed, so Zoom has its
// answer well within its 3 seconds.
type Webhook struct {
	secret []byte
	now    func() time.Time
	queue  chan Delivery
	seen   *seenCache

	mu       sync.Mutex
	received int
	last     time.Time
	refused  map[string]int
}

// NewWebhook is a receiver checking signatures with secret (Zoom's
// "secret token" of the app), on clock now (nil: time.Now), queueing up
// to queue events (0: DefaultQueue).
func NewWebhook(secret string, now func() time.Time, queue int) *Webhook {
	if now == nil {
		now = time.Now
	}
	if queue <= 0 {
		queue = DefaultQueue
	}
	return &Webhook{secret: []byte(secret), now: now, queue: make(chan Delivery, queue),
		seen: newSeenCache(maxSeen), refused: map[string]int{}}
}

// Events is the queue of verified events, in arrival order.
func (w *Webhook) Events() <-chan Delivery { return w.queue }

// WebhookStats are the receiver's counts so far.
type WebhookStats struct {
	Received int            // events queued
	Last     time.Time      // when the last one arrived; zero before any
	Refused  map[string]int // by reason (Refused*)
}

// Stats returns the counts so far.
func (w *Webhook) Stats() WebhookStats {
	w.mu.Lock()
	defer w.mu.Unlock()
	r := make(map[string]int, len(w.refused))
	for k, v := range w.refused {
		r[k] = v
	}
	return WebhookStats{Received: w.received, Last: w.last, Refused: r}
}

func (w *Webhook) refuse(rw http.ResponseWriter, reason string, status int) {
	w.mu.Lock()
	w.refused[reason]++
	w.mu.Unlock()
	http.Error(rw, "refused: "+reason, status)
}

// ServeHTTP checks, answers and queues one notification.
func (w *Webhook) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		rw.Header().Set("Allow", http.MethodPost)
		w.refuse(rw, RefusedMethod, http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(rw, r.Body, MaxWebhookBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			w.refuse(rw, RefusedTooLarge, http.StatusRequestEntityTooLarge)
		} else {
			w.refuse(rw, RefusedMalformed, http.StatusBadRequest)
		}
		return
	}
	now := w.now()
	ts, sig := r.Header.Get("x-zm-request-timestamp"), r.Header.Get("x-zm-signature")
	if reason, status := w.verify(ts, sig, body, now); reason != "" {
		w.refuse(rw, reason, status)
		return
	}
	var env struct {
		Event   string `json:"event"`
		Payload struct {
			PlainToken string `json:"plainToken"`
		} `json:"payload"`
	}
	if json.Unmarshal(body, &env) != nil || env.Event == "" {
		w.refuse(rw, RefusedMalformed, http.StatusBadRequest)
		return
	}
	if env.Event == "endpoint.url_validation" {
		w.validate(rw, env.Payload.PlainToken)
		return
	}
	select {
	case w.queue <- Delivery{Body: body, At: now}:
	default:
		w.seen.forget(body) // not processed: Zoom's retry must be taken
		w.refuse(rw, RefusedQueueFull, http.StatusServiceUnavailable)
		return
	}
	w.mu.Lock()
	w.received++
	w.last = now
	w.mu.Unlock()
	rw.WriteHeader(http.StatusNoContent)
}

// verify checks the timestamp, the signature, then that the request is
// new, and says why not with the status to answer.
func (w *Webhook) verify(ts, sig string, body []byte, now time.Time) (string, int) {
	if ts == "" || sig == "" {
		return RefusedUnsigned, http.StatusUnauthorized
	}
	at, ok := parseTimestamp(ts)
	if !ok || at.Sub(now).Abs() > ReplayWindow {
		return RefusedStale, http.StatusUnauthorized
	}
	// hmac.Equal takes the same time wherever the strings differ.
	if !hmac.Equal([]byte(strings.ToLower(sig)), []byte(Sign(string(w.secret), ts, body))) {
		return RefusedSignature, http.StatusUnauthorized
	}
	switch w.seen.add(body, ts, now) {
	case seenReplay:
		return RefusedReplay, http.StatusConflict
	case seenDuplicate:
		return RefusedDuplicate, http.StatusOK // Zoom's own retry: say it arrived
	}
	return "", 0
}

// validate answers Zoom's endpoint.url_validation challenge.
func (w *Webhook) validate(rw http.ResponseWriter, plain string) {
	if plain == "" || len(plain) > maxPlainToken {
		w.refuse(rw, RefusedMalformed, http.StatusBadRequest)
		return
	}
	rw.Header().Set("Content-Type", "application/json")
	json.NewEncoder(rw).Encode(ValidationAnswer(string(w.secret), plain))
}

// Validation is the answer to endpoint.url_validation.
type Validation struct {
	PlainToken     string `json:"plainToken"`
	EncryptedToken string `json:"encryptedToken"`
}

// ValidationAnswer is what Zoom expects for plainToken:
// hex(HMAC-SHA256(secret, plainToken)).
func ValidationAnswer(secret, plain string) Validation {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(plain))
	return Validation{PlainToken: plain, EncryptedToken: hex.EncodeToString(m.Sum(nil))}
}

// Sign is the x-zm-signature Zoom sends for body at timestamp ts (Unix
// seconds, as x-zm-request-timestamp carries it).
func Sign(secret, ts string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("v0:" + ts + ":"))
	m.Write(body)
	return "v0=" + hex.EncodeToString(m.Sum(nil))
}

// parseTimestamp reads x-zm-request-timestamp: Unix seconds, as Zoom's
// samples show; a value in milliseconds is taken too.
func parseTimestamp(ts string) (time.Time, bool) {
	n, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || n <= 0 {
		return time.Time{}, false
	}
	if n > 1e11 {
		return time.UnixMilli(n), true
	}
	return time.Unix(n, 0), true
}
