package model

import (
	"testing"
	"time"
)

func TestRetryWaitHonoursRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	if got := RetryWait(10*time.Second, 1, 0, now, now.Add(45*time.Second)); got != 45*time.Second {
		t.Errorf("a Retry-After 45s away waits %s", got)
	}
	if got := RetryWait(10*time.Second, 1, 0, now, time.Time{}); got != 10*time.Second {
		t.Errorf("no Retry-After: %s, want the backoff of 10s", got)
	}
}

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
		got := Backoff(tc.interval, tc.n, tc.jitter).Round(time.Second)
		if got != tc.want {
			t.Errorf("Backoff(%s, %d, %g) = %s, want %s", tc.interval, tc.n, tc.jitter, got, tc.want)
		}
	}
}
