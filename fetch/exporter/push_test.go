package exporter_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/exporter"
	"github.com/qostop/qostop/fetch/qss"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

const hookSecret = "webhook-secret-not-a-real-one"

type staticSecret string

func (s staticSecret) Secret(context.Context) (string, error) { return string(s), nil }

// eventOf is Zoom's meeting.participant_qos event for participant p (as
// the simulator's REST answer has them) of meeting mid: their newest
// sample, each stream an item {type, date_time, details}.
func eventOf(t *testing.T, mid string, p map[string]any) []byte {
	t.Helper()
	qos, _ := p["user_qos"].([]any)
	if len(qos) == 0 {
		return nil
	}
	s := qos[len(qos)-1].(map[string]any)
	var items []map[string]any
	for k, v := range s {
		if k != "date_time" {
			items = append(items, map[string]any{"type": k, "date_time": s["date_time"], "details": v})
		}
	}
	b, err := json.Marshal(map[string]any{"event": "meeting.participant_qos", "event_ts": time.Now().UnixMilli(),
		"payload": map[string]any{"account_id": sim.DemoAccountID, "object": map[string]any{"id": mid, "uuid": "u",
			"participant": map[string]any{"user_id": p["user_id"], "user_name": p["user_name"], "qos": items}}}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// post sends body to the webhook at addr as Zoom would at now, signed
// with secret, and returns the status.
func post(t *testing.T, addr, secret string, body []byte, now time.Time) int {
	t.Helper()
	ts := strconv.FormatInt(now.Unix(), 10)
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/zoom", bytes.NewReader(body))
	req.Header.Set("x-zm-request-timestamp", ts)
	req.Header.Set("x-zm-signature", qss.Sign(secret, ts, body))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// pushAll posts the newest sample of every participant of meeting mid
// as the simulator serves it now, and returns how many it posted.
func pushAll(t *testing.T, z *simtest.Rig, addr, mid string) int {
	t.Helper()
	n := 0
	for _, p := range served(t, z, mid) {
		if ev := eventOf(t, mid, p); ev != nil {
			if code := post(t, addr, hookSecret, ev, z.Clock.Now()); code != http.StatusNoContent {
				t.Fatalf("webhook answered %d", code)
			}
			n++
		}
	}
	return n
}

// webhookExporter is an exporter of the demo meeting fed by webhooks, on
// the simulator's clock moved by a stepper.
func webhookExporter(t *testing.T) (*simtest.Rig, *stepper, *running, string) {
	start := time.Date(2026, 3, 9, 14, 30, 17, 0, time.UTC)
	z := simtest.StartAt(t, start, sim.Options{Seed: 4})
	st := newStepper(z.Clock)
	hook := make(chan string, 1)
	o := st.options(exporter.Options{Config: z.Config(), Budget: budget(t, 0, z.Clock.Now),
		Meetings: []string{sim.DemoMeetingID}, WebhookListen: "127.0.0.1:0", WebhookSecret: staticSecret(hookSecret)})
	r := startExporter(t, exporter.WithWebhookReady(o, func(a string) { hook <- a }))
	return z, st, r, <-hook
}

// Participants' series come from the webhook's events, every reading as
// the simulator served it, with no REST poll of the meeting; a request
// signed with another secret changes nothing and is counted.
func TestExporterSeriesFromWebhooks(t *testing.T) {
	z, _, r, addr := webhookExporter(t)
	want, absent, _ := expected(t, z, sim.DemoMeetingID)
	n := pushAll(t, z, addr, sim.DemoMeetingID)
	all := waitFor(t, r, "serving every pushed participant", func(all []series) bool {
		return len(find(all, "zoom_qos_sample_timestamp_seconds", nil)) == n
	})
	for _, w := range want {
		if got := find(all, w.name, w.labels); len(got) != 1 || !same(got[0].value, w.value) {
			t.Errorf("want %v, got %v", w, got)
		}
	}
	for _, l := range absent {
		if got := find(all, "zoom_qos_latency_seconds", l); len(got) > 0 {
			t.Errorf("a stream the event did not carry is exported: %v", got)
		}
	}
	if got := find(all, "qostop_push_events_total", map[string]string{"source": "webhook"}); len(got) != 1 || got[0].value != float64(n) {
		t.Errorf("qostop_push_events_total: %v, want %d", got, n)
	}
	forged := eventOf(t, sim.DemoMeetingID, served(t, z, sim.DemoMeetingID)[0])
	if code := post(t, addr, "a guess", forged, z.Clock.Now()); code != http.StatusUnauthorized {
		t.Errorf("a forged event: %d, want 401", code)
	}
	waitFor(t, r, "counting the forged event", func(all []series) bool {
		got := find(all, "qostop_webhook_refused_total", map[string]string{"reason": "bad_signature"})
		return len(got) == 1 && got[0].value == 1
	})
	_, body := r.get(t, "/metrics")
	if q := polls(parseExposition(t, body)); q != 0 {
		t.Errorf("%v REST polls of the meeting while push brought its samples, want 0", q)
	}
}

// Push silent about a meeting for longer than 2m30s (a disconnection, a
// lost webhook) gets it one REST poll, which brings the newest sample;
// events coming back stop the polls.
func TestExporterBackfillsAPushGap(t *testing.T) {
	z, st, r, addr := webhookExporter(t)
	pushAll(t, z, addr, sim.DemoMeetingID)
	alice := map[string]string{"participant_id": sim.DemoParticipantID}
	first := waitFor(t, r, "serving Alice", func(all []series) bool {
		return len(find(all, "zoom_qos_sample_timestamp_seconds", alice)) == 1
	})
	pushed := find(first, "zoom_qos_sample_timestamp_seconds", alice)[0].value
	for range 3 { // three minutes with no event
		st.step(time.Minute)
	}
	all := waitFor(t, r, "the backfill counted", func(all []series) bool {
		got := find(all, "qostop_exporter_backfill_polls_total", nil)
		return len(got) == 1 && got[0].value == 1
	})
	if q := polls(all); q != 1 {
		t.Fatalf("after 3 silent minutes: %v REST polls, want 1", q)
	}
	if got := find(all, "zoom_qos_sample_timestamp_seconds", alice); len(got) != 1 || got[0].value <= pushed {
		t.Errorf("after the backfill Alice's sample is at %v, want later than the pushed %v", got, pushed)
	}
	for range 4 { // events again every minute: no more polls
		pushAll(t, z, addr, sim.DemoMeetingID)
		st.step(time.Minute)
	}
	_, body := r.get(t, "/metrics")
	if q := polls(parseExposition(t, body)); q != 1 {
		t.Errorf("with events back: %v REST polls in all, want still 1", q)
	}
}

// polls is how many QoS requests the exporter says it sent.
func polls(all []series) float64 {
	n := 0.0
	for _, s := range find(all, "qostop_zoom_requests_total", map[string]string{"endpoint": "participants_qos"}) {
		n += s.value
	}
	return n
}
