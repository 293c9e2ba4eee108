package fetch

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/model"
)

// zoom3001 is the simulator answering as Zoom does for a participant a
// meeting never had: 404 code 3001, "Meeting does not exist", where the
// simulator says 1001. Everything else is the simulator's.
func zoom3001(t *testing.T) *Client {
	t.Helper()
	clock := func() time.Time { return simNow }
	s := sim.New(sim.Options{Seed: 1, Now: clock})
	inner := s.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := httptest.NewRecorder()
		inner.ServeHTTP(rec, r)
		if rec.Code == http.StatusNotFound && bytes.Contains(rec.Body.Bytes(), []byte(`"code":1001`)) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"code":3001,"message":"Meeting does not exist: ` + sim.DemoMeetingID + `."}`))
			return
		}
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		w.Write(rec.Body.Bytes())
	}))
	t.Cleanup(func() { s.Close(); srv.Close() })
	c, err := New(Config{APIURL: srv.URL + "/v2", OAuthURL: srv.URL + "/oauth/token",
		AccountID: sim.DemoAccountID, ClientID: sim.DemoClientID, ClientSecret: sim.DemoClientSecret,
		Timeout: 5 * time.Second, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// `qostop snapshot MEETING 123` for a meeting that exists and a
// participant it never had: Zoom's 404 says "Meeting does not exist", and
// qostop said "Zoom found no such meeting" of a meeting that is there.
// It says the participant is missing, and what to run to find the right
// ID; a meeting that does not exist is still said to be missing.
func TestMissingParticipantIsSaidToBeTheParticipant(t *testing.T) {
	c := zoom3001(t)
	_, err := c.ParticipantQoS(bg, sim.DemoMeetingID, "123", model.Live)
	var ae *APIError
	if !errors.As(err, &ae) || ae.Kind != NotFound {
		t.Fatalf("error %v: want not found", err)
	}
	text := err.Error()
	for _, want := range []string{"no such participant in this meeting", "qostop snapshot " + sim.DemoMeetingID + "` shows"} {
		if !strings.Contains(text, want) {
			t.Errorf("the error lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "no such meeting") {
		t.Errorf("the error blames the meeting, which exists:\n%s", text)
	}

	_, err = c.ParticipantQoS(bg, "99999999999", "123", model.Live)
	if !errors.As(err, &ae) || strings.Contains(err.Error(), "participant in this meeting") || !strings.Contains(err.Error(), "Zoom found no such meeting") {
		t.Errorf("a meeting that does not exist: %v", err)
	}
}
