package chrome

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// SysLine draws the participant machine's state in one line cut to
// width: Zoom's CPU average and maximum, the system's maximum (judged with
// model.SystemCPU) and the Wi-Fi signal minimum, average and maximum in
// dBm (judged with model.WiFiRSSI), each judged reading with its marker.
// A part with no reading at all is left out (a wired machine has no
// Wi-Fi); with neither, or no sample (ok false), it says so. While the
// sample is older than the stale rule (old), each reading is drawn muted
// with OldMark after it, as the panes draw theirs.
func SysLine(s model.Sample, ok, old bool, th model.Thresholds, st theme.Styles, width int) string {
	if width <= 0 {
		return ""
	}
	var parts []string
	c, w := s.CPU, s.WiFi
	if ok && (c.ZoomAvgPct.OK || c.ZoomMaxPct.OK || c.SystemMaxPct.OK) {
		var b strings.Builder
		b.WriteString(st.Muted.Render("CPU zoom avg "))
		b.WriteString(sysPlain(c.ZoomAvgPct, "%", old, st))
		b.WriteString(st.Muted.Render(" max "))
		b.WriteString(sysPlain(c.ZoomMaxPct, "%", old, st))
		b.WriteString(st.Muted.Render("  system max "))
		b.WriteString(sysJudged(c.SystemMaxPct, "%", th.Level(model.SystemCPU, c.SystemMaxPct), old, st))
		parts = append(parts, b.String())
	}
	if ok && (w.MinRSSIdBm.OK || w.AvgRSSIdBm.OK || w.MaxRSSIdBm.OK) {
		var b strings.Builder
		b.WriteString(st.Muted.Render("Wi-Fi min "))
		b.WriteString(sysJudged(w.MinRSSIdBm, "", th.Level(model.WiFiRSSI, w.MinRSSIdBm), old, st))
		b.WriteString(st.Muted.Render(" avg "))
		b.WriteString(sysJudged(w.AvgRSSIdBm, "", th.Level(model.WiFiRSSI, w.AvgRSSIdBm), old, st))
		b.WriteString(st.Muted.Render(" max "))
		b.WriteString(sysJudged(w.MaxRSSIdBm, "", th.Level(model.WiFiRSSI, w.MaxRSSIdBm), old, st))
		b.WriteString(st.Muted.Render(" dBm"))
		parts = append(parts, b.String())
	}
	if len(parts) == 0 {
		return ansi.Truncate(st.Muted.Render("no CPU or Wi-Fi data"), width, "")
	}
	tail := st.Glyphs().Ellipsis
	return ansi.Truncate(strings.Join(parts, st.Muted.Render(Sep(st))), width, tail)
}

func sysPlain(v model.Value, unit string, old bool, st theme.Styles) string {
	if !v.OK {
		return st.Muted.Render("-")
	}
	return sysOld(model.FormatNum(v.V)+unit, old, st.Text, st)
}

func sysJudged(v model.Value, unit string, lv model.Level, old bool, st theme.Styles) string {
	if !v.OK {
		return st.Muted.Render("-")
	}
	return sysOld(model.FormatNum(v.V)+unit+strings.TrimSpace(theme.Marker(lv)), old, st.Level(lv), st)
}

// sysOld draws a reading in its style, or, older than the stale rule,
// muted with theme.OldMark after it.
func sysOld(text string, old bool, style lipgloss.Style, st theme.Styles) string {
	if old {
		return st.Muted.Render(text + theme.OldMark)
	}
	return style.Render(text)
}
