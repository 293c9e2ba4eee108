package model

import (
	"testing"
	"time"
)

func TestStaleAt(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	cases := []struct {
		name              string
		newest            time.Time
		interval, cadence time.Duration
		want              time.Time
	}{
		{"no data never stale", time.Time{}, 10 * time.Second, time.Minute, time.Time{}},
		{"Zoom's minute outweighs a 10 s poll", t0, 10 * time.Second, time.Minute, t0.Add(3 * time.Minute)},
		{"a slow poll outweighs the cadence", t0, 2 * time.Minute, time.Minute, t0.Add(6 * time.Minute)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := StaleAt(tc.newest, tc.interval, tc.cadence); !got.Equal(tc.want) {
				t.Errorf("StaleAt = %v, want %v", got, tc.want)
			}
		})
	}
}
