package fetch

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/qostop/qostop/model"
)

// elsewhere is a second server on another port that records whatever
// reaches it: a redirect must never deliver a credential, or anything at
// all, to it.
type elsewhere struct {
	srv  *httptest.Server
	hits atomic.Int64
}

func newElsewhere(t *testing.T) *elsewhere {
	t.Helper()
	e := &elsewhere{}
	e.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.hits.Add(1)
		if r.URL.Path == "/oauth/token" {
			writeJSON(w, 200, `{"access_token":"`+tokenPrefix+`evil","token_type":"bearer","expires_in":3600}`)
			return
		}
		writeJSON(w, 200, participantJSON("666"))
	}))
	t.Cleanup(e.srv.Close)
	return e
}

// A TLS Zoom (the API or the token endpoint) that redirects to plain http
// on another port: qostop refuses, says so, and sends nothing there.
func TestRedirectAwayIsRefused(t *testing.T) {
	for _, c := range []struct {
		name   string
		status int
		token  bool // the token endpoint redirects, not the API
	}{
		{"API 302", http.StatusFound, false},
		{"API 307", http.StatusTemporaryRedirect, false},
		{"API 308", http.StatusPermanentRedirect, false},
		{"token 307", http.StatusTemporaryRedirect, true},
		{"token 302", http.StatusFound, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			away := newElsewhere(t)
			var zoomHits atomic.Int64
			zoom := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				zoomHits.Add(1)
				if (r.URL.Path == "/oauth/token") == c.token {
					http.Redirect(w, r, away.srv.URL+r.URL.Path, c.status)
					return
				}
				if r.URL.Path == "/oauth/token" {
					writeJSON(w, 200, `{"access_token":"`+tokenPrefix+`1","token_type":"bearer","expires_in":3600}`)
					return
				}
				writeJSON(w, 200, participantJSON("7"))
			}))
			t.Cleanup(zoom.Close)
			cl, err := New(Config{APIURL: zoom.URL + "/v2", OAuthURL: zoom.URL + "/oauth/token",
				AccountID: testAccount, ClientID: testClient, ClientSecret: testSecret,
				Transport: zoom.Client().Transport})
			if err != nil {
				t.Fatal(err)
			}
			_, err = cl.ParticipantQoS(bg, "1", "7", model.Live)
			if err == nil {
				t.Fatal("a redirect away from Zoom was followed and trusted")
			}
			if n := away.hits.Load(); n != 0 {
				t.Errorf("%d requests reached the server redirected to", n)
			}
			asAPIError(t, err, WrongURL)
			wantText(t, err, "redirect to "+away.srv.URL, "does not follow redirects away from "+zoom.URL)
		})
	}
}

// Even a redirect within Zoom's own origin is refused: Zoom's API does
// not redirect, so one means a proxy or a wrong URL, and following it
// would re-send the secret on a GET.
func TestRedirectWithinOriginIsRefused(t *testing.T) {
	var moved atomic.Int64
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/moved") {
			moved.Add(1)
			okParticipant(w, r)
			return
		}
		http.Redirect(w, r, "/moved"+r.URL.Path, http.StatusFound)
	})
	_, err := f.client().ParticipantQoS(bg, "1", "7", model.Live)
	if err == nil {
		t.Fatal("a redirect was followed")
	}
	if moved.Load() != 0 {
		t.Error("the redirect target was requested")
	}
	asAPIError(t, err, WrongURL)
	wantText(t, err, "redirect to "+f.srv.URL+"/moved/v2/", "follows no redirects")
}
