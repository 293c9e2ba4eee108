package fetch

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

func TestTokenReusedAcrossCalls(t *testing.T) {
	f := newFake(t, okParticipant)
	c := f.client()
	for range 5 {
		if _, err := c.ParticipantQoS(bg, "1", "7", model.Live); err != nil {
			t.Fatal(err)
		}
	}
	if c.TokenRequests() != 1 || f.tokenHits.Load() != 1 {
		t.Errorf("token requests: client %d, server %d; want 1", c.TokenRequests(), f.tokenHits.Load())
	}
	if c.Requests() != 5 || f.apiHits.Load() != 5 {
		t.Errorf("API requests: client %d, server %d; want 5", c.Requests(), f.apiHits.Load())
	}
}

func TestConcurrentCallsShareOneToken(t *testing.T) {
	f := newFake(t, okParticipant)
	c := f.client()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := c.ParticipantQoS(bg, "1", "7", model.Live); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if f.tokenHits.Load() != 1 {
		t.Errorf("%d token requests for 8 concurrent calls, want 1", f.tokenHits.Load())
	}
}

func TestRejectedTokenRefreshedOnceAndRetried(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "Bearer "+tokenPrefix+"1" {
			writeJSON(w, 401, `{"code":124,"message":"Invalid access token."}`)
			return
		}
		okParticipant(w, r)
	})
	c := f.client()
	p, err := c.ParticipantQoS(bg, "1", "7", model.Live)
	if err != nil {
		t.Fatal(err)
	}
	if p.UserID != "7" {
		t.Errorf("participant %q", p.UserID)
	}
	if f.tokenHits.Load() != 2 || f.apiHits.Load() != 2 || c.Requests() != 2 {
		t.Errorf("token %d, api %d (client %d); want 2, 2", f.tokenHits.Load(), f.apiHits.Load(), c.Requests())
	}
	// The new token is kept.
	if _, err := c.ParticipantQoS(bg, "1", "7", model.Live); err != nil || f.tokenHits.Load() != 2 {
		t.Errorf("after refresh: err %v, %d token requests", err, f.tokenHits.Load())
	}
}

// A 401 costs a new token only when it says the token went stale: code
// 124, or no Zoom code. Missing scopes (4700) or another refusal would
// come back with a new token too.
func TestOnlyStaleToken401Refreshes(t *testing.T) {
	for _, c := range []struct {
		name, body    string
		kind          ErrorKind
		token, api    int64
		want, wantNot string
	}{
		{"missing scopes", `{"code":4700,"message":"Invalid access token, does not contain scopes: [dashboard_meetings:read:admin]."}`,
			MissingScope, 1, 1, "lacks the scope dashboard_meetings:read:admin", "fetched a new one"},
		{"other code", `{"code":9999,"message":"Account disabled."}`,
			Unauthorized, 1, 1, "Zoom rejected the access token (HTTP 401, code 9999", "fetched a new one"},
		{"code 124", `{"code":124,"message":"Invalid access token."}`,
			Unauthorized, 2, 2, "even after qostop fetched a new one", ""},
		{"no code", ``, Unauthorized, 2, 2, "even after qostop fetched a new one", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 401, c.body) })
			cl := f.client()
			_, err := cl.ParticipantQoS(bg, "1", "7", model.Live)
			asAPIError(t, err, c.kind)
			wantText(t, err, c.want)
			if c.wantNot != "" && strings.Contains(err.Error(), c.wantNot) {
				t.Errorf("error says %q: %v", c.wantNot, err)
			}
			if f.tokenHits.Load() != c.token || f.apiHits.Load() != c.api {
				t.Errorf("token %d, api %d; want %d, %d", f.tokenHits.Load(), f.apiHits.Load(), c.token, c.api)
			}
		})
	}
}

// Missing scopes keep the token: the next call asks Zoom again (the app
// may have been fixed) without a token request.
func TestMissingScope401KeepsToken(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 401, `{"code":4700,"message":"Invalid access token, does not contain scopes: [dashboard_meetings:read:admin]."}`)
	})
	c := f.client()
	for range 2 {
		_, err := c.ParticipantQoS(bg, "1", "7", model.Live)
		asAPIError(t, err, MissingScope)
	}
	if f.tokenHits.Load() != 1 || f.apiHits.Load() != 2 {
		t.Errorf("token %d, api %d; want 1, 2", f.tokenHits.Load(), f.apiHits.Load())
	}
}

// A 401 storm costs one refresh, then token requests back off.
func TestRejectedFreshTokenBacksOff(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 401, `{"code":124,"message":"Invalid access token."}`)
	})
	c := f.client()
	_, err := c.ParticipantQoS(bg, "1", "7", model.Live)
	e := asAPIError(t, err, Unauthorized)
	if e.Status != 401 || e.Code != 124 {
		t.Errorf("status %d code %d", e.Status, e.Code)
	}
	wantText(t, err, "fetch participant QoS", "rejected the access token even after qostop fetched a new one",
		"activated", "ZOOM_ACCOUNT_ID", "Invalid access token.")
	if f.tokenHits.Load() != 2 || f.apiHits.Load() != 2 {
		t.Fatalf("token %d, api %d; want 2, 2", f.tokenHits.Load(), f.apiHits.Load())
	}
	for range 5 {
		_, err = c.ParticipantQoS(bg, "1", "7", model.Live)
		asAPIError(t, err, Unauthorized)
	}
	if f.tokenHits.Load() != 2 || f.apiHits.Load() != 2 {
		t.Errorf("during back-off: token %d, api %d; want no new requests", f.tokenHits.Load(), f.apiHits.Load())
	}
}

func TestInvalidClient(t *testing.T) {
	f := newFake(t, okParticipant)
	c := f.client(func(cfg *Config) { cfg.ClientSecret = "wrong-secret-123" })
	_, err := c.ParticipantQoS(bg, "1", "7", model.Live)
	e := asAPIError(t, err, InvalidClient)
	if e.Status != 401 || e.Message != "invalid_client: Invalid client_id or client_secret" {
		t.Errorf("status %d message %q", e.Status, e.Message)
	}
	wantText(t, err, "rejected the client ID or client secret", "Check ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET against",
		"Server-to-Server OAuth app", f.srv.Listener.Addr().String())
	if c.Requests() != 0 || f.apiHits.Load() != 0 {
		t.Errorf("API requests sent without a token: %d", f.apiHits.Load())
	}
	// Back-off: a wrong secret is not hammered against the endpoint.
	for range 3 {
		_, err = c.ParticipantQoS(bg, "1", "7", model.Live)
		asAPIError(t, err, InvalidClient)
	}
	if n := f.tokenHits.Load(); n != 1 || c.TokenRequests() != 1 {
		t.Errorf("%d token requests during back-off, want 1", n)
	}
	c.auth.mu.Lock()
	c.auth.blockedUntil = time.Now() // the back-off has passed
	c.auth.mu.Unlock()
	_, _ = c.ParticipantQoS(bg, "1", "7", model.Live)
	if n := f.tokenHits.Load(); n != 2 {
		t.Errorf("%d token requests after back-off, want 2", n)
	}
}

// The advice names the settings Zoom's reason points at, not all three.
func TestInvalidCredentialsNamed(t *testing.T) {
	for _, c := range []struct {
		name, body string
		status     int
		want, not  []string
	}{
		{"account id", `{"reason":"Invalid account_id","error":"invalid_request"}`, 400,
			[]string{"rejected the account ID (", "Check ZOOM_ACCOUNT_ID against", "invalid_request: Invalid account_id"},
			[]string{"ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET"}},
		{"client", `{"reason":"Invalid client_id or client_secret","error":"invalid_client"}`, 401,
			[]string{"rejected the client ID or client secret (", "Check ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET against"},
			[]string{"ZOOM_ACCOUNT_ID"}},
		{"unsaid", `{"error":"access_denied"}`, 403,
			[]string{"rejected the account ID, client ID or client secret", "ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET"},
			nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFake(t, okParticipant)
			f.tokenFunc = func(w http.ResponseWriter, r *http.Request) { writeJSON(w, c.status, c.body) }
			_, err := f.client().ParticipantQoS(bg, "1", "7", model.Live)
			asAPIError(t, err, InvalidClient)
			wantText(t, err, c.want...)
			for _, n := range c.not {
				if strings.Contains(err.Error(), n) {
					t.Errorf("error names %s: %v", n, err)
				}
			}
		})
	}
}

func TestTokenEndpointServerError(t *testing.T) {
	f := newFake(t, okParticipant)
	f.tokenFunc = func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(503)
		_, _ = w.Write([]byte("<html><head><title>Service Unavailable</title></head><body><script>x()</script></body></html>"))
	}
	_, err := f.client().ParticipantQoS(bg, "1", "7", model.Live)
	asAPIError(t, err, Server)
	wantText(t, err, "token endpoint", "Service Unavailable", "Zoom's side")
	if strings.Contains(err.Error(), "<") {
		t.Errorf("HTML in error: %v", err)
	}
}

func TestTokenEndpointNotAToken(t *testing.T) {
	f := newFake(t, okParticipant)
	f.tokenFunc = func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{"token_type":"bearer"}`) }
	_, err := f.client().ParticipantQoS(bg, "1", "7", model.Live)
	asAPIError(t, err, BadResponse)
}
