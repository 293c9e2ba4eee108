package exporter_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/exporter"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/fetch/sim/simtest/fakeclock"
)

// churnZoom is a Zoom whose every meeting brings fresh new people at
// each poll: copies of the simulator's participants under new IDs, all
// on one page.
func churnZoom(t *testing.T, clock *fakeclock.Clock, fresh int) string {
	t.Helper()
	s := sim.New(sim.Options{Now: clock.Now})
	h := s.Handler()
	var mu sync.Mutex
	poll := 0
	_, base := startFront(t, s, func(w http.ResponseWriter, r *http.Request) bool {
		if !strings.HasSuffix(r.URL.Path, "/participants/qos") {
			return false
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		var page map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil || rec.Code != http.StatusOK {
			t.Errorf("QoS page %d: %v", rec.Code, err)
			return false
		}
		cast, _ := page["participants"].([]any)
		for _, c := range cast { // the newest sample only: enough for the exporter, and small
			if p, ok := c.(map[string]any); ok {
				if qos, ok := p["user_qos"].([]any); ok && len(qos) > 1 {
					p["user_qos"] = qos[len(qos)-1:]
				}
			}
		}
		mu.Lock()
		poll++
		n := poll
		mu.Unlock()
		out := make([]any, 0, fresh)
		for i := range fresh {
			raw, _ := json.Marshal(cast[i%len(cast)])
			var p map[string]any
			json.Unmarshal(raw, &p)
			id := fmt.Sprintf("%d%06d", n, i)
			p["user_id"], p["id"], p["user_name"] = id, "churn-"+id, "Guest "+id
			delete(p, "leave_time")
			out = append(out, p)
		}
		page["participants"], page["next_page_token"], page["total_records"] = out, "", fresh
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(page)
		return true
	})
	return base
}

// runChurn runs an exporter of o against churnZoom for a few simulated
// minutes and returns its metrics.
func runChurn(t *testing.T, fresh int, o exporter.Options) (*running, []series) {
	t.Helper()
	clock := fakeclock.New(healthStart)
	base := churnZoom(t, clock, fresh)
	st := newStepper(clock)
	o.Config, o.Budget, o.Meetings = simtest.Config(base), budget(t, 0, clock.Now), []string{sim.DemoMeetingID}
	r := startExporter(t, st.options(o))
	for clock.Now().Before(healthStart.Add(4 * time.Minute)) {
		st.step(10 * time.Second)
	}
	_, body := r.get(t, "/metrics")
	return r, parseExposition(t, body)
}

// zoomSeries counts the series of the zoom_ metrics, what churn grows.
func zoomSeries(all []series) int {
	n := 0
	for _, s := range all {
		if strings.HasPrefix(s.name, "zoom_") {
			n++
		}
	}
	return n
}

// A meeting bringing 900 new people a poll (fetch takes at most 1,000
// an answer) keeps at most
// --max-participants (1,000 by default) in the metrics; the drops are
// counted and logged. Before, everyone seen in the last --keep (5 min)
// stayed: thousands of people, a series count without bound.
func TestExporterCapsParticipantsUnderChurn(t *testing.T) {
	r, all := runChurn(t, 900, exporter.Options{})
	got := find(all, "zoom_meeting_participants", map[string]string{"meeting_id": sim.DemoMeetingID})
	if len(got) != 1 || got[0].value > exporter.DefaultMaxParticipants {
		t.Errorf("meeting holds %v participants, want at most %d", got, exporter.DefaultMaxParticipants)
	}
	if info := find(all, "zoom_qos_participant_info", nil); len(info) > exporter.DefaultMaxParticipants {
		t.Errorf("%d participants exported, want at most %d", len(info), exporter.DefaultMaxParticipants)
	}
	d := find(all, "qostop_exporter_participants_dropped_total", map[string]string{"reason": "meeting_cap"})
	if len(d) != 1 || d[0].value < 800 {
		t.Errorf("drops counted %v, want at least the 800 of the second poll", d)
	}
	if !strings.Contains(r.logs.String(), "participants dropped from the metrics at a cap") {
		t.Errorf("the drops are not logged:\n%.2000s", r.logs.String())
	}
	t.Logf("%d zoom_ series", zoomSeries(all))
}

// --max-series caps the zoom_ series of every meeting together, the
// longest gone participants dropped first, counted apart.
func TestExporterCapsSeries(t *testing.T) {
	const cap = 3000
	_, all := runChurn(t, 400, exporter.Options{MaxSeries: cap})
	if n := zoomSeries(all); n > cap {
		t.Errorf("%d zoom_ series, want at most %d", n, cap)
	}
	d := find(all, "qostop_exporter_participants_dropped_total", map[string]string{"reason": "series_cap"})
	if len(d) != 1 || d[0].value == 0 {
		t.Errorf("series-cap drops counted %v, want some", d)
	}
}
