package model_test

import (
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

func TestHoleBetween(t *testing.T) {
	m := time.Minute
	at := func(min int) time.Time { return gridNow.Truncate(m).Add(time.Duration(min) * m) }
	for _, tc := range []struct {
		name       string
		prev, next time.Time
		cadence    time.Duration
		want       model.Hole
		ok         bool
	}{
		{"regular samples", at(0), at(1), m, model.Hole{}, false},
		{"one sample missing is jitter, not a hole", at(0), at(2), m, model.Hole{}, false},
		{"two missing make a hole", at(0), at(3), m, model.Hole{From: at(1), To: at(2), Missing: 2}, true},
		{"five missing: 21:22 to 21:26", at(0), at(6), m, model.Hole{From: at(1), To: at(5), Missing: 5}, true},
		{"a late sample counts as on time", at(0), at(3).Add(-25 * time.Second), m, model.Hole{From: at(1), To: at(2), Missing: 2}, true},
		{"a sample just early of a third cadence", at(0), at(2).Add(29 * time.Second), m, model.Hole{}, false},
		{"the demo's seconds", at(0), at(0).Add(12 * time.Second), 3 * time.Second, model.Hole{From: at(0).Add(3 * time.Second), To: at(0).Add(9 * time.Second), Missing: 3}, true},
		{"no sample before", time.Time{}, at(9), m, model.Hole{}, false},
		{"out of order", at(5), at(0), m, model.Hole{}, false},
		{"unknown cadence", at(0), at(9), 0, model.Hole{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := model.HoleBetween(tc.prev, tc.next, tc.cadence)
			if ok != tc.ok || got != tc.want {
				t.Errorf("HoleBetween = %+v, %v; want %+v, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}
