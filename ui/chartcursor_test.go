package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
)

func init() {
	keyEffects["Cursor"] = func(t *testing.T, h *harness, k string) {
		h.key("enter")
		h.key(k)
		if v := ansi.Strip(h.a.content()); !strings.Contains(v, "latency send  ┊ 19:39 ") || !strings.Contains(v, "esc hide cursor") {
			t.Fatalf("%s did not show the cursor on the newest sample:\n%s", k, v)
		}
		h.key(k)
		if v := ansi.Strip(h.a.content()); strings.Contains(v, "┊") || !h.chart().atRest() {
			t.Fatalf("%s again did not hide it:\n%s", k, v)
		}
	}
	far := func(back bool) func(t *testing.T, h *harness, k string) {
		return func(t *testing.T, h *harness, k string) {
			h.key("enter") // the call and a column, 41m: a tenth, 4m06s, reaches the sample 5m away
			h.key("c")
			if !back {
				for range 30 {
					h.key("left")
				}
			}
			before := h.chart().cursor
			h.key(k)
			moved := h.chart().cursor.Sub(before)
			if back && moved != -5*time.Minute || !back && moved != 5*time.Minute {
				t.Fatalf("%s moved the cursor by %s, want a tenth of the 41m view, to a sample: 5m", k, moved)
			}
		}
	}
	keyEffects["FarEarlier"], keyEffects["FarLater"] = far(true), far(false)
}

// titleOf is the title line of the panel named (e.g. "latency send").
func titleOf(t *testing.T, view, panel string) string {
	t.Helper()
	for _, l := range strings.Split(ansi.Strip(view), "\n") {
		if strings.HasPrefix(l, panel+"  ") {
			return l
		}
	}
	t.Fatalf("no %q panel:\n%s", panel, ansi.Strip(view))
	return ""
}

// gapLatency is the gap call's audio latency at t in direction d, as a
// title writes it.
func gapLatency(t *testing.T, at time.Time, d model.Direction) string {
	t.Helper()
	for _, s := range gapParticipant().Samples {
		if s.Time.Equal(at) {
			return strconv.FormatFloat(s.Streams[model.StreamKey{Media: model.Audio, Dir: d}].LatencyMS.V, 'f', -1, 64)
		}
	}
	t.Fatalf("no sample at %s", at)
	return ""
}

// The cursor starts on the newest sample and reads, on each panel, the
// very sample under it: time, value, unit and level; in the hole it
// reads "no sample" on both.
func TestChartCursorReadsTheSampleUnderIt(t *testing.T) {
	h := newHarness(t, &fakeSource{p: gapParticipant()}, 120, 40)
	h.start()
	h.key("enter")
	h.key("[") // 1h
	h.key("c")
	check := func(at time.Time, marker string) {
		t.Helper()
		v := h.a.content()
		hm := at.Format("15:04")
		for _, d := range []model.Direction{model.Send, model.Receive} {
			want := "┊ " + hm + " " + gapLatency(t, at, d) + " ms"
			if d == model.Send {
				want += marker
			}
			if l := titleOf(t, v, "latency "+d.String()); !strings.Contains(l, want+"  now ") {
				t.Errorf("cursor at %s: title %q, want %q", hm, l, want)
			}
		}
	}
	check(gapEnd, "")
	for range 14 {
		h.key("left")
	}
	check(gapSpike, " !") // 420 ms, over the 300 ms critical line
	for range 6 {
		h.key("left")
	}
	v := h.a.content()
	for _, d := range []string{"send", "receive"} {
		if l := titleOf(t, v, "latency "+d); !strings.Contains(l, "┊ 19:19 no sample  now ") {
			t.Errorf("in the hole: title %q, want \"19:19 no sample\"", l)
		}
	}
	if s := statusLine(v); !strings.Contains(s, "live · last 1h") {
		t.Errorf("moving the cursor inside the view scrolled it: %q", s)
	}
}

// A step past the view's left edge scrolls it back a step, as ← does
// without the cursor; end goes live with the cursor on the newest.
func TestChartCursorScrollsAtTheEdge(t *testing.T) {
	h := newHarness(t, &fakeSource{p: gapParticipant()}, 120, 40)
	h.start()
	h.key("enter")
	h.key("[") // 1h: 18:39-19:39
	h.key("c")
	for range 60 {
		h.key("left")
	}
	if s := statusLine(h.a.content()); !strings.Contains(s, "live · last 1h") {
		t.Fatalf("at 18:39, the view's left edge, status %q, want still live", s)
	}
	h.key("left")
	v := h.a.content()
	if s := statusLine(v); !strings.Contains(s, "18:00–19:00") || !strings.Contains(s, "end: live") {
		t.Fatalf("a step past the edge: status %q, want the view scrolled back to 18:00–19:00", s)
	}
	if l := titleOf(t, v, "latency send"); !strings.Contains(l, "┊ 18:38 ") {
		t.Fatalf("after scrolling, title %q, want the cursor at 18:38", l)
	}
	if strings.Count(ansi.Strip(v), "┊") < 20 {
		t.Fatalf("the cursor's line is not in the scrolled view:\n%s", ansi.Strip(v))
	}
	h.key("end")
	v = h.a.content()
	if s := statusLine(v); !strings.Contains(s, "live · last 1h") || !strings.Contains(titleOf(t, v, "latency send"), "┊ 19:39 ") {
		t.Fatalf("end: status %q, title %q; want live on the newest sample", s, titleOf(t, v, "latency send"))
	}
}

// Zooming in keeps the cursor in view: the view scrolls back to it.
func TestChartCursorZoomKeepsItInView(t *testing.T) {
	h := newHarness(t, &fakeSource{p: gapParticipant()}, 120, 40)
	h.start()
	h.key("enter")
	h.key("[") // 1h
	h.key("c")
	for range 20 {
		h.key("left") // 19:19, in the hole
	}
	h.key("[") // 30m: 19:09-19:39 would still hold it
	h.key("[") // 15m: it would not
	start, end := h.chart().win.Range(h.chart().newest)
	if c := h.chart().cursor; c.Before(start) || c.After(end) || !c.Equal(gapEnd.Add(-20*time.Minute)) {
		t.Fatalf("cursor %s, view %s-%s: zooming in lost it", c, start, end)
	}
}

// esc hides the cursor first, and only then leaves the charts; c
// toggles it, and with it off the screen is as it was.
func TestChartCursorEscHidesThenLeaves(t *testing.T) {
	h := newHarness(t, &fakeSource{p: gapParticipant()}, 120, 40)
	h.start()
	h.key("enter")
	before := h.a.content()
	h.key("c")
	h.key("esc")
	if h.a.top().name() != "chart" || h.a.content() != before {
		t.Fatalf("esc with the cursor on: on %q; want the charts as before the cursor:\n%s", h.a.top().name(), ansi.Strip(h.a.content()))
	}
	h.key("c")
	h.key("?")
	h.key("esc") // closes the help first
	h.key("esc") // then the cursor
	if h.a.top().name() != "chart" || !h.chart().cursor.IsZero() {
		t.Fatalf("esc, esc with help and cursor: on %q, cursor %s", h.a.top().name(), h.chart().cursor)
	}
	h.key("esc")
	if h.a.top().name() != "watch" {
		t.Fatalf("the third esc: on %q, want the panes", h.a.top().name())
	}
}

// Calm: a key that cannot move the cursor (→ on the newest sample)
// rebuilds nothing; a new sample moves a cursor on the newest with it,
// as "now" moves, and leaves one on an older sample where it was.
func TestChartCursorIsCalmAndFollowsTheNewest(t *testing.T) {
	p := gapParticipant()
	src := &fakeSource{p: p}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	h.key("enter")
	h.key("c")
	builds := h.chart().builds
	h.key("right")
	if h.chart().builds != builds {
		t.Fatal("→ at the newest sample redrew the screen")
	}
	src.set(withSample(p), nil)
	next = h.poll(next)
	if c := h.chart().cursor; !c.Equal(gapEnd.Add(time.Minute)) {
		t.Fatalf("the cursor on the newest sample stayed at %s when a new one came", c)
	}
	h.key("left")
	src.set(withSample(withSample(p)), nil)
	h.poll(next)
	if c := h.chart().cursor; !c.Equal(gapEnd) {
		t.Fatalf("the cursor on an older sample moved to %s", c)
	}
}

// With --ascii the cursor is a column of '|', its titles and help are
// ASCII, and nothing on screen is not.
func TestChartCursorASCII(t *testing.T) {
	h := newHarness(t, &fakeSource{p: gapParticipant()}, 80, 24, func(c *Config) { c.ASCII = true })
	h.start()
	h.key("enter")
	h.key("c")
	v := h.a.content()
	if c := nonASCII(v); c != "" {
		t.Fatalf("--ascii drew %q:\n%s", c, v)
	}
	if !strings.Contains(ansi.Strip(v), "latency send  | 19:39 ") || !strings.Contains(v, "esc hide cursor") {
		t.Fatalf("--ascii: no cursor reading or help:\n%s", ansi.Strip(v))
	}
}
