package model_test

import (
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

func TestFirstTickIsRoundInTheLocalZone(t *testing.T) {
	ist := time.FixedZone("IST", 5*3600+30*60)
	at := time.Date(2026, 12, 1, 9, 10, 0, 0, time.UTC) // 14:40 in India
	for _, tc := range []struct {
		step time.Duration
		loc  *time.Location
		want string
	}{
		{time.Hour, ist, "15:00"},
		{time.Hour, time.UTC, "10:00"},
		{15 * time.Minute, ist, "14:45"},
		{6 * time.Hour, ist, "18:00"},
		{10 * time.Minute, time.UTC, "09:10"}, // already on a mark
	} {
		if got := model.FirstTick(at, tc.step, tc.loc).In(tc.loc).Format("15:04"); got != tc.want {
			t.Errorf("step %v in %s: %s, want %s", tc.step, tc.loc, got, tc.want)
		}
	}
}

func TestTickLabelNamesTheDayAtMidnight(t *testing.T) {
	est := time.FixedZone("EST", -5*3600)
	for _, tc := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2026, 12, 2, 5, 0, 0, 0, time.UTC), "Wed"},   // midnight in New York
		{time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC), "19:00"}, // midnight in UTC only
		{time.Date(2026, 12, 2, 5, 30, 0, 0, time.UTC), "00:30"},
	} {
		if got := model.TickLabel(tc.at, "15:04", est); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.at, got, tc.want)
		}
	}
}
