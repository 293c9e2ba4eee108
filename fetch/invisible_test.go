package fetch_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/report"
)

// Zero-width characters let two names look alike ("Alice" and
// "Al\u200bice"): on screen they are removed, so both read as what they
// are; in the snapshot JSON they are kept, escaped, so a script still
// tells the two apart and a terminal showing the JSON shows \u200b.
func TestZeroWidthRemovedOnScreenEscapedInJSON(t *testing.T) {
	const name = "Al\u200bi\u200cc\u200de\u2060\ufeff"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/oauth/token" {
			_, _ = w.Write([]byte(`{"access_token":"t0k3n-zw","token_type":"bearer","expires_in":3600}`))
			return
		}
		_, _ = w.Write([]byte(`{"user_id":"7","user_name":"` + name + `","user_qos":[]}`))
	}))
	defer srv.Close()
	c, err := fetch.New(fetch.Config{APIURL: srv.URL + "/v2", OAuthURL: srv.URL + "/oauth/token",
		AccountID: "a", ClientID: "b", ClientSecret: "c"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.ParticipantQoS(t.Context(), "1", "7", model.Live)
	if err != nil {
		t.Fatal(err)
	}
	if got := model.Sanitize(p.UserName); got != "Alice" {
		t.Errorf("name on screen %q, want \"Alice\"", got)
	}
	snap := model.NewSnapshot("1", model.Live, p)
	var table bytes.Buffer
	if err := report.WriteTable(&table, snap, model.DefaultThresholds()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(table.String(), "Alice") {
		t.Errorf("snapshot table lacks the plain name:\n%s", table.String())
	}
	var js bytes.Buffer
	enc := json.NewEncoder(&js)
	enc.SetIndent("", "  ") // as main.go writes it
	for _, v := range []any{snap, model.NewMeetingSnapshot("1", model.Live, []model.Participant{p})} {
		js.Reset()
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(js.String(), `"Al\u200bi\u200cc\u200de\u2060\ufeff"`) {
			t.Errorf("JSON lacks the name with its zero-width characters escaped:\n%s", js.String())
		}
		for _, r := range "\u200b\u200c\u200d\u2060\ufeff" {
			if strings.ContainsRune(js.String()+table.String(), r) {
				t.Errorf("U+%04X written raw", r)
			}
		}
		var back struct {
			UserName    string `json:"user_name"`
			Participant struct {
				UserName string `json:"user_name"`
			}
			Participants []struct {
				UserName string `json:"user_name"`
			}
		}
		if err := json.Unmarshal(js.Bytes(), &back); err != nil {
			t.Fatal(err)
		}
		if back.Participant.UserName != name && (len(back.Participants) == 0 || back.Participants[0].UserName != name) {
			t.Errorf("the JSON does not read back as the name Zoom sent: %s", js.String())
		}
	}
}
