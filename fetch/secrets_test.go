package fetch

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// Neither the client secret nor any access token may appear in an error
// text, an unwrapped cause or the debug log, even when a hostile or buggy
// server echoes them back.
func TestSecretsNeverLeak(t *testing.T) {
	basic := base64.StdEncoding.EncodeToString([]byte(testClient + ":" + testSecret))
	echoToken := func(status int) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			auth := r.Header.Get("Authorization")
			writeJSON(w, status, fmt.Sprintf(`{"code":300,"message":"you sent %s"}`, strings.TrimPrefix(auth, "Bearer ")))
		}
	}
	echoSecret := func(status int, ctype string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			w.WriteHeader(status)
			fmt.Fprintf(w, "header %s secret %s", r.Header.Get("Authorization"), testSecret)
		}
	}
	for _, c := range []struct {
		name  string
		token http.HandlerFunc // nil: the fake's good token endpoint
		api   http.HandlerFunc
	}{
		{"success", nil, okParticipant},
		{"token endpoint echoes secret in reason", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 401, `{"reason":"bad secret `+testSecret+` from `+r.Header.Get("Authorization")+`","error":"invalid_client"}`)
		}, okParticipant},
		{"token endpoint 500 echoes secret", echoSecret(500, "text/plain"), okParticipant},
		{"token endpoint 400 non-JSON echoes secret", echoSecret(400, "text/plain"), okParticipant},
		{"token endpoint 200 non-JSON echoes secret", echoSecret(200, "application/json"), okParticipant},
		{"token endpoint form body", echoSecret(400, "application/x-www-form-urlencoded"), okParticipant},
		{"API echoes token in message", nil, echoToken(400)},
		{"API 401 echoes token", nil, echoToken(401)},
		{"API 502 HTML with token in title", nil, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(502)
			fmt.Fprintf(w, "<html><title>%s</title></html>", r.Header.Get("Authorization"))
		}},
		{"API 200 garbage with token", nil, func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, "not json %s", r.Header.Get("Authorization"))
		}},
		{"API 429 echoes token", nil, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-RateLimit-Type", r.Header.Get("Authorization"))
			writeJSON(w, 429, `{"code":429,"message":"`+r.Header.Get("Authorization")+`"}`)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFake(t, c.api)
			f.tokenFunc = c.token
			var log syncBuffer
			cl := f.client(func(cfg *Config) { cfg.DebugLog = &log })
			var texts []string
			collect := func(err error) {
				for e := err; e != nil; e = errors.Unwrap(e) {
					texts = append(texts, e.Error(), fmt.Sprintf("%v %+v %s", e, e, e))
				}
			}
			_, err := cl.ParticipantQoS(bg, "1", "7", model.Live)
			collect(err)
			_, err = cl.MeetingQoS(bg, "1", model.Live)
			collect(err)
			_, err = cl.LiveMeetings(bg, timeZero, timeZero)
			collect(err)
			texts = append(texts, log.String())
			if log.String() == "" {
				t.Error("debug log empty")
			}
			for _, s := range texts {
				for _, secret := range []string{testSecret, tokenPrefix, basic, testSecret[:8]} {
					if strings.Contains(s, secret) {
						t.Errorf("%q leaked into: %s", secret, s)
					}
				}
			}
		})
	}
}

func TestDebugLogLines(t *testing.T) {
	f := newFake(t, okParticipant)
	var log syncBuffer
	c := f.client(func(cfg *Config) { cfg.DebugLog = &log })
	if _, err := c.ParticipantQoS(bg, "/ab//c==", "7", model.Live); err != nil {
		t.Fatal(err)
	}
	// Zoom's reset: within 25 h, so the log shows it as sent.
	midnight := time.Now().UTC().Truncate(24 * time.Hour).Add(24 * time.Hour).Format(time.RFC3339)
	limited := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-RateLimit-Type", "Daily-limit")
		w.Header().Set("Retry-After", midnight)
		writeJSON(w, 429, `{"code":429,"message":"You have reached the maximum daily rate limit"}`)
	})
	c = limited.client(func(cfg *Config) { cfg.DebugLog = &log })
	if _, err := c.ParticipantQoS(bg, "1", "7", model.Live); err == nil {
		t.Fatal("no error for a 429")
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d log lines, want 4 (token, API, token, API):\n%s", len(lines), log.String())
	}
	line := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (GET|POST) (\S+) (\d{3}) \S+ (.*)$`)
	for i, want := range []string{
		"POST /oauth/token 200 Authorization: Basic [redacted]",
		"GET /v2/metrics/meetings/%252Fab%252F%252Fc==/participants/7/qos?type=live 200 Authorization: Bearer [redacted]",
		"POST /oauth/token 200 Authorization: Basic [redacted]",
		"GET /v2/metrics/meetings/1/participants/7/qos?type=live 429 Authorization: Bearer [redacted] Daily-limit retry at " + midnight,
	} {
		m := line.FindStringSubmatch(lines[i])
		if m == nil || m[1]+" "+m[2]+" "+m[3]+" "+m[4] != want {
			t.Errorf("line %d = %q, want time %s with the duration after the status", i, lines[i], want)
		}
	}
}

func TestAuthNoteNeverQuotesTheHeader(t *testing.T) {
	for h, want := range map[string]string{
		"":                             "",
		"Bearer " + tokenPrefix:        " Authorization: Bearer [redacted]",
		"basic " + testSecret:          " Authorization: basic [redacted]",
		testSecret:                     " Authorization: [redacted]",
		testSecret + " " + tokenPrefix: " Authorization: [redacted]",
	} {
		if got := authNote(h); got != want {
			t.Errorf("authNote(%q) = %q, want %q", h, got, want)
		}
	}
}
