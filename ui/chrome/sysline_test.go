package chrome

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
)

func TestRenderSysLine(t *testing.T) {
	st := testStyles(colorprofile.Ascii, false)
	th := model.DefaultThresholds()
	cpu := model.CPU{ZoomMinPct: ms(8), ZoomAvgPct: ms(12), ZoomMaxPct: ms(18), SystemMaxPct: ms(40)}
	wifi := model.WiFi{MinRSSIdBm: ms(-70), AvgRSSIdBm: ms(-62), MaxRSSIdBm: ms(-55)}
	tests := []struct {
		name  string
		s     model.Sample
		ok    bool
		width int
		want  string
	}{
		{"cpu and wifi", model.Sample{CPU: cpu, WiFi: wifi}, true, 200,
			"CPU zoom avg 12% max 18%  system max 40% · Wi-Fi min -70* avg -62 max -55 dBm"},
		{"busy machine, weak signal", model.Sample{
			CPU:  model.CPU{ZoomAvgPct: ms(60), ZoomMaxPct: ms(90), SystemMaxPct: ms(97)},
			WiFi: model.WiFi{MinRSSIdBm: ms(-80), AvgRSSIdBm: ms(-76), MaxRSSIdBm: ms(-66)}}, true, 200,
			"CPU zoom avg 60% max 90%  system max 97%! · Wi-Fi min -80! avg -76! max -66 dBm"},
		{"wired: no wifi part", model.Sample{CPU: cpu}, true, 200, "CPU zoom avg 12% max 18%  system max 40%"},
		{"wifi only, one reading missing", model.Sample{WiFi: model.WiFi{AvgRSSIdBm: ms(-60)}}, true, 200,
			"Wi-Fi min - avg -60 max - dBm"},
		{"no readings", model.Sample{}, true, 200, "no CPU or Wi-Fi data"},
		{"no sample", model.Sample{CPU: cpu}, false, 200, "no CPU or Wi-Fi data"},
		{"cut to width", model.Sample{CPU: cpu, WiFi: wifi}, true, 20, "CPU zoom avg 12% ma…"},
		{"zero width", model.Sample{CPU: cpu}, true, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SysLine(tt.s, tt.ok, false, th, st, tt.width)
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if ansi.StringWidth(got) > tt.width || strings.Contains(got, "\n") {
				t.Errorf("%q is not one line within %d cells", got, tt.width)
			}
		})
	}
}

func TestRenderSysLineColours(t *testing.T) {
	st := testStyles(colorprofile.ANSI256, false)
	got := SysLine(model.Sample{CPU: model.CPU{SystemMaxPct: ms(97)}}, true, false, model.DefaultThresholds(), st, 200)
	if want := st.Level(model.Critical).Render("97%!"); !strings.Contains(got, want) {
		t.Errorf("critical system CPU not in the critical style: %q lacks %q", got, want)
	}
}

func BenchmarkHeaderAndSysLine(b *testing.B) {
	st := testStyles(colorprofile.TrueColor, false)
	h := fullHeader()
	s := model.Sample{CPU: model.CPU{ZoomMinPct: ms(8), ZoomAvgPct: ms(12), ZoomMaxPct: ms(18), SystemMaxPct: ms(40)}}
	th := model.DefaultThresholds()
	b.ReportAllocs()
	for b.Loop() {
		_ = Header(h, st, 200)
		_ = SysLine(s, true, false, th, st, 200)
	}
}
