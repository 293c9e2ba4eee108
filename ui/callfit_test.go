package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/chrome"
)

// The late joiner: joined 20 minutes before the harness's clock
// (19:39:38), 14 one-minute samples, none 19:27-19:31 (a five-minute
// hole), a 420 ms audio send latency spike two minutes ago (19:37).
var (
	lateJoin  = watchT0.Add(19*time.Minute + 38*time.Second)
	lateHole  = [2]time.Time{watchT0.Add(27 * time.Minute), watchT0.Add(32 * time.Minute)}
	lateSpike = watchT0.Add(37 * time.Minute)
)

func lateJoiner() model.Participant {
	p := gapParticipant()
	p.JoinTime = lateJoin
	var kept []model.Sample
	for _, s := range p.Samples {
		in := s.Time.After(lateJoin) && (s.Time.Before(lateHole[0]) || !s.Time.Before(lateHole[1]))
		if !in {
			continue
		}
		if s.Time.Equal(lateSpike) {
			st := s.Streams[model.StreamKey{Media: model.Audio, Dir: model.Send}]
			st.LatencyMS = model.Some(420)
			s.Streams = cloneStreams(s.Streams)
			s.Streams[model.StreamKey{Media: model.Audio, Dir: model.Send}] = st
		}
		kept = append(kept, s)
	}
	p.Samples = kept
	return p
}

func cloneStreams(m map[model.StreamKey]model.StreamStats) map[model.StreamKey]model.StreamStats {
	out := make(map[model.StreamKey]model.StreamStats, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// sparkFigures are one metric row's figures: the share of its sparkline
// columns that hold a bar (in any of its lines, when it is two or three
// high), the longest run of blank columns between bars, and the blank
// columns between the row's value and the right border.
type sparkFigures struct {
	covered   float64
	hole      int
	rightFree int
}

// metricRows are the full metric rows of the watch screen with a
// sparkline, each as its lines (the first holds the label and value).
func metricRows(view string, x0 int) [][][]rune {
	var rows [][][]rune
	for _, l := range strings.Split(ansi.Strip(view), "\n") {
		r := []rune(l)
		if len(r) <= x0 || r[0] != '│' {
			continue
		}
		label := strings.TrimSpace(string(r[1:x0]))
		hasBars := strings.ContainsAny(string(r[x0:]), "▁▂▃▄▅▆▇█·")
		switch {
		case label != "" && hasBars:
			rows = append(rows, [][]rune{r})
		case label == "" && len(rows) > 0 && hasBars:
			rows[len(rows)-1] = append(rows[len(rows)-1], r)
		}
	}
	return rows
}

func measureRow(lines [][]rune, x0, width int) sparkFigures {
	var f sparkFigures
	bars, run, seen := 0, 0, false
	for c := x0; c < x0+width; c++ {
		bar := false
		for _, l := range lines {
			bar = bar || strings.ContainsRune("▁▂▃▄▅▆▇█", l[c])
		}
		if bar {
			bars++
			if seen {
				f.hole = max(f.hole, run)
			}
			run, seen = 0, true
			continue
		}
		run++
	}
	f.covered = float64(bars) / float64(width)
	row := lines[0]
	for i := len(row) - 2; i > 0 && row[i] == ' '; i-- {
		f.rightFree++
	}
	return f
}

// plotCoverage is the share of the chart screen's first panel's plot
// columns that hold a reading (braille), and the plot's first column.
func plotCoverage(t *testing.T, view string) (float64, int) {
	t.Helper()
	lines := strings.Split(ansi.Strip(view), "\n")
	start := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "latency send") {
			start = i + 1
			break
		}
	}
	if start < 0 {
		t.Fatalf("no latency send chart:\n%s", ansi.Strip(view))
	}
	var covered map[int]bool = map[int]bool{}
	origin, width := -1, 0
	for _, l := range lines[start:] {
		r := []rune(l)
		if i := strings.IndexRune(l, '└'); i >= 0 {
			origin = len([]rune(l[:i]))
			width = len(r) - origin - 1
			break
		}
		for x, c := range r {
			if c > 0x2800 && c <= 0x28ff {
				covered[x] = true
			}
		}
	}
	if origin < 0 || width <= 0 {
		t.Fatalf("no x axis under latency send:\n%s", ansi.Strip(view))
	}
	return float64(len(covered)) / float64(width), origin
}

// Against a participant who joined 20 minutes ago with 14 one-minute
// samples and a five-minute hole, at 120x40, 140x40 and 200x60: the
// samples cover at least 60 % of every sparkline and of the chart
// screen's plot, the hole is at least three blank columns, no metric row
// leaves more than 12 blank columns after its value, the axis says the
// window, marks the join, and the event log says the hole.
func TestLateJoinerFillsTheWidth(t *testing.T) {
	for _, sz := range [][2]int{{120, 40}, {140, 40}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			h := newHarness(t, &fakeSource{p: lateJoiner()}, sz[0], sz[1])
			h.start()
			w := h.watch()
			v := h.a.content()
			x0, width := 1+w.geo.Label+1, w.geo.Grid.Width()
			rows := metricRows(v, x0)
			if len(rows) < 8 {
				t.Fatalf("found %d sparkline rows:\n%s", len(rows), v)
			}
			least, free, hole := 1.0, 0, width
			for _, r := range rows {
				f, name := measureRow(r, x0, width), string(r[0][:x0])
				least, free, hole = min(least, f.covered), max(free, f.rightFree), min(hole, f.hole)
				if f.covered < 0.6 {
					t.Errorf("%s: samples cover %.0f%% of %d columns, want 60%%:\n%s", name, 100*f.covered, width, string(r[0]))
				}
				if f.hole < 3 {
					t.Errorf("%s: the five-minute hole is %d blank columns, want 3 or more:\n%s", name, f.hole, string(r[0]))
				}
				if f.rightFree > 12 {
					t.Errorf("%s: %d blank columns after the value, want 12 at most:\n%s", name, f.rightFree, string(r[0]))
				}
			}
			for _, want := range []string{"window 20m", "▲19:19"} {
				if !strings.Contains(v, want) {
					t.Errorf("the watch screen lacks %q:\n%s", want, v)
				}
			}
			h.key("l")
			if v := h.a.content(); !strings.Contains(v, "19:27 no samples 19:27–19:31 (5 due)") {
				t.Errorf("the event log does not say the hole:\n%s", v)
			}
			h.key("esc")
			h.key("enter")
			plot, origin := plotCoverage(t, h.a.content())
			if plot < 0.6 {
				t.Errorf("the chart's readings cover %.0f%% of its plot, want 60%%:\n%s", 100*plot, ansi.Strip(h.a.content()))
			}
			t.Logf("%dx%d: window %s, sparklines %d columns, covered at least %.0f%%, hole at least %d blank columns, most blank after a value %d; chart plot from x=%d covered %.0f%%",
				sz[0], sz[1], w.span(), width, 100*least, hole, free, origin, 100*plot)
		})
	}
}

// With a screen share that stopped, its pane is a compact line that
// keeps a note ("seen 19:25") and narrows the grid every sparkline is
// drawn on; the full rows' values still end within 12 columns of the
// border (they were 14 to 17 short of it at 120x40).
func TestStoppedShareKeepsValuesByTheBorder(t *testing.T) {
	for _, sz := range [][2]int{{120, 40}, {140, 40}, {200, 60}} {
		h := newHarness(t, &fakeSource{p: callParticipant(true)}, sz[0], sz[1])
		h.start()
		w := h.watch()
		v := h.a.content()
		if !strings.Contains(v, "seen 19:25") {
			t.Fatalf("%dx%d: the stopped share says nothing of when it was seen:\n%s", sz[0], sz[1], v)
		}
		x0, width := 1+w.geo.Label+1, w.geo.Grid.Width()
		rows := metricRows(v, x0)
		if len(rows) < 8 {
			t.Fatalf("%dx%d: found %d sparkline rows:\n%s", sz[0], sz[1], len(rows), v)
		}
		for _, r := range rows {
			if f := measureRow(r, x0, width); f.rightFree > 12 {
				t.Errorf("%dx%d %s: %d blank columns after the value, want 12 at most:\n%s", sz[0], sz[1], string(r[0][:x0]), f.rightFree, string(r[0]))
			}
		}
	}
}

// The window is said once, at the right of the time axis, at every width:
// the status bar said it again wherever it had room (120 columns and up).
func TestWindowSaidOnce(t *testing.T) {
	for _, sz := range goldenSizes {
		h := newHarness(t, &fakeSource{p: callParticipant(true)}, sz[0], sz[1])
		h.start()
		if n := strings.Count(ansi.Strip(h.a.content()), "window "+chrome.FmtDur(h.watch().span())); n != 1 {
			t.Errorf("%dx%d: the window said %d times, want once (the axis):\n%s", sz[0], sz[1], n, h.a.content())
		}
	}
}

// Goldens of the late joiner on the watch screen at every size, in
// Unicode and --ascii: read each for the sparklines starting at the join,
// the join marked on the axis (▲ or ^) at their first column with the
// window at the right, the hole blank, the samples across the width.
func TestGoldenLateJoiner(t *testing.T) {
	for _, ascii := range []bool{false, true} {
		for _, sz := range goldenSizes {
			t.Run(fmt.Sprintf("%s_%dx%d", map[bool]string{false: "unicode", true: "ascii"}[ascii], sz[0], sz[1]), func(t *testing.T) {
				h := newHarness(t, &fakeSource{p: lateJoiner()}, sz[0], sz[1], func(c *Config) { c.ASCII = ascii })
				h.start()
				requireScreen(t, h.a.content(), sz[0], sz[1])
			})
		}
	}
}

// Stacked on the chart screen, latency (labels up to 500) and jitter (up
// to 50) start their plots at one x: the axis corners line up.
func TestStackedChartsLineUp(t *testing.T) {
	h := newHarness(t, &fakeSource{p: lateJoiner()}, 200, 60)
	h.start()
	h.key("enter")
	var corners []int
	for _, l := range strings.Split(ansi.Strip(h.a.content()), "\n") {
		if i := strings.IndexRune(l, '└'); i >= 0 {
			corners = append(corners, len([]rune(l[:i])))
		}
	}
	if len(corners) < 4 {
		t.Fatalf("%d charts' panels on screen, want two charts of two:\n%s", len(corners), ansi.Strip(h.a.content()))
	}
	for _, c := range corners[1:] {
		if c != corners[0] {
			t.Fatalf("plot origins at x=%v, want one x:\n%s", corners, ansi.Strip(h.a.content()))
		}
	}
}
