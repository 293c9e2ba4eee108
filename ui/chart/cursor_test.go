package chart

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// stopsOf are the Stops of samples at the given minutes after fixEnd-1h.
func stopsOf(minutes ...int) Stops {
	t0 := fixEnd.Add(-time.Hour)
	return Stops{Len: len(minutes), Cadence: time.Minute, At: func(i int) time.Time { return t0.Add(time.Duration(minutes[i]) * time.Minute) }}
}

// The cursor steps from sample to sample, through a hole one due sample
// at a time (so the hole is read, not jumped), and back the same way; at
// either end it stays.
func TestStopsStepThroughAHole(t *testing.T) {
	s := stopsOf(0, 1, 2, 7, 8) // a hole: 3, 4, 5, 6 were due
	t0 := fixEnd.Add(-time.Hour)
	min := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	cur := min(0)
	var fwd []int
	for range 8 {
		cur = s.Next(cur)
		fwd = append(fwd, int(cur.Sub(t0)/time.Minute))
	}
	if got, want := fwd, []int{1, 2, 3, 4, 5, 6, 7, 8}; !slices.Equal(got, want) {
		t.Fatalf("forward: %v, want %v", got, want)
	}
	if s.Next(min(8)) != min(8) {
		t.Fatal("Next moved past the newest sample")
	}
	var back []int
	for range 8 {
		cur = s.Prev(cur)
		back = append(back, int(cur.Sub(t0)/time.Minute))
	}
	if got, want := back, []int{7, 6, 5, 4, 3, 2, 1, 0}; !slices.Equal(got, want) {
		t.Fatalf("back: %v, want %v", got, want)
	}
	if s.Prev(min(0)) != min(0) {
		t.Fatal("Prev moved before the oldest sample")
	}
	if got := s.Last(min(5).Add(20 * time.Second)); got != min(5) {
		t.Errorf("Last inside the hole: %s, want the due stop %s", got, min(5))
	}
	if got := s.StepAtLeast(min(0), 150*time.Second); got != min(3) {
		t.Errorf("StepAtLeast 2m30s: %s, want %s", got, min(3))
	}
	if got := s.StepAtLeast(min(8), -time.Hour); got != min(0) {
		t.Errorf("StepAtLeast back past the oldest: %s, want it", got)
	}
	if (Stops{}).Next(min(3)) != min(3) || (Stops{}).Last(min(3)) != min(3) {
		t.Error("no samples: the cursor should stay")
	}
}

// The cursor's line is in the column where the reading it names is
// drawn (the 420 ms spike: the only braille above the critical line),
// and the title reads its time, value, unit and level.
func TestCursorLineIsWhereItsReadingIs(t *testing.T) {
	m := fixtureChart(120, 40, time.Hour, false)
	m.SetCursor(fixSpike)
	lines := strings.Split(plain(t, m.View()), "\n")
	if !strings.HasPrefix(lines[0], "latency send  ┊ 19:20 420 ms !  now ") {
		t.Fatalf("send title %q, want the spike's time, value and critical marker", lines[0])
	}
	spike, cursor := -1, -1
	for _, l := range lines[1:4] { // above the 300 ms line, on a 0-500 scale
		for x, r := range []rune(l) {
			switch {
			case r >= 0x2801 && r <= 0x28ff && spike < 0:
				spike = x
			case r == '┊' && cursor < 0:
				cursor = x
			}
		}
	}
	if spike < 0 || spike != cursor || cursor != m.panels[model.Send].colOf(&m.f, fixSpike) {
		t.Fatalf("spike drawn at column %d, cursor at %d:\n%s", spike, cursor, strings.Join(lines, "\n"))
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "latency receive") && !strings.Contains(l, "┊ 19:20 ") {
			t.Fatalf("receive title %q does not read the same time", l)
		}
	}
}

// In the hole, and on a reading that is absent, the title says "no
// sample": a missing reading is never shown as 0.
func TestCursorInAGapReadsNoSample(t *testing.T) {
	m := fixtureChart(120, 40, 3*time.Hour, false)
	m.SetCursor(fixHole[0].Add(4 * time.Minute))
	v := plain(t, m.View())
	if n := strings.Count(v, "┊ 18:54 no sample"); n != 2 {
		t.Fatalf("%d titles read \"18:54 no sample\", want both:\n%s", n, v)
	}
	send, receive := fixture(fixMinutes)
	send[len(send)-1].V = model.None
	m.SetData(send, receive)
	m.SetCursor(fixEnd)
	v = plain(t, m.View())
	if !strings.Contains(v, "latency send  ┊ 19:45 no sample") || !strings.Contains(v, "latency receive  ┊ 19:45 ") || strings.Contains(v, "19:45 0 ms") {
		t.Fatalf("an absent reading did not read \"no sample\":\n%s", v)
	}
}

// Moving the cursor rewrites the text and draws no canvas; in ASCII it
// is a column of '|' and nothing outside printable ASCII.
func TestCursorMovesWithoutRedrawing(t *testing.T) {
	m := fixtureChart(80, 24, time.Hour, true)
	plainView := m.View()
	m.SetCursor(fixSpike)
	if !m.fresh || m.written {
		t.Fatal("SetCursor threw the canvases away, or kept the old text")
	}
	v := m.View()
	for i, r := range v {
		if r > 0x7e || (r < 0x20 && r != '\n' && r != 0x1b) {
			t.Fatalf("--ascii drew %q at byte %d:\n%s", r, i, v)
		}
	}
	if !strings.Contains(plain(t, v), "| 19:20 420 ms !") {
		t.Fatalf("ASCII title lacks the reading:\n%s", plain(t, v))
	}
	m.SetCursor(time.Time{})
	if m.View() != plainView {
		t.Fatal("hiding the cursor did not give back the chart without it")
	}
}

// The cursor's time has seconds under a minute's cadence, and the day
// when the view crosses midnight, in the chart's zone.
func TestCursorTimeFormat(t *testing.T) {
	zone := time.FixedZone("X", 2*3600)
	at := time.Date(2026, 11, 25, 19, 32, 5, 0, time.UTC)
	for _, tc := range []struct {
		name       string
		start, end time.Time
		cadence    time.Duration
		loc        *time.Location
		want       string
	}{
		{"minutes", at.Add(-time.Hour), at, time.Minute, time.UTC, "19:32"},
		{"seconds", at.Add(-time.Hour), at, 3 * time.Second, time.UTC, "19:32:05"},
		{"zone", at.Add(-time.Hour), at, time.Minute, zone, "21:32"},
		{"midnight", at.Add(-time.Hour), at.Add(5 * time.Hour), time.Minute, time.UTC, "Wed 19:32"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cursorTime(at, tc.start, tc.end, tc.cadence, tc.loc); got != tc.want {
				t.Fatalf("%q, want %q", got, tc.want)
			}
		})
	}
}
