package fetch

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Credentials of the hand-written fake Zoom. The secret and the token
// prefix are distinctive so leak tests can grep for them.
const (
	testAccount = "acct-42"
	testClient  = "client-id-42"
	testSecret  = "s3cr3t-DO-NOT-LEAK-9f8e7d"
	tokenPrefix = "tok-DO-NOT-LEAK-"
)

// fakeZoom is a minimal Zoom: a token endpoint that checks the
// Server-to-Server OAuth request and an API handler the test supplies.
type fakeZoom struct {
	t   *testing.T
	srv *httptest.Server

	expiresIn int              // seconds; 3600 if zero
	tokenFunc http.HandlerFunc // replaces the token endpoint if set
	api       http.HandlerFunc // every non-token request
	tokenHits atomic.Int64     // requests to the token endpoint
	apiHits   atomic.Int64     // requests to the API
	issued    atomic.Int64     // tokens handed out
	mu        sync.Mutex
	paths     []string // escaped paths + query of API requests, in order
}

func newFake(t *testing.T, api http.HandlerFunc) *fakeZoom {
	t.Helper()
	f := &fakeZoom{t: t, api: api}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeZoom) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/oauth/token" {
		f.tokenHits.Add(1)
		if f.tokenFunc != nil {
			f.tokenFunc(w, r)
			return
		}
		f.token(w, r)
		return
	}
	f.apiHits.Add(1)
	f.mu.Lock()
	f.paths = append(f.paths, r.URL.EscapedPath()+"?"+r.URL.RawQuery)
	f.mu.Unlock()
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer "+tokenPrefix) {
		writeJSON(w, 401, `{"code":124,"message":"Invalid access token."}`)
		return
	}
	f.api(w, r)
}

// token answers like zoom.us/oauth/token, checking what Zoom checks.
func (f *fakeZoom) token(w http.ResponseWriter, r *http.Request) {
	want := "Basic " + base64.StdEncoding.EncodeToString([]byte(testClient+":"+testSecret))
	_ = r.ParseForm()
	if r.Method != http.MethodPost || r.Header.Get("Authorization") != want ||
		r.PostForm.Get("grant_type") != "account_credentials" || r.PostForm.Get("account_id") != testAccount ||
		r.PostForm.Has("scope") || r.PostForm.Has("client_secret") || r.Header.Get("User-Agent") != "qostop" {
		writeJSON(w, 401, `{"reason":"Invalid client_id or client_secret","error":"invalid_client"}`)
		return
	}
	exp := f.expiresIn
	if exp == 0 {
		exp = 3600
	}
	n := f.issued.Add(1)
	writeJSON(w, 200, fmt.Sprintf(`{"access_token":"%s%d","token_type":"bearer","expires_in":%d,"scope":"dashboard_meetings:read:admin","api_url":"https://api.zoom.us"}`, tokenPrefix, n, exp))
}

func (f *fakeZoom) config() Config {
	return Config{
		APIURL:       f.srv.URL + "/v2",
		OAuthURL:     f.srv.URL + "/oauth/token",
		AccountID:    testAccount,
		ClientID:     testClient,
		ClientSecret: testSecret,
		Timeout:      2 * time.Second,
	}
}

func (f *fakeZoom) client(mod ...func(*Config)) *Client {
	f.t.Helper()
	cfg := f.config()
	for _, m := range mod {
		m(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

func (f *fakeZoom) requestPaths() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.paths...)
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// participantJSON is a small participant with one sample.
func participantJSON(userID string) string {
	return `{"user_id":"` + userID + `","user_name":"P` + userID + `","user_qos":[{"date_time":"2021-06-24T20:00:00Z",` +
		`"audio_input":{"bitrate":"23 kbps","latency":"126 ms","jitter":"6 ms","avg_loss":"0.3%","max_loss":"1.9%"}}]}`
}

// okParticipant serves participantJSON for any request.
func okParticipant(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, participantJSON("7")) }

// asAPIError insists err is an *APIError of kind k.
func asAPIError(t *testing.T, err error, k ErrorKind) *APIError {
	t.Helper()
	var e *APIError
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *APIError", err, err)
	}
	if e.Kind != k {
		t.Fatalf("kind %v, want %v; error: %v", e.Kind, k, err)
	}
	return e
}

func wantText(t *testing.T, err error, parts ...string) {
	t.Helper()
	s := err.Error()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			t.Errorf("error text lacks %q:\n%s", p, s)
		}
	}
}

var bg = context.Background()

// syncBuffer is a bytes.Buffer safe for the debug log's concurrent writes
// and the test's reads.
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
