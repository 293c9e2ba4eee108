package chart

import (
	"strings"
	"testing"
	"time"
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
