package fetch

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/qostop/qostop/model"
)

// A server that puts the token (or the secret) in next_page_token gets
// it sent back in the query of the next request: the debug log line of
// that request must not show it.
func TestDebugLogScrubsPageTokens(t *testing.T) {
	for name, echo := range map[string]func(r *http.Request) string{
		"token":  func(r *http.Request) string { return strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ") },
		"secret": func(*http.Request) string { return testSecret },
		"upper":  func(r *http.Request) string { return strings.ToUpper(r.Header.Get("Authorization")) },
		// A line break in the token: the next request's URL carries the
		// secret as "s3cr3t-DO-N%0AOT-LEAK", readable once decoded.
		"escaped": func(*http.Request) string { return testSecret[:9] + "\n" + testSecret[9:] },
	} {
		t.Run(name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
				next := ""
				if r.URL.Query().Get("next_page_token") == "" {
					next = echo(r)
				}
				writeJSON(w, 200, `{"next_page_token":`+jsonString(next)+`,"participants":[`+participantJSON("7")+`]}`)
			})
			var log syncBuffer
			if _, err := f.client(func(cfg *Config) { cfg.DebugLog = &log }).MeetingQoS(bg, "1", model.Live); err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(log.String(), "\n"); n != 3 {
				t.Fatalf("%d log lines, want 3:\n%s", n, log.String())
			}
			wantNoSecret(t, log.String(), testSecret, tokenPrefix+"1")
			if decoded, err := url.PathUnescape(log.String()); err == nil {
				wantNoSecret(t, decoded, testSecret, tokenPrefix+"1")
			}
			if !strings.Contains(log.String(), "[redacted]&page_size=10") {
				t.Errorf("the page token is not shown as [redacted]:\n%s", log.String())
			}
		})
	}
}
