package pane

import (
	"strings"
	"testing"

	"github.com/qostop/qostop/model"
)

// The audio pane's stream titles carry the estimated MOS of the newest
// readings, always called an estimate; a stream missing an input has
// none (never a score for silence), and video has none at all.
func TestPaneMOSEstimateLine(t *testing.T) {
	// 450 ms, 40 ms, 6 %: L = 540, R = 93.2 − 42 − 15 = 36.2, MOS 1.88.
	view := func(m model.Media, w, h int, s []model.Sample) string {
		p := newTestPane(m, w, h, false, s)
		return p.View()
	}
	crit := view(model.Audio, 80, 12, criticalCall())
	if row := paneRow(t, crit, "send"); !strings.Contains(row, "est. MOS 1.9") {
		t.Errorf("send at 450 ms, 40 ms, 6%%: want est. MOS 1.9 in %q", row)
	}
	missing := view(model.Audio, 80, 12, missingCurrent())
	if row := paneRow(t, missing, "send"); strings.Contains(row, "MOS") {
		t.Errorf("send has no latency now, yet: %q", row)
	}
	if row := paneRow(t, missing, "receive"); !strings.Contains(row, "est. MOS") {
		t.Errorf("receive has every input: %q", row)
	}
	if v := view(model.Video, 120, 16, criticalCall()); strings.Contains(v, "MOS") {
		t.Errorf("the E-model is for speech; video shows a MOS:\n%s", v)
	}
}
