package sim

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim/simtest/fakeclock"
)

// testStart is a fixed wall time a little after a whole minute, as a
// server would usually start.
var testStart = time.Date(2026, 3, 9, 14, 30, 17, 0, time.UTC)

// harness is a simulator behind a real HTTP server, with a token.
type harness struct {
	t     *testing.T
	sim   *Server
	ts    *httptest.Server
	clock *fakeclock.Clock
	token string
}

func newHarness(t *testing.T, opts Options) *harness {
	t.Helper()
	c := fakeclock.New(testStart)
	if opts.Now == nil {
		opts.Now = c.Now
	}
	s := New(opts)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(func() { s.Close(); ts.Close() })
	h := &harness{t: t, sim: s, ts: ts, clock: c}
	h.token = h.getToken()
	return h
}

func (h *harness) requestToken(user, pass, form string) *http.Response {
	h.t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.ts.URL+"/oauth/token", strings.NewReader(form))
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if user != "" || pass != "" {
		req.SetBasicAuth(user, pass)
	}
	resp, err := h.ts.Client().Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp
}

func (h *harness) getToken() string {
	h.t.Helper()
	resp := h.requestToken(DemoClientID, DemoClientSecret,
		"grant_type=account_credentials&account_id="+DemoAccountID)
	var tok map[string]any
	body := readAll(h.t, resp)
	if err := json.Unmarshal(body, &tok); err != nil || resp.StatusCode != 200 {
		h.t.Fatalf("token: %d %s %v", resp.StatusCode, body, err)
	}
	return tok["access_token"].(string)
}

// get sends an API request with the harness token; path is below /v2 and
// already escaped as the test wants it on the wire.
func (h *harness) get(path string) (int, []byte, http.Header) {
	h.t.Helper()
	return h.getWith(h.token, path)
}

func (h *harness) getWith(token, path string) (int, []byte, http.Header) {
	h.t.Helper()
	req, err := http.NewRequest(http.MethodGet, h.ts.URL+"/v2"+path, nil)
	if err != nil {
		h.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := h.ts.Client().Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp.StatusCode, readAll(h.t, resp), resp.Header
}

// getJSON expects a 200 and decodes the body.
func (h *harness) getJSON(path string) map[string]any {
	h.t.Helper()
	code, body, _ := h.get(path)
	if code != http.StatusOK {
		h.t.Fatalf("GET %s: %d %s", path, code, body)
	}
	return decode(h.t, body)
}

// apiErr expects an error answer and returns its status and code.
func (h *harness) apiErr(path string) (int, int) {
	h.t.Helper()
	status, body, _ := h.get(path)
	m := decode(h.t, body)
	code, _ := m["code"].(float64)
	return status, int(code)
}

func readAll(t *testing.T, resp *http.Response) []byte {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func decode(t *testing.T, body []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("decode %q: %v", body, err)
	}
	return m
}

func qosPath(meeting, participant string) string {
	return "/metrics/meetings/" + meeting + "/participants/" + participant + "/qos"
}

// samples returns user_qos of a participant object.
func samples(t *testing.T, p map[string]any) []map[string]any {
	t.Helper()
	raw, ok := p["user_qos"].([]any)
	if !ok {
		t.Fatalf("user_qos missing or not a list: %v", p["user_qos"])
	}
	out := make([]map[string]any, len(raw))
	for i, r := range raw {
		out[i] = r.(map[string]any)
	}
	return out
}

func today() string { return testStart.Format(time.DateOnly) }

func listPath(typ string) string {
	return "/metrics/meetings?" + url.Values{"type": {typ}, "from": {today()}, "to": {today()}}.Encode()
}
