package poll

import (
	"testing"
	"time"
)

func TestBackoff(t *testing.T) {
	for _, tc := range []struct {
		interval time.Duration
		n        int
		jitter   float64
		want     time.Duration
	}{
		{10 * time.Second, 1, 0, 10 * time.Second},
		{10 * time.Second, 1, 0.999999, 20 * time.Second},
		{10 * time.Second, 3, 0, 40 * time.Second},
		{10 * time.Second, 10, 0, time.Minute},
		{10 * time.Second, 50, 1, 2 * time.Minute},
		{time.Second, 1, 0, time.Second},
		{5 * time.Minute, 1, 0, 5 * time.Minute}, // never faster than the interval
		{5 * time.Minute, 3, 1, 5 * time.Minute}, // nor slower than the longer of cap and interval
	} {
		got := backoff(tc.interval, tc.n, tc.jitter).Round(time.Second)
		if got != tc.want {
			t.Errorf("backoff(%s, %d, %g) = %s, want %s", tc.interval, tc.n, tc.jitter, got, tc.want)
		}
	}
}
