package sim

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim/simtest/fakeclock"
)

// FuzzHandler sends arbitrary paths, queries and credentials straight to
// the handler: whatever arrives, it must answer without panicking.
func FuzzHandler(f *testing.F) {
	for _, seed := range []struct{ method, target, auth, body string }{
		{"GET", "/v2/metrics/meetings?type=live&from=2026-03-09&to=2026-03-09&page_size=9999999999999999999", "good", ""},
		{"GET", "/v2/metrics/meetings/" + AllHandsMeetingID + "/participants/qos?page_size=10&next_page_token=%%%", "good", ""},
		{"GET", "/v2/metrics/meetings/%252F%25/participants/%ZZ/qos", "good", ""},
		{"GET", "/v2/metrics/meetings//participants/qos", "good", ""},
		{"GET", "/v2/accounts", "good", ""},
		{"GET", "/v2/metrics/meetings/" + DemoMeetingID + "/participants?type=pastOne&page_size=-5", "Bearer x", ""},
		{"POST", "/oauth/token?grant_type=account_credentials", "Basic ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQtbm90LWEtcmVhbC1vbmU=", "account_id=%zz"},
		{"DELETE", "/v2/metrics/meetings", "good", ""},
	} {
		f.Add(seed.method, seed.target, seed.auth, seed.body)
	}
	// Faults on, except the reset, which needs a real connection to hijack.
	kinds := []FaultKind{FaultServerError, FaultTruncated, FaultInvalidUTF8, FaultEmptyBody,
		FaultInvalidToken, FaultQPS, FaultDailyLimit, FaultSlow}
	c := fakeclock.New(testStart)
	s := New(Options{Now: c.Now, Faults: 0.3, FaultKinds: kinds, SlowDelay: time.Microsecond, QPS: 1000, Hostile: true,
		TokenTTL: 100 * 365 * 24 * time.Hour})
	good := "Bearer " + s.issue()
	f.Fuzz(func(t *testing.T, method, target, auth, body string) {
		if auth == "good" {
			auth = good
		}
		if !strings.HasPrefix(target, "/") {
			target = "/" + target
		}
		req, err := http.NewRequest(method, "http://sim"+target, strings.NewReader(body))
		if err != nil {
			t.Skip()
		}
		req.Header.Set("Authorization", auth)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, req)
		if w.Code < 200 || w.Code > 599 {
			t.Errorf("status %d", w.Code)
		}
		c.Add(time.Second)
	})
}
