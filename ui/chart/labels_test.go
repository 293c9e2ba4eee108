package chart

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// At every height, a row that holds the critical line is labelled 300 or
// not at all: on a short graph 300 and the tick 250 round to one row,
// and "250" beside the line would misread the threshold.
func TestThresholdRowIsNotMislabelled(t *testing.T) {
	for _, ascii := range []bool{false, true} {
		crit := "━"
		if ascii {
			crit = "="
		}
		for h := MinHeight(2); h <= 40; h++ {
			out := plain(t, fixtureChart(80, h, 3*time.Hour, ascii).View())
			for _, l := range strings.Split(out, "\n") {
				if strings.Count(l, crit) < 20 {
					continue
				}
				label := strings.TrimSpace(strings.TrimRight(l[:strings.IndexAny(l, "┤│+|")], " "))
				if label != "" && label != "300" {
					t.Errorf("ascii %v, height %d: the critical line's row is labelled %q:\n%s", ascii, h, label, out)
				}
			}
		}
	}
}

// A window of a minute, the demo's, gets x labels with seconds every few
// ticks (10 or 15 s apart at 100 columns), not one label for the view.
func TestShortWindowLabelsEveryFewSeconds(t *testing.T) {
	out := plain(t, fixtureChart(100, 24, time.Minute, false).View())
	secs := regexp.MustCompile(`\b19:44:[0-5]\d\b`)
	var labels []string
	for _, l := range strings.Split(out, "\n") {
		if m := secs.FindAllString(l, -1); len(m) > len(labels) {
			labels = m
		}
	}
	if len(labels) < 4 {
		t.Fatalf("a one-minute view has x labels %q, want one every 10-15 s:\n%s", labels, out)
	}
	a, _ := time.Parse("15:04:05", labels[0])
	b, _ := time.Parse("15:04:05", labels[1])
	if d := b.Sub(a); d != 10*time.Second && d != 15*time.Second {
		t.Errorf("labels %s apart (%q), want 10 or 15 s", d, labels)
	}
}

// Charts stacked on one screen with y labels of different widths (500 ms
// over 5 %) share one plot origin once given the widest label width:
// the y axis is in one column in both.
func TestStackedChartsShareAnOrigin(t *testing.T) {
	lat := fixtureChart(100, 14, time.Hour, false)
	loss := New(model.AvgLossField)
	loss.SetLocation(time.UTC)
	loss.SetSize(100, 14)
	loss.SetView(fixEnd.Add(-time.Hour), fixEnd)
	send, _ := fixture(fixMinutes)
	pct := make([]model.Point, len(send))
	for i, p := range send {
		pct[i] = model.Point{Time: p.Time, V: model.Some(p.V.V / 100)}
	}
	loss.SetData(pct, nil)
	axisX := func(m *Model) int {
		for _, l := range strings.Split(plain(t, m.View()), "\n") {
			if i := strings.IndexRune(l, '└'); i >= 0 {
				return len([]rune(l[:i]))
			}
		}
		t.Fatal("no x axis")
		return 0
	}
	if a, b := lat.LabelWidth(), loss.LabelWidth(); a == b {
		t.Fatalf("the fixture's label widths are both %d: nothing to line up", a)
	}
	w := max(lat.LabelWidth(), loss.LabelWidth())
	lat.SetLabelWidth(w)
	loss.SetLabelWidth(w)
	if a, b := axisX(lat), axisX(loss); a != b {
		t.Errorf("the y axes are at x=%d and x=%d, want one column", a, b)
	}
}

// The join and the leave are marked on the x axis where they fall, in
// Unicode and ASCII, and nowhere when outside the view.
func TestJoinAndLeaveMarkedOnTheAxis(t *testing.T) {
	for ascii, want := range map[bool][2]string{false: {"▲", "▼"}, true: {"^", "v"}} {
		m := fixtureChart(100, 24, time.Hour, ascii)
		m.SetCall(fixEnd.Add(-40*time.Minute), fixEnd.Add(-10*time.Minute))
		axis := ""
		for _, l := range strings.Split(plain(t, m.View()), "\n") {
			if strings.ContainsAny(l, "└") || ascii && strings.HasPrefix(strings.TrimSpace(l), "+") {
				axis = l
				break
			}
		}
		j, l := strings.Index(axis, want[0]), strings.Index(axis, want[1])
		if j < 0 || l < 0 || j >= l {
			t.Errorf("ascii=%v: the x axis does not mark the join before the leave: %q", ascii, axis)
		}
		m.SetCall(fixEnd.Add(-3*time.Hour), time.Time{})
		if out := plain(t, m.View()); strings.Contains(out, want[0]) && !ascii {
			t.Errorf("a join before the view is marked:\n%s", out)
		}
	}
}

// Every panel's title states both limits with their unit, even where
// the readings are low and the scale stops below them (so no line is
// drawn): "412" means little without "crit 300 ms" (issue 17 item 9).
func TestTitleStatesTheLimits(t *testing.T) {
	for _, view := range []time.Duration{10 * time.Minute, 3 * time.Hour} {
		out := plain(t, fixtureChart(80, 24, view, false).View())
		titles := 0
		for _, l := range strings.Split(out, "\n") {
			if !strings.HasPrefix(l, "latency ") {
				continue
			}
			titles++
			if !strings.Contains(l, "╌ warn 150  ━ crit 300 ms") {
				t.Errorf("view %v: the title does not state the limits: %q", view, l)
			}
		}
		if titles != 2 {
			t.Errorf("view %v: %d panel titles, want 2:\n%s", view, titles, out)
		}
	}
}
