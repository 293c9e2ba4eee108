package model_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/qostop/qostop/model"
)

func TestSeverity(t *testing.T) {
	th := model.DefaultThresholds() // latency 150:300, loss 1:5, rssi -67:-75
	zeroWarn := th
	zeroWarn[model.AvgLoss] = model.Bound{Warn: 0, Critical: 2}
	for _, tc := range []struct {
		name   string
		th     model.Thresholds
		m      model.Metric
		v      model.Value
		want   float64
		wantOK bool
	}{
		{"absent has none", th, model.Latency, model.None, 0, false},
		{"unknown metric has none", th, model.Metric(99), model.Some(1), 0, false},
		{"zero is 0", th, model.Latency, model.Some(0), 0, true},
		{"half of warn", th, model.Latency, model.Some(75), 0.5, true},
		{"at warn is 1", th, model.Latency, model.Some(150), 1, true},
		{"160 ms just past warn", th, model.Latency, model.Some(160), 1 + 10.0/150, true},
		{"290 ms nearly critical", th, model.Latency, model.Some(290), 1 + 140.0/150, true},
		{"at critical is 2", th, model.Latency, model.Some(300), 2, true},
		{"beyond critical keeps the slope", th, model.Latency, model.Some(450), 3, true},
		{"loss 3% between 1 and 5", th, model.AvgLoss, model.Some(3), 1.5, true},
		{"loss 7.2% past critical", th, model.AvgLoss, model.Some(7.2), 2.55, true},
		{"warn 0: zero loss is 0", zeroWarn, model.AvgLoss, model.Some(0), 0, true},
		{"warn 0: any loss is past warn", zeroWarn, model.AvgLoss, model.Some(1), 1.5, true},
		{"rssi strong", th, model.WiFiRSSI, model.Some(-33.5), 0.5, true},
		{"rssi above 0 dBm clamps", th, model.WiFiRSSI, model.Some(3), 0, true},
		{"rssi at warn", th, model.WiFiRSSI, model.Some(-67), 1, true},
		{"rssi weaker than warn", th, model.WiFiRSSI, model.Some(-71), 1.5, true},
		{"rssi past critical", th, model.WiFiRSSI, model.Some(-83), 3, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tc.th.Severity(tc.m, tc.v)
			if ok != tc.wantOK || math.Abs(got-tc.want) > 1e-9 {
				t.Fatalf("Severity(%s, %v) = %g, %v; want %g, %v", tc.m, tc.v, got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

// The documented link between the two scales: Warn or worse exactly when
// severity passes 1, Critical exactly when it passes 2.
func TestSeverityAgreesWithLevel(t *testing.T) {
	th := model.DefaultThresholds()
	for _, m := range []model.Metric{model.Latency, model.Jitter, model.AvgLoss, model.MaxLoss, model.SystemCPU, model.WiFiRSSI} {
		b := th[m]
		lo, hi := math.Min(b.Warn, b.Critical)*2, math.Max(b.Warn, b.Critical)*2
		lo, hi = math.Min(lo, -1), math.Max(hi, 1)
		for x := lo; x <= hi; x += (hi - lo) / 997 {
			v := model.Some(x)
			sev, _ := th.Severity(m, v)
			lvl := th.Level(m, v)
			if (lvl >= model.Warn) != (sev > 1) || (lvl == model.Critical) != (sev > 2) {
				t.Fatalf("%s %g: level %s but severity %g", m, x, lvl, sev)
			}
		}
	}
}

func streams(kv map[model.StreamKey]model.StreamStats) model.Sample {
	return model.Sample{Time: at(0), Streams: kv}
}

var (
	audioRecv = model.StreamKey{Media: model.Audio, Dir: model.Receive}
	videoSend = model.StreamKey{Media: model.Video, Dir: model.Send}
	videoRecv = model.StreamKey{Media: model.Video, Dir: model.Receive}
)

func TestWorstReading(t *testing.T) {
	th := model.DefaultThresholds()
	for _, tc := range []struct {
		name   string
		s      model.Sample
		want   model.Reading
		wantOK bool
	}{
		{"no sample", model.Sample{}, model.Reading{}, false},
		{"only bitrate and frame rate: nothing judged", streams(map[model.StreamKey]model.StreamStats{
			videoSend: {BitrateKbps: model.Some(900), FrameRateFPS: model.Some(25)},
		}), model.Reading{}, false},
		{"loss past critical beats latency past warn", streams(map[model.StreamKey]model.StreamStats{
			audioSend: {LatencyMS: model.Some(290), AvgLossPct: model.Some(7.2)},
			videoRecv: {LatencyMS: model.Some(160)},
		}), model.Reading{Stream: audioSend, Metric: model.AvgLoss, Value: model.Some(7.2), Level: model.Critical, Severity: 2.55}, true},
		{"a good reading is still ranked", streams(map[model.StreamKey]model.StreamStats{
			audioRecv: {LatencyMS: model.Some(75), JitterMS: model.Some(3)},
		}), model.Reading{Stream: audioRecv, Metric: model.Latency, Value: model.Some(75), Level: model.Good, Severity: 0.5}, true},
		{"a tie goes to the earlier stream and metric", streams(map[model.StreamKey]model.StreamStats{
			videoRecv: {LatencyMS: model.Some(300)},
			audioRecv: {JitterMS: model.Some(60)},
			audioSend: {AvgLossPct: model.Some(5)},
		}), model.Reading{Stream: audioSend, Metric: model.AvgLoss, Value: model.Some(5), Level: model.Warn, Severity: 2}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := th.WorstReading(tc.s)
			if ok != tc.wantOK || got.Stream != tc.want.Stream || got.Metric != tc.want.Metric ||
				got.Value != tc.want.Value || got.Level != tc.want.Level || math.Abs(got.Severity-tc.want.Severity) > 1e-9 {
				t.Fatalf("WorstReading = %+v, %v; want %+v, %v", got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

func TestDegradationOf(t *testing.T) {
	th := model.DefaultThresholds()
	crcSend := model.StreamKey{Media: model.Audio, Dir: model.Send, Path: model.CRC}
	d := th.DegradationOf(streams(map[model.StreamKey]model.StreamStats{
		crcSend:   {JitterMS: model.Some(45)},
		videoRecv: {AvgLossPct: model.Some(6)},
		videoSend: {AvgLossPct: model.Some(0.2)},
		audioRecv: {LatencyMS: model.Some(150)}, // at warn is still good
	}))
	for _, tc := range []struct {
		m    model.Media
		dir  model.Direction
		want bool
	}{
		{model.Audio, model.Send, true}, {model.Audio, model.Receive, false},
		{model.Video, model.Send, false}, {model.Video, model.Receive, true},
		{model.Share, model.Send, false}, {model.Share, model.Receive, false},
	} {
		if d.Has(tc.m, tc.dir) != tc.want {
			t.Errorf("%s %s degraded = %v, want %v", tc.m, tc.dir, !tc.want, tc.want)
		}
	}
	if !d.Sends() || !d.Receives() {
		t.Errorf("Sends %v Receives %v, want both", d.Sends(), d.Receives())
	}
	recvOnly := model.Degradation(0).With(model.Share, model.Receive)
	if recvOnly.Sends() || !recvOnly.Receives() {
		t.Errorf("share receive only: Sends %v Receives %v", recvOnly.Sends(), recvOnly.Receives())
	}
}

func TestDegradedShare(t *testing.T) {
	th := model.DefaultThresholds()
	gap := model.Sample{Time: at(3)}
	for _, tc := range []struct {
		name    string
		samples []model.Sample
		want    float64
	}{
		{"none", nil, 0},
		{"only gaps", []model.Sample{gap}, 0},
		{"one of four bad", []model.Sample{sample(0, 40), sample(1, 160), sample(2, 40), sample(4, 40)}, 0.25},
		{"gaps are not counted as healthy", []model.Sample{sample(0, 400), gap, sample(2, 40)}, 0.5},
		{"at warn is not degraded", []model.Sample{sample(0, 150)}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := th.DegradedShare(tc.samples); got != tc.want {
				t.Fatalf("DegradedShare = %g, want %g", got, tc.want)
			}
		})
	}
}

// A sample counts as degraded exactly when its worst reading is at Warn
// or worse: the shortcut the share takes agrees with the levels shown.
func TestDegradedShareAgreesWithTheWorstLevel(t *testing.T) {
	th := model.DefaultThresholds()
	r := rand.New(rand.NewPCG(1, 2))
	val := func(scale float64) model.Value {
		switch r.IntN(5) {
		case 0:
			return model.None
		case 1:
			return model.Some(math.Inf(1))
		}
		return model.Some(r.Float64() * scale)
	}
	for range 5000 {
		s := model.Sample{Time: at(0), Streams: map[model.StreamKey]model.StreamStats{}}
		for range r.IntN(3) {
			k := model.StreamKeys[r.IntN(len(model.StreamKeys))]
			s.Streams[k] = model.StreamStats{LatencyMS: val(400), JitterMS: val(80), AvgLossPct: val(6), MaxLossPct: val(12)}
		}
		worst, judged := th.WorstReading(s)
		want := 0.0
		if judged && worst.Level >= model.Warn {
			want = 1
		}
		if got := th.DegradedShare([]model.Sample{s}); got != want {
			t.Fatalf("DegradedShare = %g, worst reading %+v (judged %v): %+v", got, worst, judged, s.Streams)
		}
	}
}
