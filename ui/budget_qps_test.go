package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/ui/chrome"
)

// The tester's steps (sim --qps 0.3, watch --interval 2s) on the
// harness's clock: Zoom's per-second 429s come and go, polling goes on
// every few seconds, and the bar keeps the account's quota as the 200s
// say it. Before, the first 429 read as the day spent: "budget: 0 left,
// next 00:00:00", and nothing more was sent.
func TestQPSRefusalKeepsPolling(t *testing.T) {
	r := newBudgetRig(t, func(o *sim.Options) { o.QPS = 0.3 })
	h, _ := r.run(t, 0, func(c *Config) { c.Interval = 2 * time.Second })
	next := h.start()
	var bars []string
	for i := range 12 {
		next = h.poll(next)
		bar := budgetBar(h)
		bars = append(bars, bar)
		if strings.Contains(bar, "budget: 0 left") || strings.Contains(bar, "Zoom 0") || strings.Contains(bar, "00:00:00") {
			t.Fatalf("poll %d: the bar says the day is spent after a QPS 429: %q", i, bar)
		}
		if tm, _ := pollTimer(t, next); tm.d > 10*time.Second {
			t.Fatalf("poll %d: the next poll is in %v; bar %q", i, tm.d, bar)
		}
	}
	st := r.zoom.Sim.Stats()
	if st.RateLimited < 3 || st.ParticipantQoS-st.RateLimited < 5 {
		t.Fatalf("the simulator refused %d of %d requests; want both refusals and answers\nbars:\n%s",
			st.RateLimited, st.ParticipantQoS, strings.Join(bars, "\n"))
	}
	t.Logf("%d requests, %d refused; last bar %q", st.ParticipantQoS, st.RateLimited, bars[len(bars)-1])
	// The quota counts the answers only: the 429s were not served.
	want := "Zoom " + chrome.Thousands(30000-(st.ParticipantQoS-st.RateLimited)) + "/30,000 left"
	if bar := budgetBar(h); !strings.Contains(bar, want) {
		t.Errorf("bar %q, want %q", bar, want)
	}
}
