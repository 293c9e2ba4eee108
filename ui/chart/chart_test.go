package chart

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// Every size, down to nothing, gives exactly that many cells and never
// panics: a terminal can be resized to anything.
func TestEverySizeFits(t *testing.T) {
	for _, ascii := range []bool{false, true} {
		for _, w := range []int{0, 1, 2, 5, 19, 20, 21, 33, 57, 80} {
			for h := 0; h <= 30; h++ {
				m := fixtureChart(w, h, time.Hour, ascii)
				out := m.View()
				if w == 0 || h == 0 {
					if out != "" {
						t.Fatalf("%dx%d: %q, want nothing", w, h, out)
					}
					continue
				}
				requireSize(t, plain(t, out), w, h)
			}
		}
	}
}

// View with nothing changed is the cached string; a setter given what
// the chart already has does not throw the cache away, and one given
// something new does.
func TestViewIsCached(t *testing.T) {
	m := fixtureChart(120, 40, 3*time.Hour, false)
	first := m.View()
	m.SetSize(120, 40)
	m.SetASCII(false)
	m.SetLocation(time.UTC)
	m.SetThresholds(model.DefaultThresholds())
	m.SetCadence(model.ZoomCadence)
	m.SetView(fixEnd.Add(-3*time.Hour), fixEnd)
	if !m.fresh {
		t.Fatal("setters with unchanged values marked the chart for a rebuild")
	}
	if m.View() != first {
		t.Fatal("unchanged View differs")
	}
	for name, change := range map[string]func(){
		"size":       func() { m.SetSize(100, 30) },
		"ascii":      func() { m.SetASCII(true) },
		"zone":       func() { m.SetLocation(time.FixedZone("X", 3600)) },
		"view":       func() { m.SetView(fixEnd.Add(-time.Hour), fixEnd) },
		"cadence":    func() { m.SetCadence(3 * time.Second) },
		"styles":     func() { m.SetStyles(Styles{}) },
		"data":       func() { m.SetData(fixture(60)) },
		"thresholds": func() { th := model.DefaultThresholds(); th[model.Latency].Warn = 100; m.SetThresholds(th) },
	} {
		m.View()
		change()
		if m.fresh {
			t.Errorf("changing the %s did not mark the chart for a rebuild", name)
		}
	}
}

// A reading drawn by ntcharts lands on the row rowOf says, so threshold
// lines and labels sit where data of their value does.
func TestRowOfMatchesNtcharts(t *testing.T) {
	for _, h := range []int{12, 23, 40} {
		for _, v := range []float64{0, 20, 75, 150, 199, 200} {
			m := New(model.LatencyField)
			m.SetLocation(time.UTC)
			m.SetSize(80, h)
			m.SetView(fixEnd.Add(-time.Hour), fixEnd)
			var pts []model.Point
			for i := range 61 {
				pts = append(pts, model.Point{Time: fixEnd.Add(-time.Duration(60-i) * time.Minute), V: model.Some(v)})
			}
			m.SetData(pts, nil)
			m.View()
			p := m.panels[model.Send]
			f := m.frame()
			want := p.rowOf(&f, v)
			onRow, cols := 0, p.w-p.lc.Origin().X-1
			for y := range p.lc.GraphHeight() {
				for x := p.lc.Origin().X + 1; x < p.w; x++ {
					if r := p.cell(x, y).Rune; r >= 0x2800 && r <= 0x28ff {
						if y != want {
							t.Fatalf("h=%d v=%g: braille at row %d, rowOf says %d", h, v, y, want)
						}
						onRow++
					}
				}
			}
			// A flat hour across the whole view is a line across the plot:
			// nothing drawn would pass the check above.
			if onRow < cols*3/4 {
				t.Fatalf("h=%d v=%g: %d of %d columns drawn on row %d", h, v, onRow, cols, want)
			}
		}
	}
}

func TestRunsBreakAtGaps(t *testing.T) {
	at := func(m int) time.Time { return fixEnd.Add(time.Duration(m) * time.Minute) }
	pts := []model.Point{
		{Time: at(-70), V: model.Some(1)}, // before the view and its neighbour: not drawn
		{Time: at(-62), V: model.Some(1)}, // the neighbour that carries the line in
		{Time: at(-59), V: model.Some(2)}, // 3 minutes later: a gap
		{Time: at(-58), V: model.Some(3)},
		{Time: at(-57), V: model.None}, // absent: a gap
		{Time: at(-56), V: model.Some(math.NaN())},
		{Time: at(-55), V: model.Some(4)},
		{Time: at(-54), V: model.Some(math.Inf(1))},
		{Time: at(-53), V: model.Some(-3)}, // below 0 is drawn at 0
		{Time: at(-52), V: model.Some(1e300)},
		{Time: at(1), V: model.Some(6)}, // the neighbour after the view
		{Time: at(2), V: model.Some(7)}, // not drawn
	}
	f := frame{start: at(-60), end: at(0), gapAfter: 90 * time.Second}
	var got [][]float64
	forRuns(pts, &f, func(run []model.Point) {
		var vs []float64
		for _, p := range run {
			vs = append(vs, p.V.V)
		}
		got = append(got, vs)
	})
	want := [][]float64{{1}, {2, 3}, {4}, {0, maxDrawable}, {6}}
	if len(got) != len(want) {
		t.Fatalf("runs %v, want %v", got, want)
	}
	for i := range want {
		if len(got[i]) != len(want[i]) {
			t.Fatalf("runs %v, want %v", got, want)
		}
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Fatalf("runs %v, want %v", got, want)
			}
		}
	}
}

// Whatever the network sends (NaN, Inf, absurd, negative, repeated and
// out-of-order times), drawing finishes: ntcharts hangs on NaN.
func TestHostileReadingsDraw(t *testing.T) {
	var pts []model.Point
	vals := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1e308, -1e308, -5, 0, 5e-324, 42}
	for i := range 300 {
		pts = append(pts, model.Point{Time: fixEnd.Add(-time.Duration(300-i*(i%3)) * time.Minute), V: model.Some(vals[i%len(vals)])})
	}
	done := make(chan string, 1)
	go func() {
		m := New(model.BitrateField)
		m.SetSize(120, 40)
		m.SetView(fixEnd.Add(-6*time.Hour), fixEnd)
		m.SetData(pts, pts)
		done <- m.View()
	}()
	select {
	case out := <-done:
		requireSize(t, plain(t, out), 120, 40)
	case <-time.After(10 * time.Second):
		t.Fatal("drawing hostile readings did not finish")
	}
}

// A stream that stopped shows "now -", never 0; a view with no readings
// says so; a direction without traffic gets no panel.
func TestTitleSaysWhatIsKnown(t *testing.T) {
	send, _ := fixture(fixMinutes)
	send = append(send, model.Point{Time: fixEnd.Add(time.Minute)}) // the stream is gone
	m := New(model.LatencyField)
	m.SetLocation(time.UTC)
	m.SetSize(100, 20)
	m.SetView(fixEnd.Add(-time.Hour), fixEnd.Add(time.Minute))
	m.SetData(send, nil)
	out := plain(t, m.View())
	if !strings.HasPrefix(out, "latency send  now -  min ") {
		t.Errorf("title of a stopped stream: %q", strings.SplitN(out, "\n", 2)[0])
	}
	if strings.Contains(out, "receive") {
		t.Error("a direction without traffic got a panel")
	}
	m.SetView(fixEnd.Add(5*time.Hour), fixEnd.Add(6*time.Hour))
	if out := plain(t, m.View()); !strings.Contains(out, "no readings in view") {
		t.Errorf("an empty view does not say so: %q", strings.SplitN(out, "\n", 2)[0])
	}
	m.SetData(nil, nil)
	if out := plain(t, m.View()); !strings.HasPrefix(out, "no latency readings") {
		t.Errorf("no data at all: %q", strings.SplitN(out, "\n", 2)[0])
	}
	// Narrow, the legend goes first and the newest reading stays.
	m.SetData(fixture(fixMinutes))
	m.SetView(fixEnd.Add(-time.Hour), fixEnd)
	m.SetSize(40, 20)
	if first := strings.SplitN(plain(t, m.View()), "\n", 2)[0]; !strings.HasPrefix(first, "latency send  now 81 ms") || strings.Contains(first, "warn") {
		t.Errorf("narrow title: %q", first)
	}
}

// A loss that wiggles between 0 and 0.06 % draws as one flat line on the
// baseline of the 0-5 % scale, at every golden size.
func TestLossWiggleIsFlat(t *testing.T) {
	wiggle := []float64{0, 0.01, 0.06, 0.02, 0, 0.05, 0.03, 0.06, 0.01, 0}
	var pts []model.Point
	for i := range 180 {
		pts = append(pts, model.Point{Time: fixEnd.Add(-time.Duration(179-i) * time.Minute), V: model.Some(wiggle[i%len(wiggle)])})
	}
	for _, sz := range goldenSizes {
		m := New(model.AvgLossField)
		m.SetLocation(time.UTC)
		m.SetSize(sz[0], sz[1])
		m.SetView(fixEnd.Add(-3*time.Hour), fixEnd)
		m.SetData(nil, pts)
		m.View()
		p := m.panels[model.Receive]
		f := m.frame()
		if f.scale.Top != 5 {
			t.Fatalf("%dx%d: loss scale tops at %g, want 5", sz[0], sz[1], f.scale.Top)
		}
		rows := map[int]bool{}
		for y := range p.lc.GraphHeight() {
			for x := p.lc.Origin().X + 1; x < p.w; x++ {
				if r := p.cell(x, y).Rune; r >= 0x2800 && r <= 0x28ff {
					rows[y] = true
				}
			}
		}
		if len(rows) != 1 || !rows[p.rowOf(&f, 0)] {
			t.Errorf("%dx%d: the wiggle spans rows %v, want only the baseline row %d", sz[0], sz[1], rows, p.rowOf(&f, 0))
		}
	}
}

// Colour follows what a cell shows: the send line in Send's colour, the
// receive line in Receive's, thresholds, axes and labels in theirs.
func TestColoursByRole(t *testing.T) {
	out := fixtureChart(80, 24, 3*time.Hour, false).View()
	send, receive, _ := strings.Cut(out, "latency receive")
	for _, tc := range []struct {
		part, name, seq, glyphs string
	}{
		{send, "send line", "\x1b[38;5;39m", "⡄⡇⢇⢸⠔⠒"},
		{receive, "receive line", "\x1b[38;5;213m", "⡤⡇⢸⠉⠒"},
		{send, "critical line", "\x1b[38;5;196m", "━"},
		{send, "warn line", "\x1b[38;5;214m", "╌"},
		{send, "axis", "\x1b[38;5;240m", "│└┤┬"},
		{send, "labels", "\x1b[38;5;250m", "0123456789:"},
	} {
		i := strings.Index(tc.part, tc.seq)
		if i < 0 {
			t.Errorf("%s: no %q in the output", tc.name, tc.seq)
			continue
		}
		rest := []rune(tc.part[i+len(tc.seq):])
		if len(rest) == 0 || !strings.ContainsRune(tc.glyphs, rest[0]) {
			t.Errorf("%s: %q is followed by %q, want one of %q", tc.name, tc.seq, string(rest[:min(len(rest), 3)]), tc.glyphs)
		}
	}
}
