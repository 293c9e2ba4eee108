package chrome

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// SysLine draws the participant machine's state in one line cut to
// width: Zoom's CPU average and maximum, the system's maximum (judged with
// model.SystemCPU) and the Wi-Fi signal minimum, average and maximum in
// dBm (judged with model.WiFiRSSI), each judged reading with its marker.
// A part with no reading at all is left out (a wired machine has no
// Wi-Fi); with neither, or no sample (ok false), it says so.
func SysLine(s model.Sample, ok bool, th model.Thresholds, st theme.Styles, width int) string {
	if width <= 0 {
		return ""
	}
	var parts []string
	c, w := s.CPU, s.WiFi
	if ok && (c.ZoomAvgPct.OK || c.ZoomMaxPct.OK || c.SystemMaxPct.OK) {
		var b strings.Builder
		b.WriteString(st.Muted.Render("CPU zoom avg "))
		b.WriteString(sysPlain(c.ZoomAvgPct, "%", st))
		b.WriteString(st.Muted.Render(" max "))
		b.WriteString(sysPlain(c.ZoomMaxPct, "%", st))
		b.WriteString(st.Muted.Render("  system max "))
		b.WriteString(sysJudged(c.SystemMaxPct, "%", th.Level(model.SystemCPU, c.SystemMaxPct), st))
		parts = append(parts, b.String())
	}
	if ok && (w.MinRSSIdBm.OK || w.AvgRSSIdBm.OK || w.MaxRSSIdBm.OK) {
		var b strings.Builder
		b.WriteString(st.Muted.Render("Wi-Fi min "))
		b.WriteString(sysJudged(w.MinRSSIdBm, "", th.Level(model.WiFiRSSI, w.MinRSSIdBm), st))
		b.WriteString(st.Muted.Render(" avg "))
		b.WriteString(sysJudged(w.AvgRSSIdBm, "", th.Level(model.WiFiRSSI, w.AvgRSSIdBm), st))
		b.WriteString(st.Muted.Render(" max "))
		b.WriteString(sysJudged(w.MaxRSSIdBm, "", th.Level(model.WiFiRSSI, w.MaxRSSIdBm), st))
		b.WriteString(st.Muted.Render(" dBm"))
		parts = append(parts, b.String())
	}
	if len(parts) == 0 {
		return ansi.Truncate(st.Muted.Render("no CPU or Wi-Fi data"), width, "")
	}
	tail := st.Glyphs().Ellipsis
	return ansi.Truncate(strings.Join(parts, st.Muted.Render(Sep(st))), width, tail)
}

func sysPlain(v model.Value, unit string, st theme.Styles) string {
	if !v.OK {
		return st.Muted.Render("-")
	}
	return st.Text.Render(model.FormatNum(v.V) + unit)
}

func sysJudged(v model.Value, unit string, lv model.Level, st theme.Styles) string {
	if !v.OK {
		return st.Muted.Render("-")
	}
	return st.Level(lv).Render(model.FormatNum(v.V) + unit + strings.TrimSpace(theme.Marker(lv)))
}
