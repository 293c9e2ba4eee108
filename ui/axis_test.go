package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/pane"
)

// The axis under the panes marks round local hours, in a +05:30 zone
// too, and names the day where the window crosses midnight.
func TestAxisMarksRoundLocalTimesAndMidnight(t *testing.T) {
	ist := time.FixedZone("IST", 5*3600+30*60)
	end := time.Date(2026, 12, 1, 20, 30, 0, 0, time.UTC) // 02:00 on Wednesday in India
	geo := pane.Geometry{Grid: model.NewGrid(6*time.Hour, end, 40), Label: 8}
	axis := renderAxis(geo, 60, ist, testStyles(colorprofile.Ascii, true), axisMarks{})
	for _, want := range []string{"22:00", "Wed"} {
		if !strings.Contains(axis, want) {
			t.Errorf("the axis lacks %q: %q", want, axis)
		}
	}
	for _, wrong := range []string{"21:30", "23:30", "00:00"} { // hours counted from UTC's midnight
		if strings.Contains(axis, wrong) {
			t.Errorf("the axis has %q: %q", wrong, axis)
		}
	}
}
