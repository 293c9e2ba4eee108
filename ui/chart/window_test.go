package chart

import (
	"testing"
	"time"
)

// wlive is the live edge in these tests: the newest sample, 19:47:13.
var wlive = time.Date(2026, 11, 25, 19, 47, 13, 0, time.UTC)

func hm(h, m int) time.Time { return time.Date(2026, 11, 25, h, m, 0, 0, time.UTC) }

func requireRange(t *testing.T, w Window, live time.Time, start, end time.Time) {
	t.Helper()
	s, e := w.Range(live)
	if !s.Equal(start) || !e.Equal(end) {
		t.Fatalf("range %s-%s, want %s-%s", s.Format("15:04:05"), e.Format("15:04:05"), start.Format("15:04:05"), end.Format("15:04:05"))
	}
}

func TestWindowLiveFollowsData(t *testing.T) {
	w := NewWindow(15 * time.Minute)
	requireRange(t, w, wlive, wlive.Add(-15*time.Minute), wlive)
	later := wlive.Add(3 * time.Minute)
	w.Arrived(3)
	requireRange(t, w, later, later.Add(-15*time.Minute), later)
	if w.New() != 0 {
		t.Errorf("live window counts %d new samples; they are in view", w.New())
	}
	if got := w.Describe(later, time.UTC, false); got != "live · last 15m" {
		t.Errorf("Describe = %q", got)
	}
}

func TestWindowScrollBackHoldsStill(t *testing.T) {
	oldest := wlive.Add(-6 * time.Hour)
	w := NewWindow(15 * time.Minute)
	w.Back(wlive, oldest) // a step is 5m, to a whole 5 minutes
	if w.Live() {
		t.Fatal("still live after ←")
	}
	requireRange(t, w, wlive, hm(19, 25), hm(19, 40))
	w.Back(wlive, oldest)
	requireRange(t, w, wlive, hm(19, 20), hm(19, 35))
	w.Forward(wlive)
	requireRange(t, w, wlive, hm(19, 25), hm(19, 40))

	// New samples arrive: the view stays where the user put it and says
	// how many there are to see.
	later := wlive.Add(3 * time.Minute)
	w.Arrived(2)
	w.Arrived(1)
	w.Arrived(0)
	requireRange(t, w, later, hm(19, 25), hm(19, 40))
	if got := w.Describe(later, time.UTC, false); got != "19:25–19:40 · 3 new" {
		t.Errorf("Describe = %q", got)
	}
	if got := w.Describe(later, time.UTC, true); got != "19:25-19:40, 3 new" {
		t.Errorf("ASCII Describe = %q", got)
	}

	// → until the live edge goes live, and end goes live at once.
	w.Forward(later)
	w.Forward(later)
	if !w.Live() || w.New() != 0 {
		t.Fatalf("→ to the live edge: live %v, %d new; want live and 0", w.Live(), w.New())
	}
	w.Back(later, oldest)
	w.Back(later, oldest)
	w.GoLive()
	requireRange(t, w, later, later.Add(-15*time.Minute), later)
}

func TestWindowScrollStopsAtOldest(t *testing.T) {
	oldest := hm(19, 10)
	w := NewWindow(15 * time.Minute)
	for range 10 {
		w.Back(wlive, oldest)
	}
	requireRange(t, w, wlive, hm(19, 10), hm(19, 25))

	// With everything in view there is nowhere to go back to.
	w = NewWindow(time.Hour)
	w.Back(wlive, oldest)
	if !w.Live() {
		t.Error("← with the whole history in view left live")
	}
}

func TestWindowZoom(t *testing.T) {
	w := NewWindow(30 * time.Minute)
	w.ZoomOut()
	if w.Span() != time.Hour {
		t.Fatalf("] from 30m gives %v, want 1h", w.Span())
	}
	requireRange(t, w, wlive, wlive.Add(-time.Hour), wlive)
	w.Back(wlive, wlive.Add(-24*time.Hour)) // a step of 20m
	requireRange(t, w, wlive, hm(18, 20), hm(19, 20))
	w.ZoomIn(15 * time.Minute) // the right edge stays
	requireRange(t, w, wlive, hm(18, 50), hm(19, 20))
	w.ZoomIn(15 * time.Minute)
	w.ZoomIn(15 * time.Minute)
	if w.Span() != 15*time.Minute {
		t.Errorf("[ below the floor gives %v, want 15m", w.Span())
	}
	for range 20 {
		w.ZoomOut()
	}
	if w.Span() != 24*time.Hour {
		t.Errorf("] stops at %v, want 24h", w.Span())
	}
	if got := w.Describe(wlive, time.UTC, false); got != "Tue 19:20–Wed 19:20" {
		t.Errorf("a view across midnight names the days: %q", got)
	}
}
