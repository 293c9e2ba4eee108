package table

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/theme"
)

// On a wide terminal the flexible column stops at its most, so the
// readings stay next to the name they belong to; on a narrow one it still
// gets what the others leave.
func TestTableFlexibleColumnStopsAtItsMost(t *testing.T) {
	for _, tc := range []struct{ width, want int }{{200, 28}, {40, 40 - markWidth - colGap - 10}} {
		tb := New([]Column{{Title: "participant", Width: 16, Flex: true, Most: 28}, {Title: "audio", Width: 10}})
		tb.SetSize(tc.width, 10)
		tb.fit()
		if tb.widths[0] != tc.want {
			t.Errorf("at width %d the name column is %d wide, want %d", tc.width, tb.widths[0], tc.want)
		}
	}
}

// Each cell is drawn in its role's colour, only its reading coloured,
// and the selected row on the bar's background; the text is the same as
// without colour.
func TestCellsAreDrawnInTheirRole(t *testing.T) {
	dark, err := theme.ByName("dark")
	if err != nil {
		t.Fatal(err)
	}
	st := theme.NewStyles(colorprofile.ANSI256, dark, false)
	tb := New([]Column{{Title: "name", Width: 10}, {Title: "worst", Width: 8}})
	tb.SetStyles(st)
	tb.SetSize(40, 4)
	tb.SetRows([]Row{
		{Key: "a", Cells: []Cell{{Text: "Alice", Role: theme.RoleText}, {Text: "loss 7%!", Role: theme.RoleCritical}}},
		{Key: "b", Cells: []Cell{{Text: "Bob", Role: theme.RoleMuted}, {Text: "ok", Role: theme.RoleGood}}},
	})
	lines := strings.Split(tb.View(), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines, want 4:\n%s", len(lines), tb.View())
	}
	for _, want := range []string{st.Role(theme.RoleCritical).Inherit(st.Bar).Render("loss 7%!"), st.Text.Inherit(st.Bar).Render("Alice     ")} {
		if !strings.Contains(lines[1], want) {
			t.Errorf("the selected row lacks %q: %q", want, lines[1])
		}
	}
	if want := st.Muted.Render("Bob       ") + "  " + st.Role(theme.RoleGood).Render("ok"); lines[2] != "  "+want {
		t.Errorf("row 2 is %q, want %q", lines[2], "  "+want)
	}
	if got := ansi.Strip(lines[2]); got != "  Bob         ok" {
		t.Errorf("row 2 reads %q without colour", got)
	}
}

// No line is wider than the table, whether a cell is cut (plain ASCII or
// not) or the columns that cannot be dropped are wider than the screen.
func TestLinesNeverOverflow(t *testing.T) {
	rows := []Row{
		{Key: "a", Cells: []Cell{{Text: "Alice Chen of the incident bridge"}, {Text: "↑52 ↓61*"}}},
		{Key: "b", Cells: []Cell{{Text: "Zoë Ünïcödé-Ñame, a long one"}, {Text: "↑-"}}},
	}
	dark, err := theme.ByName("dark")
	if err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{8, 15, 24, 40} {
		tb := New([]Column{{Title: "participant", Width: 12, Flex: true}, {Title: "audio lat", Width: 9}})
		tb.SetStyles(theme.NewStyles(colorprofile.ANSI256, dark, false))
		tb.SetSize(width, 4)
		tb.SetRows(rows)
		for _, l := range strings.Split(tb.View(), "\n") {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("at width %d a line is %d wide: %q", width, w, ansi.Strip(l))
			}
		}
		if width == 40 && !strings.Contains(tb.View(), "Zoë Ünïcödé-Ñame, a long o…") {
			t.Errorf("the long name is not cut with an ellipsis at 40:\n%s", ansi.Strip(tb.View()))
		}
	}
}

// A Fit column is as wide as its widest cell, whatever the filter shows,
// so nothing in it is cut; on a terminal too narrow for it, it goes whole.
func TestFitColumnGrowsOrGoesWhole(t *testing.T) {
	cols := []Column{{Title: "name", Width: 6, Flex: true}, {Title: "lat", Width: 5, Fit: true},
		{Title: "loss", Width: 4, Fit: true, Drop: 1}}
	rows := []Row{
		{Key: "a", Cells: []Cell{{Text: "Alice"}, {Text: "↑216* ↓1225!"}, {Text: "↑0.06 ↓12.5!"}}, Search: "alice"},
		{Key: "b", Cells: []Cell{{Text: "Bob"}, {Text: "↑40 ↓41"}, {Text: "↑0 ↓0"}}, Search: "bob"},
	}
	for _, tc := range []struct {
		width  int
		filter string
		want   []string
		gone   string
	}{
		{width: 60, want: []string{"↑216* ↓1225!", "↑0.06 ↓12.5!"}},
		{width: 60, filter: "bob", want: []string{"↑40 ↓41       ↑0 ↓0"}},
		{width: 30, want: []string{"↑216* ↓1225!"}, gone: "loss"},
	} {
		tb := New(cols)
		tb.SetSize(tc.width, 4)
		tb.SetRows(rows)
		tb.SetFilter(tc.filter)
		view := ansi.Strip(tb.View())
		for _, w := range tc.want {
			if !strings.Contains(view, w) {
				t.Errorf("at %d, filter %q, the view lacks %q:\n%s", tc.width, tc.filter, w, view)
			}
		}
		if tc.gone != "" && strings.Contains(view, tc.gone) {
			t.Errorf("at %d the %s column should have gone whole:\n%s", tc.width, tc.gone, view)
		}
		if strings.Contains(view, "…") {
			t.Errorf("at %d a cell is cut:\n%s", tc.width, view)
		}
	}
}

// cellWidth's short cut for arrows counts as the terminal does.
func TestCellWidthOfArrows(t *testing.T) {
	for r := rune(0x2190); r <= 0x21ff; r++ {
		if s := "↑12 " + string(r) + "3!"; cellWidth(s) != ansi.StringWidth(s) {
			t.Errorf("%q: %d cells, the terminal takes %d", s, cellWidth(s), ansi.StringWidth(s))
		}
	}
	for _, s := range []string{"Zoë", "会议", "a\u0301b", "↑5 ↓6", "plain"} {
		if cellWidth(s) != ansi.StringWidth(s) {
			t.Errorf("%q: %d cells, the terminal takes %d", s, cellWidth(s), ansi.StringWidth(s))
		}
	}
}
