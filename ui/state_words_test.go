package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/ui/feed"
)

// One state, one word, one colour: the header's badge and the status bar
// never contradict each other, against the simulator on loopback with
// the demo's pace (a sample every 3 s, polling every second) and the
// fake clock.

// simWatch is a watch screen of the demo participant against the
// simulator, both on one fake clock.
func simWatch(t *testing.T, width, height int, opts sim.Options, more ...harnessOpt) (*harness, *sim.Server) {
	t.Helper()
	clock := newTestClock(watchT0)
	opts.Seed, opts.Now = 1, clock.Now
	zoom := simtest.Start(t, opts)
	client := zoom.Client(t, func(c *fetch.Config) { c.Now, c.Timeout = clock.Now, 5*time.Second })
	h := newHarness(t, nil, width, height, append([]harnessOpt{func(c *Config) {
		c.Source, c.Now = client, clock.Now
		c.MeetingID, c.ParticipantID, c.Topic = sim.DemoMeetingID, sim.DemoParticipantID, ""
		c.Interval, c.MinInterval = time.Second, time.Second
	}}, more...)...)
	h.clock = clock
	return h, zoom.Sim
}

// waitAndPoll lets the poll timer among next run down to its last
// millisecond (a clock tick: what the screen says at the end of the
// wait), then fires it and delivers the answer. It returns the screen at
// the end of the wait, the wait, and what the answer produced.
func (h *harness) waitAndPoll(next []tea.Msg) (before string, wait time.Duration, out []tea.Msg) {
	h.t.Helper()
	tm, pt := pollTimer(h.t, next)
	at := h.clock.Now().Add(tm.d)
	h.tick(tm.d - time.Millisecond)
	before = h.a.content()
	h.clock.set(at)
	for _, msg := range h.send(pt) {
		if f, ok := msg.(feed.FetchedMsg); ok {
			f.Jitter = 0.5
			out = append(out, h.send(f)...)
		}
	}
	return before, tm.d, out
}

// badgeAndBar are the header's first line and the status bar of view.
func badgeAndBar(view string) (badge, bar string) {
	lines := strings.Split(view, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], "request") {
			bar = lines[i]
			break
		}
	}
	return lines[0], bar
}

// sysLine is the watch screen's CPU and Wi-Fi line of view.
func sysLine(view string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.HasPrefix(l, "CPU ") {
			return l
		}
	}
	return ""
}

// Under Zoom's per-second limit the demo's participant was STALE in the
// bar and RETRYING in the badge at once, and a wait of seconds flipped
// the bar to STALE and back. Now: while each retry comes within seconds
// neither says STALE, the bar says it is backing off and when it tries
// next (no "every 1s", no "adaptive"), and once a retry is far off and
// the data past the stale rule, both say STALE.
func TestStaleIsOneWordAndNotForASecondsWait(t *testing.T) {
	h, zoom := simWatch(t, 120, 40, sim.Options{SampleEvery: 3 * time.Second})
	next := h.start()
	if badge, _ := badgeAndBar(h.a.content()); !strings.Contains(badge, "LIVE") {
		t.Fatalf("the first answer is not LIVE:\n%s", h.a.content())
	}
	zoom.SetFaults(1, sim.FaultQPS)  // 429 QPS, Retry-After 1-2 s, on every request from now
	_, _, next = h.waitAndPoll(next) // the first refused poll
	var shortStale, sawStale bool
	for i := range 4 {
		var before string
		var wait time.Duration
		before, wait, next = h.waitAndPoll(next)
		for _, v := range []string{before, h.a.content()} {
			badge, bar := badgeAndBar(v)
			if strings.Contains(badge, "STALE") != strings.Contains(bar, "STALE") {
				t.Errorf("retry %d: the badge and the bar disagree:\n%s\n%s", i+1, badge, bar)
			}
			if strings.Contains(bar, "every ") || strings.Contains(bar, "adaptive") {
				t.Errorf("retry %d: the bar states a pace while it backs off:\n%s", i+1, bar)
			}
		}
		badge, bar := badgeAndBar(before)
		t.Logf("retry %d, at the end of a %s wait: %s | %s", i+1, wait, flat(badge), flat(bar))
		for _, v := range []string{before, h.a.content()} {
			b, _ := badgeAndBar(v)
			stale := strings.Contains(b, "STALE")
			if stale != strings.Contains(v, "ms?") || stale != strings.Contains(v, "kbps?") || stale != strings.Contains(sysLine(v), "%?") {
				t.Errorf("retry %d: the values are not marked old exactly while the badge says STALE:\n%s", i+1, v)
			}
		}
		switch {
		case wait <= 10*time.Second && strings.Contains(badge+bar, "STALE"):
			shortStale = true
			t.Errorf("retry %d: STALE at the end of a %s wait:\n%s\n%s", i+1, wait, badge, bar)
		case wait > 10*time.Second && strings.Contains(badge, "STALE"):
			sawStale = true
		}
		if !strings.Contains(bar, "next try") || !strings.Contains(badge, "RETRYING") && !strings.Contains(badge, "STALE") {
			t.Errorf("retry %d: the bar does not say when it tries next, or the badge is not RETRYING or STALE:\n%s\n%s", i+1, badge, bar)
		}
	}
	if !sawStale && !shortStale {
		t.Errorf("the data never went STALE, though retries grew apart:\n%s", h.a.content())
	}
	// Zoom answers again: the data is new, and both say so.
	zoom.SetFaults(0)
	_, _, _ = h.waitAndPoll(next)
	if badge, bar := badgeAndBar(h.a.content()); !strings.Contains(badge, "LIVE") || strings.Contains(badge+bar, "STALE") {
		t.Errorf("after a good answer:\n%s\n%s", badge, bar)
	}
}

// STALE was yellow in the header and red in the bar: one word, one colour.
// And while it backs off after failures, the bar said "adaptive" (or
// "every 3s" with an interval) of a retry grown to most of a minute.
func TestStaleHasOneColour(t *testing.T) {
	h, zoom := simWatch(t, 120, 40, sim.Options{SampleEvery: 3 * time.Second},
		func(c *Config) { c.Profile = colorprofile.TrueColor })
	next := h.start()
	zoom.SetFaults(1, sim.FaultServerError)
	for range 5 { // backoffs grow past ShortRetry
		_, _, next = h.waitAndPoll(next)
	}
	badge, bar := badgeAndBar(h.a.content())
	if !strings.Contains(bar, "backing off — next try") || strings.Contains(bar, "every ") || strings.Contains(bar, "adaptive") {
		t.Errorf("after five failed polls the bar does not say it backs off, and when it tries next:\n%q", bar)
	}
	fg := regexp.MustCompile(`38;(5;\d+|2;\d+;\d+;\d+)`)
	colourOf := func(line string) string {
		i := strings.Index(line, "STALE")
		if i < 0 {
			return ""
		}
		sgr := line[:i]
		return fg.FindString(sgr[strings.LastIndex(sgr, "\x1b["):])
	}
	b, s := colourOf(badge), colourOf(bar)
	if b == "" || s == "" || b != s {
		t.Errorf("STALE is %q in the header and %q in the bar:\n%q\n%q", b, s, badge, bar)
	}
}

// The overview's readings are drawn old (dim, and "~" after each number,
// which NO_COLOR keeps) exactly while its badge and bar say STALE.
func TestOverviewReadingsMarkedOldWhileStale(t *testing.T) {
	clock := newTestClock(watchT0)
	zoom := simtest.Start(t, sim.Options{Seed: 1, Now: clock.Now, SampleEvery: 3 * time.Second})
	client := zoom.Client(t, func(c *fetch.Config) { c.Now, c.Timeout = clock.Now, 5*time.Second })
	h, next := newTableHarness(t, client, 120, 40, func(c *Config) {
		c.MeetingID, c.Now, c.Interval, c.MinInterval = sim.DemoMeetingID, clock.Now, time.Second, time.Second
	})
	h.clock = clock
	marked := regexp.MustCompile(`[↑↓]\d+[*!]?\? [↑↓]\d+[*!]?\?`) // both ways, each marked
	check := func(when string) bool {
		t.Helper()
		v := h.a.content()
		badge, bar := badgeAndBar(v)
		stale := strings.Contains(badge, "STALE")
		if stale != strings.Contains(bar, "STALE") || stale != marked.MatchString(v) {
			t.Errorf("%s: badge, bar and readings disagree on STALE:\n%s", when, v)
		}
		return stale
	}
	check("first answer")
	zoom.Sim.SetFaults(1, sim.FaultServerError)
	sawStale := false
	for i := range 6 {
		next = h.pollOverview(next)
		sawStale = check(fmt.Sprintf("failure %d", i+1)) || sawStale
		if badge, bar := badgeAndBar(h.a.content()); strings.Contains(badge, "LIVE") || !strings.Contains(bar, "backing off") {
			t.Errorf("failure %d: the badge says LIVE, or the bar does not say it backs off:\n%s\n%s", i+1, badge, bar)
		}
	}
	if !sawStale {
		t.Fatalf("six failures in a row, backing off, and never STALE:\n%s", h.a.content())
	}
	zoom.Sim.SetFaults(0)
	h.pollOverview(next)
	if check("Zoom answers again") {
		t.Errorf("still STALE after a good answer:\n%s", h.a.content())
	}
}
