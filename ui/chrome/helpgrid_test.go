package chrome

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/colorprofile"
)

// The full help that flows keys into columns keeps their order, down
// then across, and the grid as given where it fits.
func TestFlowHelpKeepsOrder(t *testing.T) {
	var groups [][]key.Binding
	var want []string
	for g := range 5 {
		var col []key.Binding
		for b := range 4 {
			k := string(rune('a' + g*4 + b))
			col = append(col, key.NewBinding(key.WithKeys(k), key.WithHelp(k, "does a longer thing "+k)))
			want = append(want, k)
		}
		groups = append(groups, col)
	}
	h := help.New()
	StyleHelp(&h, testStyles(colorprofile.Ascii, false))
	if _, got := flowHelp(h, groups, 200); len(got) != len(groups) {
		t.Errorf("at 200 columns the grid was reflowed into %d columns", len(got))
	}
	_, got := flowHelp(h, groups, 80)
	if len(got) == len(groups) {
		t.Fatalf("at 80 columns the grid of %d columns was not reflowed", len(groups))
	}
	var flowed []string
	for _, col := range got {
		for _, b := range col {
			flowed = append(flowed, b.Help().Key)
		}
	}
	if strings.Join(flowed, " ") != strings.Join(want, " ") {
		t.Errorf("flowed keys %v, want %v", flowed, want)
	}
}
