package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
)

// hasBraille reports whether s holds a braille dot pattern: a drawn line.
func hasBraille(s string) bool {
	for _, r := range s {
		if r > 0x2800 && r <= 0x28ff {
			return true
		}
	}
	return false
}

// statusLine is the screen's status bar: the line above the help line.
func statusLine(view string) string {
	lines := strings.Split(ansi.Strip(view), "\n")
	return lines[len(lines)-2]
}

func TestChartScreenOpensOnTheFocusedPane(t *testing.T) {
	h := newHarness(t, &fakeSource{p: gapParticipant()}, 120, 40)
	h.start()
	h.key("tab") // video
	h.key("enter")
	v := h.a.content()
	for _, want := range []string{"video", "latency send", "latency receive", "19:00", "warn 150"} {
		if !strings.Contains(v, want) {
			t.Errorf("chart screen lacks %q:\n%s", want, v)
		}
	}
	if !hasBraille(v) {
		t.Errorf("no braille line on the chart screen:\n%s", v)
	}
	if s := statusLine(v); !strings.Contains(s, "live · last 85m") {
		t.Errorf("status bar does not say the view is live, over the panes' window: %q", s)
	}
	h.key("esc")
	if v := h.a.content(); !strings.Contains(v, "[video]") || strings.Contains(v, "latency send ") {
		t.Fatalf("esc did not go back to the panes:\n%s", v)
	}
}

// Scrolled back, the view stays put while samples arrive and the status
// bar counts them; end goes live and shows them.
func TestChartScreenScrollBackHoldsTheView(t *testing.T) {
	p := gapParticipant()
	src := &fakeSource{p: p}
	h := newHarness(t, src, 120, 40)
	next := h.start() // the feed's next poll: the charts, a view of the feed, leave it as it is
	h.key("enter")
	h.key("[") // 1h
	h.key("left")
	s := statusLine(h.a.content())
	if !strings.Contains(s, "18:00–19:00") || !strings.Contains(s, "end: live") {
		t.Fatalf("after ←, status %q; want 18:00–19:00 and end: live", s)
	}
	before := h.chart().win
	src.set(withSample(p), nil)
	h.poll(next)
	v := h.a.content()
	if s := statusLine(v); !strings.Contains(s, "18:00–19:00 · 1 new · end: live") {
		t.Fatalf("after a new sample, status %q; want the same view and 1 new", s)
	}
	if start, end := h.chart().win.Range(gapEnd); fmt.Sprint(start, end) != fmt.Sprint(before.Range(gapEnd)) {
		t.Fatalf("the view moved with a new sample: %s-%s", start, end)
	}
	h.key("end")
	if s := statusLine(h.a.content()); !strings.Contains(s, "live · last 1h") || strings.Contains(s, "1 new") {
		t.Fatalf("after end, status %q; want live", s)
	}
}

func TestChartScreenZoomAndScroll(t *testing.T) {
	h := newHarness(t, &fakeSource{p: gapParticipant()}, 120, 40)
	h.start()
	h.key("enter")
	steps := []struct{ key, want string }{
		{"[", "live · last 1h"},
		{"[", "live · last 30m"},
		{"[", "live · last 15m"},
		{"[", "live · last 10m"}, // charts go below the sparklines' floor
		{"]", "live · last 15m"},
		{"left", "19:15–19:30"}, // back a third of the span, to a whole 5 minutes
		{"left", "19:10–19:25"},
		{"]", "18:55–19:25"}, // zoom keeps the right edge
	}
	for _, st := range steps {
		h.key(st.key)
		if s := statusLine(h.a.content()); !strings.Contains(s, st.want) {
			t.Fatalf("after %s: status %q, want %q", st.key, s, st.want)
		}
	}
	h.key("right") // 19:35 is within a step (10m) of the newest sample
	if s := statusLine(h.a.content()); !strings.Contains(s, "live · last 30m") {
		t.Fatalf("→ near the live edge: status %q, want live", s)
	}
}

// ? shows what the marks mean, on the panes and on the charts.
func TestHelpHasTheLegend(t *testing.T) {
	for _, chart := range []bool{false, true} {
		h := newHarness(t, &fakeSource{p: gapParticipant()}, 120, 40)
		h.start()
		if chart {
			h.key("enter")
		}
		h.key("?")
		v := ansi.Strip(h.a.content())
		for _, want := range []string{"* over warn", "! over critical", "- no reading", "no sample in that time",
			"the worst", "top 300ms: the scale's top, not a limit", "━ critical", "Limits, warn:critical: latency=150:300ms"} {
			if !strings.Contains(v, want) {
				t.Errorf("chart screen %v: the help lacks %q:\n%s", chart, want, v)
			}
		}
		if lines := strings.Split(h.a.content(), "\n"); len(lines) != 40 {
			t.Errorf("chart screen %v: %d lines with the help, want 40", chart, len(lines))
		}
	}
}

// tab on the chart screen moves to the next medium's charts and keeps
// the view where the user put it; t restyles the charts too.
func TestChartScreenTabKeepsTheView(t *testing.T) {
	h := newHarness(t, &fakeSource{p: gapParticipant()}, 120, 40, func(c *Config) { c.Profile = colorprofile.ANSI256 })
	h.start()
	h.key("enter")
	h.key("[")
	h.key("left")
	h.key("tab")
	v := ansi.Strip(h.a.content())
	if !strings.Contains(v, "video · latency") || !strings.Contains(statusLine(v), "18:00–19:00 · end: live") {
		t.Fatalf("tab: want the video charts over the same view:\n%s", v)
	}
	before := h.a.content()
	h.key("t")
	if after := h.a.content(); after == before || ansi.Strip(after) != ansi.Strip(before) {
		t.Fatal("t did not restyle the charts, or changed more than colours")
	}
}

// --ascii keeps the chart screen and its help, legend included, to ASCII.
func TestChartScreenASCIIHelp(t *testing.T) {
	h := newHarness(t, &fakeSource{p: gapParticipant()}, 120, 40, func(c *Config) { c.ASCII = true })
	h.start()
	h.key("enter")
	h.key("?")
	v := h.a.content()
	if !strings.Contains(v, "top 300ms") || !strings.Contains(v, "= critical") {
		t.Fatalf("no ASCII legend in the help:\n%s", v)
	}
	for i, r := range v {
		if r > 0x7e {
			t.Fatalf("--ascii help drew %q at byte %d:\n%s", r, i, v)
		}
	}
}

// A failed poll on the chart screen says so in a line above the help and
// keeps the charts.
func TestChartScreenShowsTheError(t *testing.T) {
	p := gapParticipant()
	src := &fakeSource{p: p}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	h.key("enter")
	src.set(model.Participant{}, serverError())
	h.poll(next)
	v := ansi.Strip(h.a.content())
	lines := strings.Split(v, "\n")
	if len(lines) != 40 || !strings.HasPrefix(lines[len(lines)-3], "error: ") || !strings.Contains(v, "latency send") {
		t.Fatalf("want the charts, an error line and the status bar in 40 rows:\n%s", v)
	}
}

func (h *harness) chart() *chartScreen { return screenOf[*chartScreen](h) }

// Opening the charts costs no request and starts no chain: they are a
// view of the participant's feed, whose one chain polls on as it was
// due; the answer lands in the one history, the charts show it, and esc
// shows the panes with it.
func TestChartScreenPollsOnTheWatchScreensSchedule(t *testing.T) {
	p := gapParticipant()
	src := &fakeSource{p: p}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	calls := src.callCount()
	if out := h.key("enter"); src.callCount() != calls || len(out) != 0 {
		t.Fatalf("opening the charts fetched or scheduled: %d calls, was %d; messages %#v", src.callCount(), calls, out)
	}
	src.set(withSample(p), nil)
	h.poll(next)
	if v := statusLine(h.a.content()); !strings.Contains(v, "newest 19:40:00") {
		t.Fatalf("the charts do not show the feed's new sample: %q", v)
	}
	if src.callCount() != calls+1 || h.watch().hist.Len() != len(p.Samples)+1 {
		t.Fatalf("the chart screen's poll: %d calls (want %d), history %d (want %d)", src.callCount(), calls+1, h.watch().hist.Len(), len(p.Samples)+1)
	}
	h.key("esc")
	if v := h.a.content(); !strings.Contains(v, "newest 19:40:00") || !strings.Contains(v, "[audio]") {
		t.Fatalf("back on the panes, the new sample is not shown:\n%s", v)
	}
}

// The chart screen fills every size from the minimum up exactly, with
// and without the help, and says so below the minimum.
func TestChartScreenEverySizeFits(t *testing.T) {
	h := newHarness(t, &fakeSource{p: gapParticipant()}, 120, 40)
	h.start()
	h.key("enter")
	for _, help := range []bool{false, true} {
		if help {
			h.key("?")
		}
		for w := minWidth; w <= 210; w += 15 {
			for ht := minHeight; ht <= 64; ht += 4 {
				h.resize(w, ht)
				lines := strings.Split(h.a.content(), "\n")
				if len(lines) != ht {
					t.Fatalf("help %v, %dx%d: %d lines:\n%s", help, w, ht, len(lines), h.a.content())
				}
				for i, l := range lines {
					if lw := ansi.StringWidth(l); lw > w {
						t.Fatalf("help %v, %dx%d: line %d is %d wide:\n%s", help, w, ht, i, lw, h.a.content())
					}
				}
			}
		}
	}
	h.resize(minWidth-1, minHeight)
	if got := h.a.content(); !strings.HasPrefix(got, "terminal too small") {
		t.Fatalf("below the minimum the chart screen is %q", got)
	}
}
