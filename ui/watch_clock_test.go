package ui

import (
	"strings"
	"testing"
	"time"
)

// The clock and the status bar: what a tick redraws, when data is stale.

func TestClockTickRedrawsOnlyTheStatusBar(t *testing.T) {
	src := &fakeSource{p: callParticipant(true)}
	h := newHarness(t, src, 120, 40)
	h.start()
	builds := h.watch().builds
	paneVersions := [3]uint64{}
	for i := range paneVersions {
		h.watch().panes[i].View()
		paneVersions[i] = h.watch().panes[i].Version()
	}
	// While the first request was out, the clock was armed for when it
	// would count as slow (19:39:41); that tick changes nothing. The newest
	// sample is then 41 s old: "<1m ago" next changes at 19:40:00, and the
	// clock is armed for then, not for every second.
	before := h.a.content()
	h.tick(3 * time.Second)
	if want := time.Date(2026, 11, 25, 19, 40, 0, 0, time.UTC); !h.a.clockAt.Equal(want) {
		t.Fatalf("the clock is armed for %s, want %s", h.a.clockAt.Format(time.TimeOnly), want.Format(time.TimeOnly))
	}
	h.tick(18 * time.Second)
	if h.a.content() != before {
		t.Fatalf("21 s later the screen changed: %q", diffLines(before, h.a.content()))
	}
	h.tick(time.Second)
	after := h.a.content()
	if h.watch().builds != builds {
		t.Fatalf("a clock tick rebuilt the body (%d -> %d builds)", builds, h.watch().builds)
	}
	for i := range paneVersions {
		if h.watch().panes[i].Version() != paneVersions[i] {
			t.Fatalf("a clock tick invalidated pane %d's cache", i)
		}
	}
	changed := diffLines(before, after)
	if len(changed) != 1 || !strings.Contains(changed[0], "newest 19:39:00 (1m ago)") {
		t.Fatalf("a clock tick changed lines %q, want only the status bar's age", changed)
	}
}

// diffLines lists the lines of b that differ from a.
func diffLines(a, b string) []string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i, l := range bl {
		if i >= len(al) || al[i] != l {
			out = append(out, l)
		}
	}
	return out
}

func TestStaleMarker(t *testing.T) {
	for _, tc := range []struct {
		name      string
		interval  time.Duration
		every     time.Duration
		age       time.Duration
		wantStale bool
	}{
		{"Zoom's minute, fresh", 10 * time.Second, time.Minute, 2*time.Minute + 59*time.Second, false},
		{"Zoom's minute, three missed", 10 * time.Second, time.Minute, 3*time.Minute + time.Second, true},
		{"slow polling", 2 * time.Minute, time.Minute, 5 * time.Minute, false},
		{"slow polling, missed", 2 * time.Minute, time.Minute, 6*time.Minute + time.Second, true},
		{"demo cadence", time.Second, 3 * time.Second, 10 * time.Second, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := callParticipant(false)
			for i := range p.Samples {
				p.Samples[i].Time = watchT0.Add(time.Duration(i) * tc.every)
			}
			src := &fakeSource{p: p}
			h := newHarness(t, src, 120, 40, func(c *Config) { c.Interval, c.MinInterval = tc.interval, time.Second })
			h.start()
			h.clock.set(p.Samples[len(p.Samples)-1].Time)
			h.tick(tc.age)
			if got := strings.Contains(h.a.content(), "STALE"); got != tc.wantStale {
				t.Fatalf("STALE shown %v, want %v, %s after the newest sample:\n%s", got, tc.wantStale, tc.age, h.a.content())
			}
		})
	}
}
