package chart

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/qostop/qostop/model"
)

// Goldens of the fixture's latency chart (3 hours, a 10-minute hole, a
// spike over critical) at each size, in braille and in ASCII, as a
// terminal without colour shows them. Regenerate with
//
//	go test ./ui/chart -run TestGolden -update
//
// and read the diff: each file must read as a chart a user understands.

var goldenSizes = [][2]int{{80, 24}, {120, 40}, {200, 60}}

func TestGolden(t *testing.T) {
	for _, ascii := range []bool{false, true} {
		for _, sz := range goldenSizes {
			mode := "unicode"
			if ascii {
				mode = "ascii"
			}
			t.Run(fmt.Sprintf("%s_%dx%d", mode, sz[0], sz[1]), func(t *testing.T) {
				out := plain(t, fixtureChart(sz[0], sz[1], 3*time.Hour, ascii).View())
				requireSize(t, out, sz[0], sz[1])
				golden.RequireEqual(t, out)
			})
		}
	}
}

// panelRows splits a plain chart into its panels' graph rows (without
// the title, the x axis and its labels), keyed by the title's direction.
func panelRows(out string) map[string][]string {
	panels := map[string][]string{}
	var cur string
	for _, l := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(l, "latency send "):
			cur = "send"
		case strings.HasPrefix(l, "latency receive "):
			cur = "receive"
		default:
			panels[cur] = append(panels[cur], l)
		}
	}
	for k, rows := range panels {
		panels[k] = rows[:max(len(rows)-2, 0)]
	}
	return panels
}

// lineRows are the rows holding a data glyph in columns lo..hi, top first.
func lineRows(rows []string, lo, hi int, ascii bool) []int {
	var out []int
	for y, l := range rows {
		r := []rune(l)
		for x := lo; x <= hi && x < len(r); x++ {
			if isData(r[x], ascii) {
				out = append(out, y)
				break
			}
		}
	}
	return out
}

func isData(r rune, ascii bool) bool {
	if ascii {
		return strings.ContainsRune(".'-|/\\", r)
	}
	return r > 0x2800 && r <= 0x28ff
}

// rowWith is the first row that is mostly rune g: a threshold line.
func rowWith(rows []string, g rune) int {
	for y, l := range rows {
		if strings.Count(l, string(g)) > utf8.RuneCountInString(l)/2 {
			return y
		}
	}
	return -1
}

// The "done when": a latency spike over the critical threshold
// is drawn above the critical line, and calm readings below the warn
// line, at every size and in both modes.
func TestSpikeAboveCritical(t *testing.T) {
	for _, ascii := range []bool{false, true} {
		for _, sz := range goldenSizes {
			m := fixtureChart(sz[0], sz[1], 3*time.Hour, ascii)
			out := plain(t, m.View())
			g := unicodeGlyphs
			if ascii {
				g = asciiGlyphs
			}
			send := panelRows(out)["send"]
			crit, warn := rowWith(send, g.crit), rowWith(send, g.warn)
			if crit < 0 || warn <= crit {
				t.Fatalf("%dx%d ascii=%v: critical line at row %d, warn at %d", sz[0], sz[1], ascii, crit, warn)
			}
			f := m.frame()
			x := m.panels[model.Send].colOf(&f, fixSpike)
			rows := lineRows(send, x-1, x+1, ascii)
			if len(rows) == 0 || rows[0] >= crit {
				t.Errorf("%dx%d ascii=%v: spike drawn from row %v, not above the critical line (row %d)", sz[0], sz[1], ascii, rows, crit)
			}
			calm := m.panels[model.Send].colOf(&f, fixEnd.Add(-2*time.Hour))
			if rows := lineRows(send, calm, calm, ascii); len(rows) == 0 || rows[0] <= warn {
				t.Errorf("%dx%d ascii=%v: calm latency (~75 ms) at rows %v, want below the warn line (row %d)", sz[0], sz[1], ascii, rows, warn)
			}
		}
	}
}

// The 10-minute hole is a gap, in the same columns of both panels, and
// the line is there on either side of it.
func TestHoleIsAGap(t *testing.T) {
	for _, ascii := range []bool{false, true} {
		for _, sz := range goldenSizes {
			m := fixtureChart(sz[0], sz[1], 3*time.Hour, ascii)
			panels := panelRows(plain(t, m.View()))
			f := m.frame()
			p := m.panels[model.Send]
			// The hole runs from the sample before it (18:49) to the one
			// after (19:00); the columns strictly between hold no line.
			lo, hi := p.colOf(&f, fixHole[0])+1, p.colOf(&f, fixHole[1].Add(-time.Minute))-1
			if hi < lo {
				t.Fatalf("%dx%d: hole columns %d..%d, too narrow to test", sz[0], sz[1], lo, hi)
			}
			for _, dir := range []string{"send", "receive"} {
				rows := panels[dir]
				if got := lineRows(rows, lo, hi, ascii); len(got) != 0 {
					t.Errorf("%dx%d ascii=%v %s: line in the hole (columns %d..%d) at rows %v", sz[0], sz[1], ascii, dir, lo, hi, got)
				}
				before := p.colOf(&f, fixHole[0].Add(-2*time.Minute))
				after := p.colOf(&f, fixHole[1].Add(2*time.Minute))
				if len(lineRows(rows, before, before, ascii)) == 0 || len(lineRows(rows, after, after, ascii)) == 0 {
					t.Errorf("%dx%d ascii=%v %s: no line beside the hole (columns %d, %d)", sz[0], sz[1], ascii, dir, before, after)
				}
			}
		}
	}
}

// --ascii shows nothing but printable ASCII; the braille chart is braille.
func TestASCIIModeIsASCII(t *testing.T) {
	for _, sz := range goldenSizes {
		out := plain(t, fixtureChart(sz[0], sz[1], 3*time.Hour, true).View())
		for i, r := range out {
			if r != '\n' && (r < 0x20 || r > 0x7e) {
				t.Fatalf("%dx%d: %q at byte %d is not printable ASCII", sz[0], sz[1], r, i)
			}
		}
		uni := plain(t, fixtureChart(sz[0], sz[1], 3*time.Hour, false).View())
		if !strings.ContainsAny(uni, "⠁⠂⠄⡀⠈⠐⠠⢀⠉⠒⠤⣀") {
			t.Errorf("%dx%d: the Unicode chart has no braille", sz[0], sz[1])
		}
	}
}

// The x axis reads HH:MM at round times in the zone asked for, and the
// new day's name where it crosses midnight.
func TestTimeLabels(t *testing.T) {
	out := plain(t, fixtureChart(120, 40, 3*time.Hour, false).View())
	for _, l := range []string{"17:00", "17:30", "18:00", "18:30", "19:00", "19:30"} {
		if !strings.Contains(out, l) {
			t.Errorf("UTC labels lack %s", l)
		}
	}
	m := fixtureChart(120, 40, 3*time.Hour, false)
	m.SetLocation(time.FixedZone("IST", 5*3600+1800))
	out = plain(t, m.View())
	for _, l := range []string{"23:00", "Thu", "01:00"} { // 17:30, 18:30 (midnight there), 19:30 UTC
		if !strings.Contains(out, l) {
			t.Errorf("labels in +05:30 lack %s:\n%s", l, out)
		}
	}
	if strings.Contains(out, "17:00") || strings.Contains(out, "00:00") || strings.Contains(out, "/") {
		t.Error("labels in +05:30 still show UTC times, midnight as 00:00, or dates")
	}
}
