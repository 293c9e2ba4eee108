package exporter_test

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/exporter"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// socketExporter is an exporter of the demo meeting fed by the
// simulator's QSS WebSocket (pushing every pushEvery of its clock), on
// the simulator's clock moved by a stepper, once it has subscribed.
func socketExporter(t *testing.T, pushEvery time.Duration) (*simtest.Rig, *stepper, *running) {
	start := time.Date(2026, 3, 9, 14, 30, 17, 0, time.UTC)
	z := simtest.StartAt(t, start, sim.Options{Seed: 4, PushEvery: pushEvery})
	st := newStepper(z.Clock)
	o := st.options(exporter.Options{Config: z.Config(), Budget: budget(t, 0, z.Clock.Now),
		Meetings: []string{sim.DemoMeetingID}, Subscription: "qostop-test"})
	r := startExporter(t, o)
	waitFor(t, r, "subscribed", func(all []series) bool { return gauge(all, "qostop_push_connected") == 1 })
	return z, st, r
}

// stepTo moves the clock to the next multiple of every.
func stepTo(st *stepper, every time.Duration) {
	now := st.clock.Now()
	st.step(now.Truncate(every).Add(every).Sub(now))
}

// gauge is the value of an unlabelled series, -1 if absent.
func gauge(all []series, name string) float64 {
	if got := find(all, name, nil); len(got) == 1 {
		return got[0].value
	}
	return -1
}

// pushedAll waits until every participant's newest sample the simulator
// serves now is exported, and returns the exposition.
func pushedAll(t *testing.T, z *simtest.Rig, r *running) []series {
	t.Helper()
	want, _, _ := expected(t, z, sim.DemoMeetingID)
	return waitFor(t, r, "serving every participant's newest sample", func(all []series) bool {
		for _, w := range want {
			if w.name != "zoom_qos_sample_timestamp_seconds" {
				continue
			}
			if got := find(all, w.name, w.labels); len(got) != 1 || got[0].value != w.value {
				return false
			}
		}
		return true
	})
}

// Participants' series come from the WebSocket's events, every reading
// as the simulator's REST endpoint serves it, and no QoS request reaches
// the simulator.
func TestExporterSeriesFromTheWebSocket(t *testing.T) {
	z, st, r := socketExporter(t, time.Minute)
	stepTo(st, time.Minute) // 14:31: what was published since the subscription
	stepTo(st, time.Minute) // 14:32: the 14:31 samples, published after it
	sent := z.Sim.Stats()   // before the test's own requests
	all := pushedAll(t, z, r)
	want, absent, _ := expected(t, z, sim.DemoMeetingID)
	if len(want) == 0 {
		t.Fatal("the simulator serves no sample: the test proves nothing")
	}
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
	if got := find(all, "qostop_push_events_total", map[string]string{"source": "websocket"}); len(got) != 1 || got[0].value == 0 {
		t.Errorf("qostop_push_events_total{source=websocket}: %v, want some", got)
	}
	if s := sent; s.ParticipantsQoS+s.ParticipantQoS != 0 || s.PushConnections != 1 {
		t.Errorf("the simulator saw %d QoS requests and %d subscriptions, want 0 and 1", s.ParticipantsQoS+s.ParticipantQoS, s.PushConnections)
	}
	if q := polls(all); q != 0 {
		t.Errorf("the exporter counts %v QoS polls, want 0", q)
	}
	up := map[string]string{"endpoint": "push_websocket", "code": "101"}
	if got := find(all, "qostop_zoom_requests_total", up); len(got) != 1 || got[0].value != 1 {
		t.Errorf("the subscription's upgrade counted as %v, want one %v", got, up)
	}
}

// A dropped subscription is made again (a fresh token, no secret in the
// log); the meeting push then stayed silent about for more than 2m30s
// gets one REST poll, and the events that come back stop the polls.
func TestExporterResubscribesAfterADrop(t *testing.T) {
	const every = 2 * time.Minute // under the 2m30s backstop: no poll while pushes come
	z, st, r := socketExporter(t, every)
	stepTo(st, every) // 14:32: the events since the subscription
	first := pushedAll(t, z, r)
	alice := map[string]string{"participant_id": sim.DemoParticipantID}
	pushed := find(first, "zoom_qos_sample_timestamp_seconds", alice)[0].value

	z.Sim.SetFaults(1) // the 14:34 push drops the connection instead
	stepTo(st, every)
	for z.Sim.Stats().PushDrops == 0 {
		time.Sleep(10 * time.Millisecond) // the simulator sees its clock every 50 ms
	}
	z.Sim.SetFaults(0)
	waitFor(t, r, "subscribed again", func(all []series) bool {
		return gauge(all, "qostop_push_reconnects_total") == 1 && gauge(all, "qostop_push_connected") == 1
	})

	st.step(time.Minute) // 14:35: silent since 14:32, the meeting is backfilled at 14:34:30
	all := waitFor(t, r, "the backfill counted", func(all []series) bool {
		return gauge(all, "qostop_exporter_backfill_polls_total") == 1
	})
	if q := polls(all); q != 1 {
		t.Fatalf("after the drop: %v REST polls, want 1", q)
	}
	if got := find(all, "zoom_qos_sample_timestamp_seconds", alice); len(got) != 1 || got[0].value <= pushed {
		t.Errorf("after the backfill Alice's sample is at %v, want later than the pushed %v", got, pushed)
	}

	for range 3 { // 14:36, 14:38, 14:40: the new subscription's events, one push at a time
		stepTo(st, every)
		pushedAll(t, z, r)
	}
	_, body := r.get(t, "/metrics")
	all = parseExposition(t, body)
	if q := polls(all); q != 1 {
		t.Errorf("with events back: %v REST polls in all, want still 1", q)
	}
	if n := gauge(all, "qostop_push_reconnects_total"); n != 1 {
		t.Errorf("qostop_push_reconnects_total %v, want 1", n)
	}
	logs := r.logs.String()
	if !strings.Contains(logs, "push connection down") {
		t.Errorf("the drop is not logged:\n%s", logs)
	}
	for _, secret := range []string{"access_token", sim.DemoClientSecret, "subscriptionId="} {
		if strings.Contains(logs, secret) {
			t.Errorf("the log holds %q:\n%s", secret, logs)
		}
	}
}
