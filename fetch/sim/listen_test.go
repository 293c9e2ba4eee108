package sim

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestListenAndServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	errc := make(chan error, 1)
	go func() {
		s := New(Options{Faults: 1, FaultKinds: []FaultKind{FaultSlow}, SlowDelay: time.Hour})
		errc <- s.ListenAndServe(ctx, "127.0.0.1:0", func(u string) { urls <- u })
	}()
	var base string
	select {
	case base = <-urls:
	case err := <-errc:
		t.Fatal(err)
	}
	form := url.Values{"grant_type": {"account_credentials"}, "account_id": {DemoAccountID}}
	req, _ := http.NewRequest(http.MethodPost, base+"/oauth/token", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(DemoClientID, DemoClientSecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	tok := decode(t, readAll(t, resp))["access_token"].(string)

	// A request stalled by FaultSlow must not hold the shutdown up.
	stalled := make(chan error, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodGet, base+"/v2"+listPath("live"), nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		stalled <- err
	}()
	time.Sleep(50 * time.Millisecond) // ordering only: let the request reach the server
	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Errorf("ListenAndServe: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no shutdown")
	}
	<-stalled
}

func TestListenAndServeBadAddress(t *testing.T) {
	if err := New(Options{}).ListenAndServe(context.Background(), "256.0.0.1:bad", nil); err == nil {
		t.Error("no error for a bad address")
	}
}
