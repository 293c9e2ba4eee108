package sim

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

func TestStartServesUntilTheContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	base, err := Start(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("base %q, want loopback", base)
	}
	resp, err := http.Post(base+"/oauth/token?grant_type=account_credentials", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a token request without credentials: %s, want 401 from the simulator", resp.Status)
	}
	cancel()
}

func TestBannerSaysWhatToExport(t *testing.T) {
	var b strings.Builder
	New(Options{Hostile: true}).Banner(&b, "http://127.0.0.1:9")
	for _, want := range []string{"export ZOOM_API_URL=http://127.0.0.1:9/v2", "ZOOM_CLIENT_SECRET=" + DemoClientSecret,
		DemoMeetingID, EndedMeetingID + " ", "ended: use --type past", HostileParticipantID} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("banner lacks %q:\n%s", want, b.String())
		}
	}
}
