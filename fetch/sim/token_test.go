package sim

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestTokenAccepted(t *testing.T) {
	h := newHarness(t, Options{TokenTTL: 30 * time.Minute})
	resp := h.requestToken(DemoClientID, DemoClientSecret,
		"grant_type=account_credentials&account_id="+DemoAccountID)
	body := readAll(t, resp)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var tok struct {
		AccessToken string `json:"access_token"`
		TokenType   string `json:"token_type"`
		ExpiresIn   int    `json:"expires_in"`
		Scope       string `json:"scope"`
		APIURL      string `json:"api_url"`
	}
	if err := json.Unmarshal(body, &tok); err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken == "" || tok.TokenType != "bearer" || tok.ExpiresIn != 1800 ||
		!strings.Contains(tok.Scope, "dashboard_meetings:read:admin") || tok.APIURL != h.ts.URL {
		t.Errorf("token response %+v", tok)
	}
	if code, _, _ := h.getWith(tok.AccessToken, listPath("live")); code != http.StatusOK {
		t.Errorf("fresh token refused: %d", code)
	}
	// Zoom's own examples put grant_type and account_id in the query.
	req, _ := http.NewRequest(http.MethodPost,
		h.ts.URL+"/oauth/token?grant_type=account_credentials&account_id="+DemoAccountID, nil)
	req.SetBasicAuth(DemoClientID, DemoClientSecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if readAll(t, resp); resp.StatusCode != http.StatusOK {
		t.Errorf("query-string form: %d", resp.StatusCode)
	}
	if st := h.sim.Stats(); st.TokenRequests != 3 || st.TokensIssued != 3 {
		t.Errorf("stats %+v", st)
	}
}

func TestTokenRejected(t *testing.T) {
	h := newHarness(t, Options{})
	good := "grant_type=account_credentials&account_id=" + DemoAccountID
	tests := []struct {
		name, user, pass, form string
		status                 int
		errName                string
	}{
		{"wrong secret", DemoClientID, "nope", good, 401, "invalid_client"},
		{"wrong client", "someone", DemoClientSecret, good, 401, "invalid_client"},
		{"no basic header", "", "", good, 401, "invalid_client"},
		{"wrong grant", DemoClientID, DemoClientSecret,
			"grant_type=client_credentials&account_id=" + DemoAccountID, 400, "unsupported_grant_type"},
		{"wrong account", DemoClientID, DemoClientSecret,
			"grant_type=account_credentials&account_id=other", 400, "invalid_request"},
		{"no account", DemoClientID, DemoClientSecret, "grant_type=account_credentials", 400, "invalid_request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := h.requestToken(tt.user, tt.pass, tt.form)
			body := decode(t, readAll(t, resp))
			if resp.StatusCode != tt.status || body["error"] != tt.errName || body["reason"] == "" {
				t.Errorf("got %d %v, want %d %s", resp.StatusCode, body, tt.status, tt.errName)
			}
			if _, ok := body["access_token"]; ok {
				t.Error("rejected request got a token")
			}
		})
	}
	if st := h.sim.Stats(); st.TokensIssued != 1 { // the harness's own
		t.Errorf("issued %d tokens", st.TokensIssued)
	}
}

func TestBearerRequired(t *testing.T) {
	h := newHarness(t, Options{TokenTTL: time.Hour})
	path := qosPath(DemoMeetingID, DemoParticipantID)
	for name, auth := range map[string]string{
		"none":          "",
		"unknown token": "Bearer not-a-token",
		"basic":         "Basic ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ=",
		"scheme only":   "Bearer",
		"raw token":     h.token,
	} {
		t.Run(name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, h.ts.URL+"/v2"+path, nil)
			if auth != "" {
				req.Header.Set("Authorization", auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body := decode(t, readAll(t, resp))
			if resp.StatusCode != 401 || body["code"] != 124.0 || body["message"] != "Invalid access token." {
				t.Errorf("got %d %v", resp.StatusCode, body)
			}
		})
	}
	if code, _, _ := h.get(path); code != 200 {
		t.Fatalf("valid token: %d", code)
	}
	h.clock.Add(time.Hour)
	if status, code := h.apiErr(path); status != 401 || code != 124 {
		t.Errorf("expired token: %d %d", status, code)
	}
	if st := h.sim.Stats(); st.Unauthorized != 6 || st.ParticipantQoS != 7 {
		t.Errorf("stats %+v", st)
	}
}
