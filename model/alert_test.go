package model

import (
	"strings"
	"testing"
	"time"
)

func standing(key string, lv Level, ms float64) Standing {
	sev := map[Level]float64{Good: 0.5, Warn: 1.5, Critical: 2 + ms/1000}[lv]
	return Standing{Key: key, Name: strings.ToUpper(key[:1]) + key[1:], HasRead: true,
		Worst: Reading{Stream: StreamKey{Media: Audio, Dir: Send}, Metric: Latency, Value: Some(ms), Level: lv, Severity: sev}}
}

func TestAlertsNewCriticalOnly(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	var a Alerts
	// Already critical when the meeting is first seen: on screen, not news.
	if al, ok := a.Observe(t0, "m", []Standing{standing("alice", Critical, 400), standing("bob", Good, 40)}); ok {
		t.Fatalf("first sight alerted: %v", al.Text())
	}
	// Bob turns critical: one alert naming him, what and the value.
	al, ok := a.Observe(t0.Add(10*time.Second), "m", []Standing{standing("alice", Critical, 410), standing("bob", Critical, 412)})
	if !ok || al.Text() != "Bob critical: audio send latency 412 ms" {
		t.Fatalf("bob's crossing: %v %q", ok, al.Text())
	}
	// Staying critical is no news.
	if _, ok := a.Observe(t0.Add(20*time.Second), "m", []Standing{standing("bob", Critical, 420)}); ok {
		t.Fatal("staying critical alerted again")
	}
	// A gap (no reading) is not a recovery.
	a.Observe(t0.Add(2*time.Minute), "m", []Standing{{Key: "bob", Name: "Bob"}})
	if _, ok := a.Observe(t0.Add(3*time.Minute), "m", []Standing{standing("bob", Critical, 420)}); ok {
		t.Fatal("critical after a gap alerted")
	}
	// A minute at warn, then critical again: the same bad spell.
	a.Observe(t0.Add(4*time.Minute), "m", []Standing{standing("bob", Warn, 200)})
	if _, ok := a.Observe(t0.Add(5*time.Minute), "m", []Standing{standing("bob", Critical, 500)}); ok {
		t.Fatal("critical again a minute after: alerted twice for one spell")
	}
	// Calm for longer than Calm, then critical again: a new alert.
	a.Observe(t0.Add(6*time.Minute), "m", []Standing{standing("bob", Good, 40)})
	if _, ok := a.Observe(t0.Add(11*time.Minute), "m", []Standing{standing("bob", Critical, 500)}); !ok {
		t.Fatal("critical again after a calm spell: no alert")
	}
}

func TestAlertsBurstIsOneAlert(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	a := Alerts{Every: time.Minute}
	names := []string{"ann", "ben", "cat", "dan", "eve"}
	var calm, bad []Standing
	for i, n := range names {
		calm = append(calm, standing(n, Good, 40))
		bad = append(bad, standing(n, Critical, 300+float64(i)))
	}
	a.Observe(t0, "m", calm)
	al, ok := a.Observe(t0.Add(time.Second), "m", bad)
	if !ok || len(al.Crossings) != 5 {
		t.Fatalf("five at once: %v %d", ok, len(al.Crossings))
	}
	if got, want := al.Text(), "5 critical: Eve (audio send latency 304 ms), Dan (audio send latency 303 ms), Cat (audio send latency 302 ms), +2"; got != want {
		t.Errorf("burst text\n got %q\nwant %q", got, want)
	}
	// Within the minute, someone calm long enough is critical again, and
	// a newcomer arrives critical: held, then one alert once the minute is out.
	a.Calm = time.Second
	a.Observe(t0.Add(10*time.Second), "m", []Standing{standing("ann", Good, 40)})
	if _, ok := a.Observe(t0.Add(20*time.Second), "m", []Standing{standing("ann", Critical, 350), standing("zed", Critical, 999)}); ok {
		t.Fatal("alerted inside the rate limit")
	}
	al, ok = a.Observe(t0.Add(61*time.Second), "m", nil)
	if !ok || len(al.Crossings) != 2 || al.Crossings[0].Key != "zed" {
		t.Fatalf("held alert: %v %+v", ok, al.Crossings)
	}
}

func TestAlertsWorseSinceLooked(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	var a Alerts
	a.Observe(t0, "m", []Standing{standing("alice", Warn, 200), standing("bob", Good, 40)})
	if a.Worse("m", "alice") || a.Worse("m", "bob") {
		t.Fatal("first sight marked as worse")
	}
	a.Observe(t0.Add(time.Minute), "m", []Standing{standing("alice", Critical, 400), standing("bob", Warn, 200), standing("cy", Warn, 200)})
	for _, k := range []string{"alice", "bob", "cy"} {
		if !a.Worse("m", k) {
			t.Errorf("%s got worse and is not marked", k)
		}
	}
	a.Look()
	if a.Worse("m", "alice") || a.Worse("m", "bob") || a.Worse("m", "cy") {
		t.Fatal("still marked after a look")
	}
	if a.Worse("other", "alice") {
		t.Fatal("another meeting's member marked")
	}
}

func TestMetricFormat(t *testing.T) {
	for _, c := range []struct {
		m    Metric
		v    float64
		want string
	}{{Latency, 412, "412 ms"}, {Jitter, 6.54, "6.5 ms"}, {AvgLoss, 6.5, "6.5%"}, {WiFiRSSI, -82, "-82 dBm"}, {SystemCPU, 93, "93%"}} {
		if got := c.m.Format(c.v); got != c.want {
			t.Errorf("%s %g: %q, want %q", c.m, c.v, got, c.want)
		}
	}
}
