package model_test

import (
	"math"
	"strings"
	"testing"

	"github.com/qostop/qostop/model"
)

func TestDefaultThresholds(t *testing.T) {
	d := model.DefaultThresholds()
	for _, tc := range []struct {
		m    model.Metric
		want model.Bound
	}{
		{model.Latency, model.Bound{Warn: 150, Critical: 300}},
		{model.Jitter, model.Bound{Warn: 30, Critical: 60}},
		{model.AvgLoss, model.Bound{Warn: 1, Critical: 5}},
		{model.MaxLoss, model.Bound{Warn: 5, Critical: 10}},
		{model.SystemCPU, model.Bound{Warn: 80, Critical: 95}},
		{model.WiFiRSSI, model.Bound{Warn: -67, Critical: -75}},
	} {
		t.Run(tc.m.String(), func(t *testing.T) {
			if d[tc.m] != tc.want {
				t.Fatalf("default %s = %+v, want %+v", tc.m, d[tc.m], tc.want)
			}
		})
	}
	if err := d.Validate(); err != nil {
		t.Fatalf("defaults do not validate: %v", err)
	}
}

func TestMetricString(t *testing.T) {
	for m, want := range map[model.Metric]string{
		model.Latency: "latency", model.Jitter: "jitter", model.AvgLoss: "loss",
		model.MaxLoss: "maxloss", model.SystemCPU: "cpu", model.WiFiRSSI: "rssi",
		model.Metric(-1): "unknown", model.Metric(99): "unknown",
	} {
		if got := m.String(); got != want {
			t.Errorf("Metric(%d).String() = %q, want %q", int(m), got, want)
		}
	}
}

func TestThresholdsValidate(t *testing.T) {
	with := func(m model.Metric, b model.Bound) model.Thresholds {
		th := model.DefaultThresholds()
		th[m] = b
		return th
	}
	for _, tc := range []struct {
		name    string
		th      model.Thresholds
		wantErr string // substring; "" means valid
	}{
		{"defaults", model.DefaultThresholds(), ""},
		{"zero warn", with(model.AvgLoss, model.Bound{Warn: 0, Critical: 1}), ""},
		{"inverted", with(model.Latency, model.Bound{Warn: 300, Critical: 150}), "threshold latency: warn (300) must be below critical (150)"},
		{"equal", with(model.Jitter, model.Bound{Warn: 30, Critical: 30}), "threshold jitter: warn (30) must be below critical (30)"},
		{"negative warn", with(model.AvgLoss, model.Bound{Warn: -1, Critical: 5}), "threshold loss: limits must not be negative"},
		{"negative critical", with(model.MaxLoss, model.Bound{Warn: -10, Critical: -5}), "threshold maxloss: limits must not be negative"},
		{"rssi inverted", with(model.WiFiRSSI, model.Bound{Warn: -75, Critical: -67}), "threshold rssi: warn (-75) must be above critical (-67)"},
		{"rssi equal", with(model.WiFiRSSI, model.Bound{Warn: -70, Critical: -70}), "threshold rssi: warn (-70) must be above critical (-70)"},
		{"NaN warn", with(model.Latency, model.Bound{Warn: math.NaN(), Critical: 300}), "threshold latency: limits must be finite numbers"},
		{"NaN rssi", with(model.WiFiRSSI, model.Bound{Warn: -67, Critical: math.NaN()}), "threshold rssi: limits must be finite numbers"},
		{"infinite critical", with(model.SystemCPU, model.Bound{Warn: 80, Critical: math.Inf(1)}), "threshold cpu: limits must be finite numbers"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.th.Validate()
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case tc.wantErr != "" && err == nil:
				t.Fatalf("Validate() = nil, want an error containing %q", tc.wantErr)
			case tc.wantErr != "" && !strings.Contains(err.Error(), tc.wantErr):
				t.Fatalf("Validate() = %q, want it to contain %q", err, tc.wantErr)
			}
		})
	}
}

func TestThresholdsLevel(t *testing.T) {
	d := model.DefaultThresholds()
	for _, tc := range []struct {
		name string
		m    model.Metric
		v    model.Value
		want model.Level
	}{
		{"absent", model.Latency, model.None, model.Unknown},
		{"absent rssi", model.WiFiRSSI, model.None, model.Unknown},
		{"zero is good", model.Latency, model.Some(0), model.Good},
		{"below warn", model.Latency, model.Some(149), model.Good},
		{"equal to warn is good", model.Latency, model.Some(150), model.Good},
		{"just above warn", model.Latency, model.Some(150.01), model.Warn},
		{"equal to critical is warn", model.Latency, model.Some(300), model.Warn},
		{"above critical", model.Latency, model.Some(301), model.Critical},
		{"jitter warn", model.Jitter, model.Some(31), model.Warn},
		{"loss equal to warn", model.AvgLoss, model.Some(1), model.Good},
		{"loss critical", model.AvgLoss, model.Some(5.1), model.Critical},
		{"max loss warn", model.MaxLoss, model.Some(6), model.Warn},
		{"cpu critical", model.SystemCPU, model.Some(96), model.Critical},
		{"rssi strong", model.WiFiRSSI, model.Some(-50), model.Good},
		{"rssi equal to warn is good", model.WiFiRSSI, model.Some(-67), model.Good},
		{"rssi weaker than warn", model.WiFiRSSI, model.Some(-68), model.Warn},
		{"rssi equal to critical is warn", model.WiFiRSSI, model.Some(-75), model.Warn},
		{"rssi weaker than critical", model.WiFiRSSI, model.Some(-76), model.Critical},
		{"unknown metric", model.Metric(99), model.Some(1000), model.Unknown},
		{"negative metric", model.Metric(-1), model.Some(1000), model.Unknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := d.Level(tc.m, tc.v); got != tc.want {
				t.Fatalf("Level(%s, %v) = %s, want %s", tc.m, tc.v, got, tc.want)
			}
		})
	}
}

func TestStreamLevel(t *testing.T) {
	d := model.DefaultThresholds()
	for _, tc := range []struct {
		name string
		s    model.StreamStats
		want model.Level
	}{
		{"empty", model.StreamStats{}, model.Unknown},
		{"bitrate only is not judged", model.StreamStats{BitrateKbps: model.Some(23)}, model.Unknown},
		{"all good", model.StreamStats{LatencyMS: model.Some(126), JitterMS: model.Some(6), AvgLossPct: model.Some(0.3), MaxLossPct: model.Some(1.9)}, model.Good},
		{"worst wins", model.StreamStats{LatencyMS: model.Some(126), JitterMS: model.Some(40), MaxLossPct: model.Some(11)}, model.Critical},
		{"one warn", model.StreamStats{AvgLossPct: model.Some(2)}, model.Warn},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := d.StreamLevel(tc.s); got != tc.want {
				t.Fatalf("StreamLevel = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestLevelString(t *testing.T) {
	for l, want := range map[model.Level]string{
		model.Unknown: "unknown", model.Good: "good", model.Warn: "warn", model.Critical: "critical", model.Level(9): "unknown",
	} {
		if got := l.String(); got != want {
			t.Errorf("Level(%d).String() = %q, want %q", int(l), got, want)
		}
	}
}

func TestParseThresholds(t *testing.T) {
	base := model.DefaultThresholds()
	for _, tc := range []struct {
		name    string
		spec    string
		want    map[model.Metric]model.Bound // changed bounds; others stay at base
		wantErr string
	}{
		{name: "empty", spec: ""},
		{name: "only commas", spec: " , ,"},
		{name: "three metrics", spec: "latency=150:300,jitter=30:60,loss=1:5"},
		{
			name: "overrides", spec: "latency=100:200, maxloss = 2 : 4 ,cpu=70:90,rssi=-60:-80",
			want: map[model.Metric]model.Bound{
				model.Latency: {Warn: 100, Critical: 200}, model.MaxLoss: {Warn: 2, Critical: 4},
				model.SystemCPU: {Warn: 70, Critical: 90}, model.WiFiRSSI: {Warn: -60, Critical: -80},
			},
		},
		{name: "case-insensitive name", spec: "Latency=10:20", want: map[model.Metric]model.Bound{model.Latency: {Warn: 10, Critical: 20}}},
		{name: "last wins", spec: "jitter=10:20,jitter=11:21", want: map[model.Metric]model.Bound{model.Jitter: {Warn: 11, Critical: 21}}},
		{name: "fractions", spec: "loss=0.5:2.5", want: map[model.Metric]model.Bound{model.AvgLoss: {Warn: 0.5, Critical: 2.5}}},
		{name: "unknown metric", spec: "latncy=150:300", wantErr: `threshold "latncy=150:300": unknown metric "latncy" (known: latency, jitter, loss, maxloss, cpu, rssi)`},
		{name: "missing equals", spec: "latency", wantErr: `threshold "latency": want name=warn:critical, e.g. latency=150:300`},
		{name: "missing colon", spec: "latency=150", wantErr: `threshold "latency=150": want warn:critical, e.g. latency=150:300`},
		{name: "not a number", spec: "jitter=a:60", wantErr: `threshold "jitter=a:60": limits must be numbers`},
		{name: "empty limit", spec: "jitter=30:", wantErr: `threshold "jitter=30:": limits must be numbers`},
		{name: "three limits", spec: "jitter=30:60:90", wantErr: `threshold "jitter=30:60:90": limits must be numbers`},
		{name: "inverted", spec: "latency=300:150", wantErr: "threshold latency: warn (300) must be below critical (150)"},
		{name: "rssi inverted", spec: "rssi=-75:-67", wantErr: "threshold rssi: warn (-75) must be above critical (-67)"},
		{name: "negative", spec: "loss=-1:5", wantErr: "threshold loss: limits must not be negative (have -1:5)"},
		{name: "NaN", spec: "latency=NaN:300", wantErr: "threshold latency: limits must be finite numbers"},
		{name: "infinity", spec: "cpu=80:Inf", wantErr: "threshold cpu: limits must be finite numbers"},
		{name: "error after a good item", spec: "latency=100:200,bogus=1:2", wantErr: `unknown metric "bogus"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := model.ParseThresholds(base, tc.spec)
			if tc.wantErr != "" {
				if err == nil {
					t.Fatalf("ParseThresholds(%q) = nil error, want %q", tc.spec, tc.wantErr)
				}
				if !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ParseThresholds(%q) error = %q, want it to contain %q", tc.spec, err, tc.wantErr)
				}
				if got != base {
					t.Fatalf("ParseThresholds(%q) returned %+v on error, want base unchanged", tc.spec, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseThresholds(%q) error = %v", tc.spec, err)
			}
			want := base
			for m, b := range tc.want {
				want[m] = b
			}
			if got != want {
				t.Fatalf("ParseThresholds(%q) = %+v, want %+v", tc.spec, got, want)
			}
		})
	}
}

// The full help states the limits in force, in --thresholds' words, so
// that "!" on screen can be read against a number (issue 17 item 9).
func TestThresholdsSummary(t *testing.T) {
	th, err := model.ParseThresholds(model.DefaultThresholds(), "latency=200:400")
	if err != nil {
		t.Fatal(err)
	}
	want := "latency=200:400ms jitter=30:60ms loss=1:5% maxloss=5:10% cpu=80:95% rssi=-67:-75dBm"
	if got := th.Summary(); got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
}
