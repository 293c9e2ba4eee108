package main

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
)

// (watch resolves a name only once it has a terminal: e2e_reach_test.go.)

// simEnv points the commands at a simulator on loopback (on a fixed
// clock, so two snapshots read the same samples) and returns it.
func simEnv(t *testing.T, opts sim.Options) *sim.Server {
	t.Helper()
	now := time.Date(2026, 12, 1, 14, 30, 17, 0, time.UTC)
	opts.Now = func() time.Time { return now }
	s := sim.New(opts)
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(func() { s.Close(); srv.Close() })
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("ZOOM_API_URL", srv.URL+"/v2")
	t.Setenv("ZOOM_OAUTH_URL", srv.URL+"/oauth/token")
	t.Setenv("ZOOM_ACCOUNT_ID", sim.DemoAccountID)
	t.Setenv("ZOOM_CLIENT_ID", sim.DemoClientID)
	t.Setenv("ZOOM_CLIENT_SECRET", sim.DemoClientSecret)
	return s
}

// Everything a person has in hand on a bridge reaches the same
// participant as the numeric IDs do, and the link's password goes
// nowhere: not to Zoom, not to the debug log, not to the screen.
func TestSnapshotByLinkAndName(t *testing.T) {
	s := simEnv(t, sim.Options{Seed: 3})
	logFile := filepath.Join(t.TempDir(), "debug.log")
	const link = "https://us02web.zoom.us/j/85012345678?pwd=hunter2SECRET"
	code, want, errs := runCLI(t, "snapshot", sim.DemoMeetingID, sim.DemoParticipantID, "--format", "json")
	if code != 0 {
		t.Fatalf("numeric IDs: exit %d: %s", code, errs)
	}
	for _, args := range [][]string{
		{"850 1234 5678", "alice chen"},
		{"850-1234-5678", "ALICE"},
		{link, "Alice Chen"},
		{"us02web.zoom.us/j/85012345678", "alice.chen@example.com"},
		{sim.DemoMeetingUUID, "Alice"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, got, errs := runCLI(t, append([]string{"snapshot", "--format", "json", "--debug-log", logFile}, args...)...)
			if code != 0 || errs != "" {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			if args[0] == sim.DemoMeetingUUID {
				got = strings.Replace(got, sim.DemoMeetingUUID, sim.DemoMeetingID, 1)
			}
			if got != want {
				t.Errorf("not the snapshot the numeric IDs give:\n%.300s\nwant\n%.300s", got, want)
			}
		})
	}
	log, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(log), "hunter2") || strings.Contains(string(log), "pwd") {
		t.Errorf("the debug log has the link's password:\n%s", log)
	}
	if n := strings.Count(string(log), "note: resolve participant"); n != 5 {
		t.Errorf("the debug log says %d name resolutions, want 5 (one roster fetch each):\n%s", n, log)
	}
	if st := s.Stats(); st.Participants != 5 || st.ParticipantQoS != 6 {
		t.Errorf("requests: %d roster, %d QoS; want 5 and 6", st.Participants, st.ParticipantQoS)
	}
}

// What cannot be a meeting sends nothing at all; a name nobody has costs
// the roster fetch and no QoS request. Each says what it expected.
func TestRefusedReferencesSpendNoQoSRequest(t *testing.T) {
	s := simEnv(t, sim.Options{})
	for _, tc := range []struct {
		args   []string
		want   string
		roster int
	}{
		{[]string{"snapshot", "https://evil.example/j/85012345678?pwd=hunter2SECRET"}, "not to a Zoom or ZoomGov host", 0},
		{[]string{"snapshot", "https://zoom.us/my/alice?pwd=hunter2SECRET", "alice"}, "personal link", 0},
		{[]string{"meeting", "1234"}, "9 to 11 digits", 0},
		{[]string{"snapshot", "https://zoom.us/j/85012345678?pwd=hunter2SECRET", "a", "b"}, "want MEETING [PARTICIPANT], got 3", 0},
		{[]string{"https://zoom.us/j/85012345678?pwd=hunter2SECRET"}, "unknown command", 0},
		{[]string{"watch", "alice chen", "alice"}, "want a meeting ID (e.g. 850 1234 5678), a join link", 0},
		{[]string{"snapshot", "850 1234 5678", "zed"}, "nobody in meeting 85012345678 has that user_id, email or name; want a user_id, a name", 1},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			before := s.Stats()
			code, out, errs := runCLI(t, tc.args...)
			if code != 2 || !strings.Contains(errs, tc.want) || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
				t.Errorf("exit %d, stderr %q; want 2 and one line saying %q", code, errs, tc.want)
			}
			if strings.Contains(out+errs, "hunter2") {
				t.Errorf("the password is in the output: %q", out+errs)
			}
			after := s.Stats()
			if d := after.APIRequests() - before.APIRequests(); d != tc.roster || after.Participants-before.Participants != tc.roster {
				t.Errorf("%d requests sent; want %d (the roster fetch) and no QoS request", d, tc.roster)
			}
		})
	}
}

// Two people matching a name are listed with their IDs, on one line.
func TestAmbiguousNameListsTheCandidates(t *testing.T) {
	simEnv(t, sim.Options{})
	code, _, errs := runCLI(t, "snapshot", sim.AllHandsMeetingID, "aaron")
	if code != 2 || !strings.Contains(errs, "could be") || !strings.Contains(errs, "Aaron Adeyemi (16781314)") {
		t.Errorf("exit %d, stderr %q; want the Aarons listed with their IDs", code, errs)
	}
}

func TestSnapshotOfAWebinar(t *testing.T) {
	simEnv(t, sim.Options{})
	for _, args := range [][]string{{"--webinar", "912 3456 7890"}, {"https://zoom.us/w/91234567890?tk=x&pwd=y"}} {
		code, out, errs := runCLI(t, append([]string{"snapshot", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		var v struct {
			MeetingID    string `json:"meeting_id"`
			Kind         string `json:"kind"`
			Participants []struct {
				UserName string            `json:"user_name"`
				Samples  []json.RawMessage `json:"samples"`
			} `json:"participants"`
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatal(err)
		}
		if v.Kind != "webinar" || v.MeetingID != sim.WebinarID || len(v.Participants) != 5 || len(v.Participants[0].Samples) == 0 {
			t.Errorf("%v: kind %q, meeting %q, %d attendees; want a webinar of 5 with samples", args, v.Kind, v.MeetingID, len(v.Participants))
		}
	}
	// The same number asked as a meeting is not found: the family matters.
	if code, _, errs := runCLI(t, "snapshot", "912 3456 7890"); code != 1 || !strings.Contains(errs, "no such meeting") {
		t.Errorf("a webinar asked as a meeting: exit %d, %q", code, errs)
	}
}
