package qss

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim/simtest/fakeclock"
)

const testSecret = "whsec-test-not-a-real-one"

var testNow = time.Date(2026, 3, 9, 14, 30, 17, 0, time.UTC)

// rig is a webhook receiver behind a real loopback server, on a fake clock.
type rig struct {
	t     *testing.T
	w     *Webhook
	srv   *httptest.Server
	clock *fakeclock.Clock
}

func newRig(t *testing.T, queue int) *rig {
	c := fakeclock.New(testNow)
	w := NewWebhook(testSecret, c.Now, queue)
	srv := httptest.NewServer(w)
	t.Cleanup(srv.Close)
	return &rig{t: t, w: w, srv: srv, clock: c}
}

// post sends body with the headers Zoom would set for timestamp ts,
// signed with secret; it returns the status and the answer.
func (r *rig) post(body []byte, ts time.Time, secret string) (int, string) {
	r.t.Helper()
	stamp := strconv.FormatInt(ts.Unix(), 10)
	return r.postRaw(body, stamp, Sign(secret, stamp, body))
}

func (r *rig) postRaw(body []byte, stamp, sig string) (int, string) {
	r.t.Helper()
	req, err := http.NewRequest(http.MethodPost, r.srv.URL, bytes.NewReader(body))
	if err != nil {
		r.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if stamp != "" {
		req.Header.Set("x-zm-request-timestamp", stamp)
	}
	if sig != "" {
		req.Header.Set("x-zm-signature", sig)
	}
	resp, err := r.srv.Client().Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (r *rig) queued() int { return len(r.w.queue) }

func event(user string) []byte {
	return []byte(`{"event":"meeting.participant_qos","event_ts":1773066600000,"payload":{"account_id":"a",` +
		`"object":{"id":"85012345678","uuid":"u","participant":{"user_id":"` + user + `","user_name":"A","qos":[]}}}}`)
}

// A body signed with another secret, a signature of another body, a
// missing header and a tampered body are all refused, and none reaches
// the queue.
func TestWebhookRefusesBadSignatures(t *testing.T) {
	r := newRig(t, 0)
	body := event("1")
	stamp := strconv.FormatInt(testNow.Unix(), 10)
	for _, tc := range []struct {
		name, stamp, sig string
		body             []byte
		want             string
	}{
		{"another secret", stamp, Sign("guess", stamp, body), body, RefusedSignature},
		{"another body", stamp, Sign(testSecret, stamp, event("2")), body, RefusedSignature},
		{"another timestamp", stamp, Sign(testSecret, strconv.FormatInt(testNow.Unix()-1, 10), body), body, RefusedSignature},
		{"no v0= prefix", stamp, strings.TrimPrefix(Sign(testSecret, stamp, body), "v0="), body, RefusedSignature},
		{"no signature", stamp, "", body, RefusedUnsigned},
		{"no timestamp", "", Sign(testSecret, stamp, body), body, RefusedUnsigned},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := r.w.Stats().Refused[tc.want]
			if status, _ := r.postRaw(tc.body, tc.stamp, tc.sig); status != http.StatusUnauthorized {
				t.Errorf("status %d, want 401", status)
			}
			if got := r.w.Stats().Refused[tc.want]; got != before+1 {
				t.Errorf("refused %q counted %d times, want %d", tc.want, got, before+1)
			}
		})
	}
	if r.queued() != 0 || r.w.Stats().Received != 0 {
		t.Fatalf("%d events queued from bad signatures", r.queued())
	}
	if status, _ := r.post(body, testNow, testSecret); status != http.StatusNoContent || r.queued() != 1 {
		t.Fatalf("the well signed event: status %d, %d queued; want 204 and 1", status, r.queued())
	}
}

// The same signed request sent again is refused; so is one whose
// timestamp is more than five minutes away; Zoom's own retry of an event
// (signed anew) is acknowledged but not queued twice.
func TestWebhookRefusesReplays(t *testing.T) {
	r := newRig(t, 0)
	body := event("1")
	stamp := strconv.FormatInt(testNow.Unix(), 10)
	sig := Sign(testSecret, stamp, body)
	if status, _ := r.postRaw(body, stamp, sig); status != http.StatusNoContent {
		t.Fatalf("first delivery: status %d", status)
	}
	r.clock.Add(30 * time.Second)
	if status, _ := r.postRaw(body, stamp, sig); status != http.StatusConflict {
		t.Errorf("replayed within the window: status %d, want 409", status)
	}
	if status, _ := r.post(body, r.clock.Now(), testSecret); status != http.StatusOK {
		t.Errorf("Zoom's retry, signed anew: status %d, want 200", status)
	}
	r.clock.Add(20 * time.Minute) // the cache has forgotten it: the timestamp must refuse it
	if status, _ := r.postRaw(body, stamp, sig); status != http.StatusUnauthorized {
		t.Errorf("replayed 20 minutes later: status %d, want 401", status)
	}
	if status, _ := r.post(event("2"), r.clock.Now().Add(6*time.Minute), testSecret); status != http.StatusUnauthorized {
		t.Errorf("a timestamp 6 minutes ahead: status %d, want 401", status)
	}
	st := r.w.Stats()
	if r.queued() != 1 || st.Received != 1 {
		t.Errorf("%d queued, %d received; want the first delivery only", r.queued(), st.Received)
	}
	for reason, want := range map[string]int{RefusedReplay: 1, RefusedDuplicate: 1, RefusedStale: 2} {
		if st.Refused[reason] != want {
			t.Errorf("refused %s: %d, want %d", reason, st.Refused[reason], want)
		}
	}
}

// endpoint.url_validation is answered with the plain token and its
// HMAC-SHA256 under the secret, in hex, and queues nothing.
func TestWebhookURLValidation(t *testing.T) {
	r := newRig(t, 0)
	body := []byte(`{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}`)
	status, answer := r.post(body, testNow, testSecret)
	if status != http.StatusOK {
		t.Fatalf("status %d: %s", status, answer)
	}
	var got map[string]string
	if err := json.Unmarshal([]byte(answer), &got); err != nil {
		t.Fatalf("answer %q: %v", answer, err)
	}
	m := hmac.New(sha256.New, []byte(testSecret))
	m.Write([]byte("qgg8vlvZRS6UYooatFL8Aw"))
	want := hex.EncodeToString(m.Sum(nil))
	if got["plainToken"] != "qgg8vlvZRS6UYooatFL8Aw" || got["encryptedToken"] != want {
		t.Errorf("answer %v, want plainToken qgg8vlvZRS6UYooatFL8Aw and encryptedToken %s", got, want)
	}
	if strings.Contains(answer, testSecret) {
		t.Error("the answer holds the secret")
	}
	if r.queued() != 0 {
		t.Error("the validation was queued as an event")
	}
	// Unsigned, it is refused like any other request.
	if status, _ := r.postRaw(body, "", ""); status != http.StatusUnauthorized {
		t.Errorf("unsigned validation: status %d, want 401", status)
	}
}

// A body over the cap is refused unread, a GET is refused, and a full
// queue refuses with 503 rather than waiting: Zoom sends it again later,
// and that retry is taken.
func TestWebhookLimits(t *testing.T) {
	r := newRig(t, 1)
	big := append(event("1")[:0:0], bytes.Repeat([]byte(" "), MaxWebhookBody+1)...)
	if status, _ := r.post(big, testNow, testSecret); status != http.StatusRequestEntityTooLarge {
		t.Errorf("a body over %d bytes: status %d, want 413", MaxWebhookBody, status)
	}
	resp, err := r.srv.Client().Get(r.srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: status %d, want 405", resp.StatusCode)
	}
	if status, _ := r.post(event("1"), testNow, testSecret); status != http.StatusNoContent {
		t.Fatalf("first event: status %d", status)
	}
	if status, _ := r.post(event("2"), testNow, testSecret); status != http.StatusServiceUnavailable {
		t.Errorf("into a full queue: status %d, want 503", status)
	}
	<-r.w.Events()
	if status, _ := r.post(event("2"), testNow.Add(time.Second), testSecret); status != http.StatusNoContent {
		t.Errorf("Zoom's retry once the queue has room: status %d, want 204", status)
	}
	if got := r.w.Stats().Refused; got[RefusedTooLarge] != 1 || got[RefusedMethod] != 1 || got[RefusedQueueFull] != 1 {
		t.Errorf("refused %v", got)
	}
}

// The replay cache stays within its bound and forgets entries past two
// windows.
func TestSeenCacheBounded(t *testing.T) {
	c := newSeenCache(100)
	for i := range 1000 {
		c.add([]byte(strconv.Itoa(i)), "1", testNow)
	}
	if len(c.byKey) > 100 || len(c.queue)-c.head > 100 {
		t.Errorf("%d entries, %d queued; want at most 100", len(c.byKey), len(c.queue)-c.head)
	}
	if c.add([]byte("999"), "1", testNow) != seenReplay {
		t.Error("the newest entry was forgotten")
	}
	c.add([]byte("x"), "1", testNow.Add(11*time.Minute))
	if len(c.byKey) != 1 {
		t.Errorf("%d entries after 11 minutes, want only the new one", len(c.byKey))
	}
}
