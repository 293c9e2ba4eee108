package chart

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// A marker in view is a dashed line through the graph's empty cells and
// a glyph on the x axis, in the column its time falls in, in both
// panels; the cursor on the sample nearest it reads its note; one newer
// than every sample sits at a live view's end, and nowhere in a view
// scrolled back; ASCII draws it with ':' and 'M'.
func TestMarkersOnTheChart(t *testing.T) {
	at := fixSpike.Add(20 * time.Second)
	m := fixtureChart(120, 40, time.Hour, false)
	m.SetMarkers([]model.Marker{{At: at, Note: "user reported audio cutting out"}})
	v := plain(t, m.View())
	requireSize(t, v, 120, 40)
	for _, l := range strings.Split(v, "\n") {
		if i := strings.Index(l, "└"); i >= 0 && !strings.ContainsRune(l[i:], '◆') {
			t.Fatalf("no marker on the x axis: %q", l)
		}
	}
	if n := strings.Count(v, "◆"); n != 2 || !strings.Contains(v, "╎") {
		t.Fatalf("%d marker glyphs on the axes (want 2, one a panel) and a line %v:\n%s", n, strings.Contains(v, "╎"), v)
	}
	m.SetCursor(fixSpike)
	if v = plain(t, m.View()); strings.Count(v, "◆ user reported audio cutting out") != 2 {
		t.Fatalf("the cursor on the marker's minute does not read its note in both titles:\n%s", v)
	}
	m.SetCursor(fixSpike.Add(-2 * time.Minute))
	if v = plain(t, m.View()); strings.Contains(v, "user reported") {
		t.Fatalf("the cursor two minutes off reads the marker:\n%s", v)
	}

	m.SetCursor(time.Time{})
	m.SetMarkers([]model.Marker{{At: fixEnd.Add(90 * time.Second), Note: "just now"}})
	if v = plain(t, m.View()); strings.Count(v, "◆") != 2 {
		t.Fatalf("a marker newer than every sample is not at the live view's end:\n%s", v)
	}
	m.SetView(fixEnd.Add(-61*time.Minute), fixEnd.Add(-time.Minute))
	if v = plain(t, m.View()); strings.Contains(v, "◆") || strings.Contains(v, "╎") {
		t.Fatalf("a view scrolled back a minute shows the newest marker at its end:\n%s", v)
	}

	a := fixtureChart(120, 40, time.Hour, true)
	a.SetMarkers([]model.Marker{{At: at, Note: "x"}})
	if v = plain(t, a.View()); !strings.Contains(v, "M") || strings.ContainsRune(v, '◆') {
		t.Fatalf("--ascii draws the marker outside ASCII, or not at all:\n%s", v)
	}
}
