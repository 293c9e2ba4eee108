package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

func TestNewValidatesConfig(t *testing.T) {
	src := &fakeSource{}
	base := Config{Source: src, MeetingID: "1", ParticipantID: "2"}
	for _, tc := range []struct {
		name    string
		edit    func(*Config)
		wantErr string
	}{
		{name: "defaults", edit: func(*Config) {}},
		{name: "demo floor", edit: func(c *Config) { c.Interval, c.MinInterval = time.Second, time.Second }},
		{name: "below the floor", edit: func(c *Config) { c.Interval = time.Second }, wantErr: "--interval 1s is too short: at least 2s"},
		{name: "above the ceiling", edit: func(c *Config) { c.Interval = time.Hour }, wantErr: "at most 10m0s"},
		{name: "no source", edit: func(c *Config) { c.Source = nil }, wantErr: "no data source"},
		{name: "no meeting", edit: func(c *Config) { c.MeetingID = "" }, wantErr: "no meeting ID"},
		{name: "no participant: the overview", edit: func(c *Config) { c.ParticipantID = "" }},
		{name: "no IDs: the meeting list", edit: func(c *Config) { c.MeetingID, c.ParticipantID = "", "" }},
		{name: "bad type", edit: func(c *Config) { c.Type = "ended" }, wantErr: `meeting type "ended"`},
		{name: "bad thresholds", edit: func(c *Config) {
			c.Thresholds = model.DefaultThresholds()
			c.Thresholds[model.Latency] = model.Bound{Warn: 300, Critical: 150}
		}, wantErr: "threshold latency"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := base
			tc.edit(&cfg)
			m, err := New(cfg)
			if tc.wantErr == "" {
				if err != nil || m == nil {
					t.Fatalf("New = %v, %v; want a model", m, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("New error = %v, want it to contain %q", err, tc.wantErr)
			}
		})
	}
}

// --utc shows times in UTC whatever the clock's zone: the status bar, the
// time axis and the event log all read the same hours.
func TestConfigUTC(t *testing.T) {
	est := time.FixedZone("EST", -5*3600)
	h := newHarness(t, &fakeSource{p: callParticipant(false)}, 120, 40, func(c *Config) {
		now := c.Now
		c.Now = func() time.Time { return now().In(est) }
	})
	h.start()
	if v := h.a.content(); !strings.Contains(v, "newest 14:39:00") {
		t.Fatalf("without --utc the clock's zone (EST) is not shown:\n%s", v)
	}
	h = newHarness(t, &fakeSource{p: callParticipant(false)}, 120, 40, func(c *Config) {
		now := c.Now
		c.Now = func() time.Time { return now().In(est) }
		c.UTC = true
	})
	h.start()
	if v := h.a.content(); !strings.Contains(v, "newest 19:39:00") || !strings.Contains(v, "19:05") || strings.Contains(v, "14:") {
		t.Fatalf("with --utc, times are not all in UTC:\n%s", v)
	}
}

// When someone left and when a stream was last seen are written in the
// screen's zone, as the clock and the time axis are: Zoom's times are
// UTC, and a header in UTC beside a local axis would put the leave five
// hours off for a user in New York.
func TestLeaveAndLastSeenAreInTheScreensZone(t *testing.T) {
	est := time.FixedZone("EST", -5*3600)
	p := callParticipant(true) // screen share received 19:12 to 19:25 UTC
	p.LeaveTime = watchT0.Add(39 * time.Minute)
	for _, tc := range []struct {
		utc  bool
		want []string
	}{
		{false, []string{"left 14:39", "last seen 14:25"}},
		{true, []string{"left 19:39", "last seen 19:25"}},
	} {
		h := newHarness(t, &fakeSource{p: p}, 200, 60, func(c *Config) {
			now := c.Now
			c.Now = func() time.Time { return now().In(est) }
			c.UTC = tc.utc
		})
		h.start()
		v := h.a.content()
		for _, want := range tc.want {
			if !strings.Contains(v, want) {
				t.Errorf("utc %v: the screen lacks %q:\n%s", tc.utc, want, v)
			}
		}
	}
}
