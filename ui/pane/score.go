package pane

import (
	"strconv"

	"github.com/qostop/qostop/model"
)

// Zoom's own quality score (audio_quality, video_quality, as_quality)
// comes only with a push, once per sample, for the medium as a whole. The
// pane shows the newest sample's on its send line: a score older than the
// newest sample would describe a minute that is no longer on the right.

// zoomScore is Zoom's verdict on medium m in the window's newest sample.
func (d *paneData) zoomScore(m model.Media) (model.Score, bool) {
	if len(d.samples) == 0 {
		return model.Score{}, false
	}
	sc := d.samples[len(d.samples)-1].Scores
	s := [...]model.Score{model.Audio: sc.Audio, model.Video: sc.Video, model.Share: sc.Share}[m]
	return s, !s.Empty()
}

// scoreText is the score as the send line says it: "  Zoom good 4.3",
// the word sanitized (Zoom's text is untrusted) and short.
func scoreText(s model.Score) string {
	out := "  Zoom"
	if l := model.Sanitize(s.Label); l != "" {
		out += " " + truncRunes(l, 12)
	}
	if s.Value.OK {
		out += " " + strconv.FormatFloat(s.Value.V, 'g', 3, 64)
	}
	return out
}

// truncRunes is s cut to at most n runes.
func truncRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
