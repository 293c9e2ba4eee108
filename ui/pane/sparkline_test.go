package pane

import (
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

func TestSparkline(t *testing.T) {
	st := testStyles(colorprofile.Ascii, false)
	n := model.None
	tests := []struct {
		name  string
		vals  []model.Value
		width int
		want  string
	}{
		{"gap is blank, not a bar", []model.Value{ms(1), n, ms(3)}, 5, "  ▃ █"},
		{"zero is the lowest bar, not a gap", []model.Value{ms(0), ms(0)}, 2, "▁▁"},
		{"all absent is all blank", []model.Value{n, n}, 3, "   "},
		{"older values drop off the left", []model.Value{ms(8), ms(1), ms(2), ms(4)}, 3, "▂▄█"},
		{"short data pads the left", []model.Value{ms(1)}, 4, "   █"},
		{"no data", nil, 3, "   "},
		{"no width", []model.Value{ms(1)}, 0, ""},
		{"eight levels", []model.Value{ms(1), ms(2), ms(3), ms(4), ms(5), ms(6), ms(7), ms(8)}, 8, "▁▂▃▄▅▆▇█"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sparkline(tt.vals, nil, tt.width, st)
			if got != tt.want {
				t.Errorf("sparkline = %q, want %q", got, tt.want)
			}
			if w := ansi.StringWidth(got); w != max(tt.width, 0) {
				t.Errorf("width %d, want %d", w, tt.width)
			}
		})
	}
}

func TestSparklineASCII(t *testing.T) {
	st := testStyles(colorprofile.Ascii, true)
	got := sparkline([]model.Value{ms(0), model.None, ms(2), ms(4), ms(6)}, nil, 7, st)
	if got != "  _ .=#" {
		t.Errorf("ASCII sparkline = %q, want %q", got, "  _ .=#")
	}
	for _, r := range got {
		if r >= 0x80 || r == '*' || r == '!' {
			t.Errorf("ASCII sparkline uses %q: not ASCII, or a level marker", r)
		}
	}
}

func TestSparklineColoursByLevel(t *testing.T) {
	st := testStyles(colorprofile.ANSI256, false)
	vals := []model.Value{ms(1), ms(1), ms(9)}
	got := sparkline(vals, []model.Level{model.Good, model.Good, model.Critical}, 3, st)
	good, crit := theme.InkOf(st.Level(model.Good)), theme.InkOf(st.Level(model.Critical))
	want := good.Pre + "▁▁" + good.Suf + crit.Pre + "█" + crit.Suf
	if got != want {
		t.Errorf("sparkline = %q, want one run per level %q", got, want)
	}
	if w := ansi.StringWidth(got); w != 3 {
		t.Errorf("coloured sparkline is %d cells wide, want 3", w)
	}
	if plain := sparkline(vals, nil, 3, st); !strings.HasPrefix(plain, theme.InkOf(st.Accent).Pre) {
		t.Errorf("an unjudged sparkline should be in the accent colour: %q", plain)
	}
}
