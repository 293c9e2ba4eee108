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
	s := New(Options{Faults: 1, FaultKinds: []FaultKind{FaultSlow}, SlowDelay: time.Hour})
	go func() { errc <- s.ListenAndServe(ctx, "127.0.0.1:0", func(u string) { urls <- u }) }()
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
	for s.Stats().ListMeetings == 0 { // the server counts it on arrival, before stalling it
		time.Sleep(time.Millisecond)
	}
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

// Listening on every interface (":0"), the banner names what is bound
// and warns that anyone who reaches it gets the simulator; on loopback
// it does neither. Before, ":0" printed 127.0.0.1 alone.
func TestBannerSaysWhatIsBound(t *testing.T) {
	for _, tc := range []struct {
		addr          string
		exposed, warn bool
	}{{":0", true, true}, {"127.0.0.1:0", false, false}} {
		ctx, cancel := context.WithCancel(context.Background())
		s := New(Options{})
		var banner strings.Builder
		err := s.ListenAndServe(ctx, tc.addr, func(base string) { s.Banner(&banner, base); cancel() })
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(banner.String(), "\n")
		if got := strings.Contains(first, "(every interface)"); got != tc.exposed {
			t.Errorf("--listen %s: first line %q", tc.addr, first)
		}
		if got := strings.Contains(banner.String(), "\nwarning: whoever reaches"); got != tc.warn {
			t.Errorf("--listen %s: warning %v, want %v:\n%s", tc.addr, got, tc.warn, banner.String())
		}
		if !strings.Contains(banner.String(), "export ZOOM_API_URL=http://127.0.0.1:") {
			t.Errorf("--listen %s: the export lines do not name loopback:\n%s", tc.addr, banner.String())
		}
	}
}

func TestListenAndServeBadAddress(t *testing.T) {
	if err := New(Options{}).ListenAndServe(context.Background(), "256.0.0.1:bad", nil); err == nil {
		t.Error("no error for a bad address")
	}
}
