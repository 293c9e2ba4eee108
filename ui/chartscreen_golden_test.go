package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Goldens of the gap call (three hours, a 10-minute hole at 19:10-19:19,
// a 420 ms audio latency spike at 19:25, a 0-0.06 % audio receive loss
// wiggle): the watch screen and the audio chart screen at every size, in
// Unicode and --ascii, and the chart screen with its cursor on the spike. Regenerate with go test ./ui -run TestGoldenGap
// -update and read each: the hole must be a gap at one place in every
// pane and chart, the spike above the critical line, the wiggle flat.
func TestGoldenGap(t *testing.T) {
	for _, ascii := range []bool{false, true} {
		mode := map[bool]string{false: "unicode", true: "ascii"}[ascii]
		for _, sz := range goldenSizes {
			for _, screen := range []string{"watch", "chart", "cursor"} {
				t.Run(fmt.Sprintf("%s_%s_%dx%d", screen, mode, sz[0], sz[1]), func(t *testing.T) {
					h := newHarness(t, &fakeSource{p: gapParticipant()}, sz[0], sz[1], func(c *Config) { c.ASCII = ascii })
					h.start()
					switch screen {
					case "chart":
						h.key("enter")
					case "cursor": // on the spike, 14 samples before the newest
						h.key("enter")
						h.key("c")
						for range 14 {
							h.key("left")
						}
					default:
						h.key("]") // at 80x24 the default 30m window would not reach back to the hole
					}
					v := h.a.content()
					if ascii {
						for i, r := range v {
							if r > 0x7e || (r < 0x20 && r != '\n') {
								t.Fatalf("--ascii drew %q at byte %d:\n%s", r, i, v)
							}
						}
					}
					requireScreen(t, v, sz[0], sz[1])
				})
			}
		}
	}
}

// sparkRows are the watch screen's compact and full sparkline rows,
// keyed by pane and label, with the x of each column.
func sparkColumns(t *testing.T, view string) map[string][]rune {
	t.Helper()
	rows := map[string][]rune{}
	pane := ""
	for _, l := range strings.Split(ansi.Strip(view), "\n") {
		for _, p := range []string{"audio", "video", "screen share"} {
			if strings.Contains(l, "─"+p+"─") || strings.Contains(l, " "+p+" ") || strings.Contains(l, "["+p+"]") {
				pane = p
			}
		}
		r := []rune(l)
		if len(r) < 2 || r[0] != '│' {
			continue
		}
		label := strings.Fields(string(r[1:]))
		if len(label) > 0 && strings.ContainsAny(l, "▁▂▃▄▅▆▇█") {
			rows[pane+" "+label[0]+fmt.Sprint(len(rows))] = r
		}
	}
	return rows
}

// The hole (19:10-19:19, no sample) is a gap in every sparkline of every
// pane, in the same columns; the columns either side hold bars.
func TestHoleIsOneGapInEveryPane(t *testing.T) {
	h := newHarness(t, &fakeSource{p: gapParticipant()}, 120, 40)
	h.start()
	g := h.watch().geo.Grid
	x0 := 1 + h.watch().geo.Label + 1
	var hole []int
	for c := range g.Width() {
		s := g.ColumnStart(c)
		if !s.Before(gapHole[0]) && !s.Add(g.Span()).After(gapHole[1]) {
			hole = append(hole, x0+c)
		}
	}
	if len(hole) < 2 {
		t.Fatalf("the grid (%s a column) has %d columns inside the hole", g.Span(), len(hole))
	}
	rows := sparkColumns(t, h.a.content())
	if len(rows) < 8 {
		t.Fatalf("found %d sparkline rows:\n%s", len(rows), h.a.content())
	}
	for name, r := range rows {
		for _, x := range hole {
			if r[x] != ' ' {
				t.Errorf("%s: column %d (in the hole) is %q, want a gap:\n%s", name, x, r[x], string(r))
			}
		}
		if r[hole[0]-2] == ' ' || r[hole[len(hole)-1]+2] == ' ' {
			t.Errorf("%s: no bars either side of the hole:\n%s", name, string(r))
		}
	}
}

// A loss that wiggles between 0 and 0.06 % draws flat: every bar the
// lowest, on a scale of 0-5 %.
func TestLossWiggleDrawsFlat(t *testing.T) {
	h := newHarness(t, &fakeSource{p: gapParticipant()}, 120, 40)
	h.start()
	lines := strings.Split(ansi.Strip(h.a.content()), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "│receive") || !strings.Contains(lines[i+3], "loss") {
			continue
		}
		loss := lines[i+3]
		if !strings.Contains(loss, "top 5%") || strings.ContainsAny(loss, "▂▃▄▅▆▇█") || !strings.Contains(loss, "▁") {
			t.Fatalf("the 0.06 %% wiggle is not drawn flat on a 5 %% scale: %q", loss)
		}
		return
	}
	t.Fatalf("no audio receive loss row:\n%s", h.a.content())
}

// On the chart screen the 420 ms spike is drawn above the critical line
// (300 ms), at 19:25, and nothing else is.
func TestSpikeAboveCriticalLine(t *testing.T) {
	h := newHarness(t, &fakeSource{p: gapParticipant()}, 120, 40)
	h.start()
	h.key("enter")
	h.key("[") // 1h, so one column is a minute or so
	lines := strings.Split(ansi.Strip(h.a.content()), "\n")
	crit := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "latency receive") {
			break
		}
		if crit < 0 && strings.Count(l, "━") > 20 {
			crit = i
		}
	}
	if crit < 0 {
		t.Fatalf("no critical line in the send panel:\n%s", strings.Join(lines, "\n"))
	}
	above := 0
	for _, l := range lines[2:crit] {
		if hasBraille(l) {
			above++
		}
	}
	if above == 0 {
		t.Fatalf("the 420 ms spike is not drawn above the critical line (row %d):\n%s", crit, strings.Join(lines, "\n"))
	}
}
