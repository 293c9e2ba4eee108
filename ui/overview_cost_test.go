package ui

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// crowdServer speaks just enough of Zoom to hold a meeting of n: a token
// and /participants/qos in pages of page_size, counting the QoS requests.
func crowdServer(t *testing.T, n int) (*httptest.Server, *int) {
	t.Helper()
	qos := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/oauth/token" {
			fmt.Fprint(w, `{"access_token":"t0k3n-for-the-crowd","token_type":"bearer","expires_in":3600}`)
			return
		}
		if !strings.HasSuffix(r.URL.Path, "/participants/qos") {
			http.NotFound(w, r)
			return
		}
		qos++
		size, _ := strconv.Atoi(r.URL.Query().Get("page_size"))
		from, _ := strconv.Atoi(r.URL.Query().Get("next_page_token"))
		to := min(n, from+size)
		page := map[string]any{"page_size": size, "total_records": n, "next_page_token": "", "participants": []any{}}
		if to < n {
			page["next_page_token"] = strconv.Itoa(to)
		}
		var ps []any
		for i := from; i < to; i++ {
			ps = append(ps, map[string]any{"user_id": strconv.Itoa(1000 + i), "user_name": fmt.Sprintf("Person %02d", i),
				"user_qos": []any{map[string]any{"date_time": "2026-11-25T19:39:00Z",
					"audio_input": map[string]string{"latency": "40 ms", "jitter": "3 ms", "avg_loss": "0.1%"}}}})
		}
		if ps != nil {
			page["participants"] = ps
		}
		json.NewEncoder(w).Encode(page)
	}))
	t.Cleanup(srv.Close)
	return srv, &qos
}

func clientFor(t *testing.T, base string) *fetch.Client {
	t.Helper()
	c, err := fetch.New(simtest.Config(base))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestOverviewRefreshCostMeasured counts what one refresh really sends
// through the real client: ten participants a request, every page.
func TestOverviewRefreshCostMeasured(t *testing.T) {
	for _, tc := range []struct {
		n, want int
		header  string
	}{
		// Two refreshes 10 s apart: both in the last minute.
		{37, 4, "4 req/refresh, 8 in last minute"},
		{3, 1, "1 req/refresh, 2 in last minute"},
		{10, 1, "1 req/refresh, 2 in last minute"},
		{11, 2, "2 req/refresh, 4 in last minute"},
	} {
		t.Run(strconv.Itoa(tc.n), func(t *testing.T) {
			srv, qos := crowdServer(t, tc.n)
			client := clientFor(t, srv.URL)
			h, next := newTableHarness(t, client, 120, 40, onBridge, func(c *Config) { c.Fixed = true })
			if *qos != tc.want || len(h.overview().roster.Members) != tc.n {
				t.Fatalf("first refresh: %d requests for %d participants, want %d", *qos, len(h.overview().roster.Members), tc.want)
			}
			h.pollOverview(next)
			if *qos != 2*tc.want || client.Requests() != int64(2*tc.want) {
				t.Fatalf("second refresh: %d requests in all (client says %d), want %d", *qos, client.Requests(), 2*tc.want)
			}
			if !strings.Contains(h.a.content(), tc.header) {
				t.Fatalf("header lacks %q:\n%s", tc.header, h.a.content())
			}
		})
	}
}

// TestOverviewSimulatorMeetings runs the overview of the simulator's
// meetings through the real client: the 3 of the Design review in one
// request, the 42 of the all-hands in five.
func TestOverviewSimulatorMeetings(t *testing.T) {
	now := time.Date(2026, 11, 25, 19, 42, 38, 0, time.UTC)
	zoom := simtest.Start(t, sim.Options{Seed: 1, Now: func() time.Time { return now }})
	s := zoom.Sim
	for _, tc := range []struct {
		id       string
		n, pages int
	}{{sim.ReviewMeetingID, 3, 1}, {sim.AllHandsMeetingID, 42, 5}} {
		before := s.Stats().ParticipantsQoS
		h, _ := newTableHarness(t, zoom.Client(t), 120, 40, func(c *Config) { c.MeetingID, c.Now = tc.id, func() time.Time { return now } })
		if got := s.Stats().ParticipantsQoS - before; got != tc.pages || len(h.overview().roster.Members) != tc.n {
			t.Errorf("meeting %s: %d requests for %d participants, want %d for %d", tc.id, got, len(h.overview().roster.Members), tc.pages, tc.n)
		}
	}
}

// The header's rate is measured from the client's counter over the last
// minute, not computed from the interval: it follows what was sent, and
// a slower interval shows in it once the faster minute has passed.
func TestOverviewHeaderMeasuresTheLastMinute(t *testing.T) {
	srv, qos := crowdServer(t, 37) // 4 pages a refresh
	client := clientFor(t, srv.URL)
	h, next := newTableHarness(t, client, 120, 40, onBridge, func(c *Config) { c.Fixed = true })
	for range 8 { // refreshes at 0, 10, ... 80 s: six answers in the minute to 80 s
		next = h.pollOverview(next)
	}
	if want := "4 req/refresh, 24 in last minute"; !strings.Contains(h.a.content(), want) {
		t.Fatalf("after 9 refreshes 10 s apart (%d requests served), header lacks %q:\n%s", *qos, want, h.a.content())
	}
	next = h.key("+") // 15 s: the pending poll moves
	for range 5 {
		next = h.pollOverview(next)
	}
	if want := "4 req/refresh, 16 in last minute"; !strings.Contains(h.a.content(), want) {
		t.Fatalf("a minute at 15 s: header lacks %q:\n%s", want, h.a.content())
	}
}
