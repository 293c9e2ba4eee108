package model

import "testing"

func TestFormatNum(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 0.03: "0.03", 0.3: "0.3", 1.9: "1.9", 12: "12", 12.5: "12.5",
		126: "126", 1055: "1055", 99.96: "100", -70: "-70"} {
		if got := FormatNum(in); got != want {
			t.Errorf("FormatNum(%v) = %q, want %q", in, got, want)
		}
	}
}
