package exporter_test

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/exporter"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// frozenZoom is a simulator whose clock stands at the wall clock's now,
// so its samples are current for an exporter on the real clock and do
// not change while a test compares them.
func frozenZoom(t *testing.T, opts sim.Options) *simtest.Rig {
	return simtest.StartAt(t, time.Now().UTC(), opts)
}

func budget(t *testing.T, cap int, now func() time.Time) *fetch.Budget {
	t.Helper()
	b, err := fetch.OpenBudget(fetch.BudgetOptions{Dir: t.TempDir(), Cap: cap, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Every live participant's every reading is served exactly as the
// simulator sent it, in base units; every stream the simulator left out
// is an absent series, not a 0.
func TestExporterServesWhatZoomSent(t *testing.T) {
	z := frozenZoom(t, sim.Options{Seed: 4})
	r := startExporter(t, exporter.Options{Config: z.Config(), Budget: budget(t, 1000, nil)})
	live := []string{sim.DemoMeetingID, sim.ReviewMeetingID, sim.AllHandsMeetingID}
	want, absent, noMOS := expected(t, z, live...)
	all := waitFor(t, r, "serving all three live meetings", func(all []series) bool {
		return len(find(all, "zoom_meeting_participants", nil)) == 3 &&
			len(find(all, "zoom_qos_sample_timestamp_seconds", nil)) == 7+3+42
	})
	t.Logf("%d readings, %d absent streams and %d audio streams without an estimate checked", len(want), len(absent), len(noMOS))
	for _, w := range want {
		got := find(all, w.name, w.labels)
		if len(got) != 1 || !same(got[0].value, w.value) {
			t.Errorf("want %v, got %v", w, got)
		}
	}
	for _, l := range absent {
		for _, name := range []string{"zoom_qos_latency_seconds", "zoom_qos_bitrate_bytes_per_second", "zoom_qos_packet_loss_ratio"} {
			if got := find(all, name, l); len(got) > 0 {
				t.Errorf("a stream the simulator did not send is exported: %v", got)
			}
		}
	}
	// An audio stream missing latency, jitter or loss has no estimate, never a 0 or a 1.
	for _, l := range noMOS {
		if got := find(all, "zoom_qos_mos_estimate", l); len(got) > 0 {
			t.Errorf("an estimate from missing inputs: %v", got)
		}
	}
	if got := find(all, "zoom_qos_mos_estimate", nil); len(got) == 0 {
		t.Error("no zoom_qos_mos_estimate served")
	}
	// Farah's camera is off: no video send series at all, not a 0.
	if got := find(all, "zoom_qos_frames_per_second", map[string]string{"participant_id": sim.VideoOffParticipantID, "direction": "send"}); len(got) > 0 {
		t.Errorf("camera off, yet: %v", got)
	}
	if got := find(all, "qostop_zoom_requests_total", map[string]string{"endpoint": "participants_qos", "code": "200"}); len(got) != 1 || got[0].value < 7 {
		t.Errorf("requests_total for participants_qos: %v", got)
	}
	if code, body := r.get(t, "/healthz"); code != 200 || body != "ok\n" {
		t.Errorf("/healthz: %d %q", code, body)
	}
	_, body := r.get(t, "/metrics")
	if strings.Contains(body, "Alice") || strings.Contains(body, "Incident bridge") {
		t.Error("names or topics are exported without --names")
	}
}

func TestExporterNames(t *testing.T) {
	for _, tc := range []struct {
		name          string
		names, redact bool
		want, unwant  string
	}{
		{"names", true, false, `name="Alice Chen"`, "[redacted]"},
		{"names redacted", true, true, `name="[redacted]"`, "Alice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			z := frozenZoom(t, sim.Options{})
			r := startExporter(t, exporter.Options{Config: z.Config(), Budget: budget(t, 1000, nil),
				Meetings: []string{sim.DemoMeetingID}, Names: tc.names, Redact: tc.redact})
			all := waitFor(t, r, "naming participants", func(all []series) bool {
				return len(find(all, "zoom_qos_participant_info", map[string]string{"meeting_id": sim.DemoMeetingID})) == 7
			})
			_, body := r.get(t, "/metrics")
			if !strings.Contains(body, tc.want) || strings.Contains(body, tc.unwant) {
				t.Errorf("want %s and no %s in the exposition", tc.want, tc.unwant)
			}
			if got := find(all, "qostop_zoom_requests_total", map[string]string{"endpoint": "meetings"}); len(got) > 0 {
				t.Errorf("--meetings still lists meetings: %v", got)
			}
		})
	}
}

// Wrong credentials: /healthz says so, with the fix, and no secret.
func TestExporterHealthSaysWhatIsWrong(t *testing.T) {
	z := frozenZoom(t, sim.Options{})
	cfg := z.Config()
	cfg.ClientSecret = "wrong-secret-1234567"
	r := startExporter(t, exporter.Options{Config: cfg, Budget: budget(t, 1000, nil)})
	deadline := time.Now().Add(20 * time.Second)
	for {
		code, body := r.get(t, "/healthz")
		if code == 503 {
			if !strings.Contains(body, "ZOOM_CLIENT_SECRET") || strings.Contains(body, cfg.ClientSecret) {
				t.Errorf("/healthz: %s", body)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz still %d %q", code, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if strings.Contains(r.logs.String(), cfg.ClientSecret) {
		t.Error("the secret is in the log")
	}
}

// Someone who leaves drops out of the metrics a while later; the others
// stay. Simulator and exporter share one fake clock.
func TestExporterDropsWhoLeft(t *testing.T) {
	start := time.Date(2026, 3, 9, 14, 30, 17, 0, time.UTC)
	z := simtest.StartAt(t, start, sim.Options{})
	cfg := z.Config()
	st := newStepper(z.Clock)
	r := startExporter(t, st.options(exporter.Options{Config: cfg, Budget: budget(t, 0, z.Clock.Now),
		Meetings: []string{sim.DemoMeetingID}, Keep: 3 * time.Minute}))
	erik := map[string]string{"participant_id": sim.LeaverParticipantID}
	waitFor(t, r, "showing Erik", func(all []series) bool {
		return len(find(all, "zoom_qos_participant_info", erik)) == 1
	})
	for range 12 { // Erik leaves in his seventh minute; three more and he is gone
		st.step(time.Minute)
	}
	alice := map[string]string{"participant_id": sim.DemoParticipantID}
	waitFor(t, r, "dropping Erik and keeping Alice", func(all []series) bool {
		return len(find(all, "zoom_qos_participant_info", erik)) == 0 &&
			len(find(all, "zoom_qos_latency_seconds", alice)) > 0
	})
}

// A meeting asked for by --meetings that is not live is asked about
// again once a minute, and the meeting list is never asked for.
func TestExporterWaitsForAMeetingNotLive(t *testing.T) {
	start := time.Date(2026, 3, 9, 14, 30, 17, 0, time.UTC)
	z := simtest.StartAt(t, start, sim.Options{})
	st := newStepper(z.Clock)
	r := startExporter(t, st.options(exporter.Options{Config: z.Config(), Budget: budget(t, 0, z.Clock.Now),
		Meetings: []string{sim.EndedMeetingID}}))
	waitFor(t, r, "asking once", func(all []series) bool {
		return len(find(all, "qostop_zoom_requests_total", map[string]string{"endpoint": "participants_qos", "code": "404"})) == 1
	})
	for range 10 {
		st.step(30 * time.Second)
	}
	stats := z.Sim.Stats()
	if stats.ListMeetings != 0 || stats.ParticipantsQoS < 5 || stats.ParticipantsQoS > 6 {
		t.Errorf("in 5 minutes: %d meeting lists and %d QoS requests, want none and one a minute",
			stats.ListMeetings, stats.ParticipantsQoS)
	}
	if code, _ := r.get(t, "/healthz"); code != 200 {
		t.Errorf("/healthz %d for a meeting that is merely not live", code)
	}
}
