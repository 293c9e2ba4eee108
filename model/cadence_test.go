package model

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

var cadenceStart = time.Date(2026, 3, 9, 14, 30, 17, 0, time.UTC)

// timeline is a Zoom-like source: sample k is stamped at minute k and
// appears lag(k) later.
type timeline struct {
	t0  time.Time
	lag func(k int) time.Duration
}

func (tl timeline) stamp(k int) time.Time { return tl.t0.Add(time.Duration(k) * time.Minute) }

func (tl timeline) appear(k int) time.Time { return tl.stamp(k).Add(tl.lag(k)) }

// newest is the newest sample index visible at t.
func (tl timeline) newest(t time.Time) int {
	k := int(t.Sub(tl.t0) / time.Minute)
	for k >= 0 && tl.appear(k).After(t) {
		k--
	}
	return k
}

// run polls tl for d with c, answering each poll after rtt, and returns
// the requests per new sample and the median time from a sample's
// appearance to the answer that first carried it.
func run(tl timeline, c *Cadence, d, rtt time.Duration, step bool) (perSample float64, median time.Duration) {
	t, end := cadenceStart, cadenceStart.Add(d)
	first := tl.newest(t)
	seen, requests := first, 0
	var lags []time.Duration
	for t.Before(end) {
		requests++
		at := t.Add(rtt)
		k := tl.newest(t) // what Zoom had when it read the request
		a := Answer{At: at, Newest: tl.stamp(k)}
		if step {
			a.Step = time.Minute
		}
		for ; seen < k; seen++ {
			lags = append(lags, at.Sub(tl.appear(seen+1)))
		}
		t = c.Observe(a).At
	}
	if len(lags) == 0 {
		return math.Inf(1), 0
	}
	slices.Sort(lags)
	return float64(requests) / float64(len(lags)), lags[len(lags)/2]
}

func jitter(base, spread time.Duration) func(int) time.Duration {
	return func(k int) time.Duration {
		// A fixed, uneven pattern: no two neighbours alike.
		f := float64((k*7919)%13) / 12
		return base + time.Duration(f*float64(spread))
	}
}

// The goals of issue 12: at most 1.5 requests per new sample, and a
// median of at most 10 s from a sample's appearance to its fetch, for
// the lags Zoom shows and any poll interval.
func TestCadenceGoals(t *testing.T) {
	for _, tc := range []struct {
		name     string
		lag      func(int) time.Duration
		interval time.Duration
		step     bool
		maxLag   time.Duration // 0: the goal of 10s
	}{
		{"no lag, 10s", jitter(0, 0), 10 * time.Second, true, 0},
		{"20s lag, 10s", jitter(20*time.Second, 0), 10 * time.Second, true, 0},
		{"20-35s lag, 10s", jitter(20*time.Second, 15*time.Second), 10 * time.Second, true, 0},
		{"20-35s lag, 2s", jitter(20*time.Second, 15*time.Second), 2 * time.Second, true, 0},
		{"20-35s lag, 30s", jitter(20*time.Second, 15*time.Second), 30 * time.Second, true, 0},
		{"10-25s lag, 10s", jitter(10*time.Second, 15*time.Second), 10 * time.Second, true, 0},
		// A lag that swings by most of a minute cannot be met on both
		// counts: the schedule keeps to the request goal and lag grows.
		{"5-55s lag, 10s", jitter(5*time.Second, 50*time.Second), 10 * time.Second, true, 30 * time.Second},
		{"40s lag, period learned", jitter(40*time.Second, 5*time.Second), 10 * time.Second, false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl := timeline{t0: cadenceStart.Truncate(time.Minute).Add(-20 * time.Minute), lag: tc.lag}
			c := &Cadence{Interval: tc.interval}
			per, med := run(tl, c, 3*time.Hour, 150*time.Millisecond, tc.step)
			maxLag := cmp.Or(tc.maxLag, 10*time.Second)
			if per > 1.5 || med > maxLag {
				t.Errorf("%.2f requests per new sample, median lag %v; want ≤ 1.5 and ≤ %v", per, med, maxLag)
			}
			t.Logf("%.2f requests per new sample, median lag %v", per, med)
		})
	}
}

// The old behaviour, a poll every interval, is the yardstick: six
// requests per sample at 10s.
func TestCadenceFixedIsTheOldBehaviour(t *testing.T) {
	tl := timeline{t0: cadenceStart.Truncate(time.Minute).Add(-20 * time.Minute), lag: jitter(20*time.Second, 0)}
	per, _ := run(tl, &Cadence{Interval: 10 * time.Second, Fixed: true}, time.Hour, 0, true)
	if per < 5.9 || per > 6.1 {
		t.Errorf("fixed 10s: %.2f requests per new sample, want 6", per)
	}
}

func TestCadenceSchedule(t *testing.T) {
	hm := func(m, s int) time.Time {
		return cadenceStart.Truncate(time.Hour).Add(time.Duration(m)*time.Minute + time.Duration(s)*time.Second)
	}
	for _, tc := range []struct {
		name    string
		cad     Cadence
		answers []Answer
		wantAt  time.Time
		reason  string
	}{
		{"fixed interval", Cadence{Interval: 7 * time.Second, Fixed: true},
			[]Answer{{At: hm(31, 0), Newest: hm(30, 0)}}, hm(31, 7), "every 7s (fixed interval)"},
		{"no samples yet", Cadence{},
			[]Answer{{At: hm(31, 0)}}, hm(31, 10), "no samples yet: every 10s"},
		{"first answer polls at the interval", Cadence{},
			[]Answer{{At: hm(31, 2), Newest: hm(31, 0), Step: time.Minute}}, hm(31, 12), "new data: every 10s"},
		{"a repeat waits for the next minute", Cadence{},
			[]Answer{{At: hm(31, 2), Newest: hm(31, 0), Step: time.Minute}, {At: hm(31, 12), Newest: hm(31, 0)}},
			hm(32, 0), "next sample due 14:32:00"},
		{"a late minute is probed", Cadence{},
			[]Answer{{At: hm(31, 2), Newest: hm(31, 0), Step: time.Minute}, {At: hm(32, 1), Newest: hm(31, 0)}},
			hm(32, 6), "sample of 14:32:00 is late: again in 5s"},
		{"probes back off to the interval", Cadence{Interval: 8 * time.Second},
			[]Answer{{At: hm(31, 2), Newest: hm(31, 0), Step: time.Minute}, {At: hm(32, 1), Newest: hm(31, 0)},
				{At: hm(32, 6), Newest: hm(31, 0)}, {At: hm(32, 14), Newest: hm(31, 0)}},
			hm(32, 22), "sample of 14:32:00 is late: again in 8s"},
		{"the learned offset places the next poll", Cadence{},
			[]Answer{{At: hm(31, 2), Newest: hm(31, 0), Step: time.Minute}, {At: hm(32, 1), Newest: hm(31, 0)},
				{At: hm(32, 24), Newest: hm(32, 0)}},
			hm(33, 24), "next sample due 14:33:24"},
		{"a hit expects the next minute a second sooner", Cadence{},
			[]Answer{{At: hm(31, 2), Newest: hm(31, 0), Step: time.Minute}, {At: hm(32, 1), Newest: hm(31, 0)},
				{At: hm(32, 24), Newest: hm(32, 0)}, {At: hm(33, 24), Newest: hm(33, 0)}},
			hm(34, 23), "next sample due 14:34:23"},
		{"a silent source drops to once a period", Cadence{},
			[]Answer{{At: hm(31, 2), Newest: hm(31, 0), Step: time.Minute}, {At: hm(35, 0), Newest: hm(31, 0)}},
			hm(36, 0), "no new sample since 14:31:00: every 1m0s"},
		{"without a period, repeats poll at the interval", Cadence{},
			[]Answer{{At: hm(31, 2), Newest: hm(31, 0)}, {At: hm(31, 12), Newest: hm(31, 0)}},
			hm(31, 22), "learning the sample period: every 10s"},
		{"fast samples are followed at the interval", Cadence{Interval: time.Second},
			[]Answer{{At: hm(31, 1), Newest: hm(31, 0)}, {At: hm(31, 2), Newest: hm(31, 0)}, {At: hm(31, 3), Newest: hm(31, 3)}},
			hm(31, 6), "next sample due 14:31:06"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.cad
			var n Next
			for _, a := range tc.answers {
				n = c.Observe(a)
			}
			if !n.At.Equal(tc.wantAt) || n.Reason != tc.reason {
				t.Errorf("next %s %q, want %s %q", clock(n.At), n.Reason, clock(tc.wantAt), tc.reason)
			}
		})
	}
}

func TestNextLater(t *testing.T) {
	n := Next{At: cadenceStart, Reason: "cadence"}
	if got := n.Later(cadenceStart.Add(-time.Second), "budget"); got != n {
		t.Errorf("an earlier bound changed the poll: %+v", got)
	}
	got := n.Later(cadenceStart.Add(time.Minute), "budget: 10 left today")
	if !got.At.Equal(cadenceStart.Add(time.Minute)) || !strings.HasPrefix(got.Reason, "budget") {
		t.Errorf("a later bound did not postpone: %+v", got)
	}
}
