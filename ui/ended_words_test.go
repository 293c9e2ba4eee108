package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// A meeting that ends is the call's normal end, not a fault: the watch
// screen and the overview say ENDED and "meeting ended" without
// "error:", and the bar says polling slowed rather than "every 1s" or
// "adaptive". Against the simulator, which ends the demo meeting
// (--end-after) on the fake clock.
func TestMeetingEndIsNoErrorAndPollingSlows(t *testing.T) {
	check := func(t *testing.T, view string) {
		t.Helper()
		badge, bar := badgeAndBar(view)
		if !strings.Contains(badge, "ENDED") || !strings.Contains(bar, "meeting ended") {
			t.Errorf("the end is not said:\n%s", view)
		}
		if strings.Contains(view, "error:") {
			t.Errorf("the end of the meeting is printed as an error:\n%s", view)
		}
		if !strings.Contains(bar, "polling slowed") || strings.Contains(bar, "every ") || strings.Contains(bar, "adaptive") {
			t.Errorf("after the end the bar does not say polling slowed:\n%s", bar)
		}
		if !strings.Contains(flat(view), "has ended") {
			t.Errorf("the text under the data does not say the meeting has ended:\n%s", view)
		}
	}
	t.Run("watch", func(t *testing.T) {
		h, _ := simWatch(t, 120, 40, sim.Options{SampleEvery: 3 * time.Second, EndAfter: 20 * time.Second})
		next := h.start()
		for range 40 {
			if _, _, next = h.waitAndPoll(next); strings.Contains(h.a.content(), "ENDED") {
				break
			}
		}
		check(t, h.a.content())
	})
	t.Run("overview", func(t *testing.T) {
		clock := newTestClock(watchT0)
		zoom := simtest.Start(t, sim.Options{Seed: 1, Now: clock.Now, SampleEvery: 3 * time.Second, EndAfter: 20 * time.Second})
		client := zoom.Client(t, func(c *fetch.Config) { c.Now, c.Timeout = clock.Now, 5*time.Second })
		h, next := newTableHarness(t, client, 120, 40, func(c *Config) {
			c.MeetingID, c.Now, c.Interval, c.MinInterval = sim.DemoMeetingID, clock.Now, time.Second, time.Second
		})
		h.clock = clock
		for range 40 {
			if next = h.pollOverview(next); strings.Contains(h.a.content(), "ENDED") {
				break
			}
		}
		check(t, h.a.content())
	})
}

// The overview cut its error at two lines with "~" ("…shared by every ~")
// and no way to read the rest. Now the text takes the rows it needs up to
// a sixth of the screen (more where the table leaves rows blank), ends
// where it is cut with where to read it whole, and ? shows it whole. The
// all-hands meeting's 42 rows fill the table, so the text is cut.
func TestOverviewErrorReadableWhole(t *testing.T) {
	clock := newTestClock(watchT0)
	zoom := simtest.Start(t, sim.Options{Seed: 1, Now: clock.Now, SampleEvery: 3 * time.Second})
	client := zoom.Client(t, func(c *fetch.Config) { c.Now, c.Timeout = clock.Now, 5*time.Second })
	h, next := newTableHarness(t, client, 80, 24, func(c *Config) {
		c.MeetingID, c.Now, c.Interval, c.MinInterval = "89900112233", clock.Now, time.Second, time.Second
	})
	h.clock = clock
	zoom.Sim.SetFaults(1, sim.FaultDailyLimit) // the longest of the simulator's error texts
	h.pollOverview(next)
	text := h.overview().poll.ErrText
	if text == "" {
		t.Fatal("the refused poll left no error text")
	}
	whole := flat("error: " + text)
	lines := strings.Split(h.a.content(), "\n")
	start := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "error: ") {
			start = i
		}
	}
	if start < 0 {
		t.Fatalf("no error line:\n%s", h.a.content())
	}
	end := start
	for end+1 < len(lines) && !strings.HasPrefix(lines[end+1], " ") { // the bar starts with a blank
		end++
	}
	shown := flat(strings.Join(lines[start:end+1], " "))
	switch {
	case shown == whole:
		t.Errorf("42 rows and the error whole at 80x24: the test no longer tests the cut:\n%s", h.a.content())
	case strings.HasSuffix(shown, "… ?: full text") && strings.HasPrefix(whole, strings.TrimSuffix(shown, " … ?: full text")+" "):
	default:
		t.Errorf("the error is neither whole nor cut at a word with where to read it:\n%q\nwhole:\n%q", shown, whole)
	}
	if strings.Contains(shown, "~") {
		t.Errorf("the error is cut with ~:\n%s", shown)
	}
	h.key("?")
	if v := flat(h.a.content()); !strings.Contains(v, whole) {
		t.Errorf("? does not show the error whole (%q):\n%s", whole, h.a.content())
	}
}
