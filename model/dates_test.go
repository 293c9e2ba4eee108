package model

import (
	"strings"
	"testing"
	"time"
)

func TestParseDays(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	for _, tc := range []struct {
		from, to   string
		want       [2]time.Time
		wantErrHas string
	}{
		{"", "", [2]time.Time{}, ""},
		{"2026-11-20", "", [2]time.Time{d("2026-11-20"), d("2026-11-20")}, ""},
		{"", "2026-11-20", [2]time.Time{d("2026-11-20"), d("2026-11-20")}, ""},
		{"2026-11-20", "2026-11-24", [2]time.Time{d("2026-11-20"), d("2026-11-24")}, ""},
		{"24/11/2026", "", [2]time.Time{}, "yyyy-mm-dd"},
		{"2026-11-24", "2026-11-20", [2]time.Time{}, "is before --from"},
	} {
		t.Run(tc.from+"_"+tc.to, func(t *testing.T) {
			f, to, err := ParseDays(Past, tc.from, tc.to)
			if tc.wantErrHas != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErrHas) {
					t.Fatalf("err %v, want one saying %q", err, tc.wantErrHas)
				}
				return
			}
			if err != nil || !f.Equal(tc.want[0]) || !to.Equal(tc.want[1]) {
				t.Fatalf("got %v %v %v, want %v", f, to, err, tc.want)
			}
		})
	}
}
