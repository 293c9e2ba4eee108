package table

import "testing"

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
