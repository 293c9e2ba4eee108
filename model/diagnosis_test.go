package model_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/qostop/qostop/model"
)

var (
	sendBad  = model.Degradation(0).With(model.Audio, model.Send)
	recvBad  = model.Degradation(0).With(model.Audio, model.Receive)
	bothBad  = sendBad.With(model.Audio, model.Receive)
	videoOut = model.Degradation(0).With(model.Video, model.Send)
	videoIn  = model.Degradation(0).With(model.Video, model.Receive)
)

// fine is a healthy participant on data center dc and network net.
func fine(name, dc, net string) model.DiagnosisInput {
	return model.DiagnosisInput{Name: name, DataCenter: dc, NetworkType: net, Location: "Berlin", Device: "Mac"}
}

func bad(name string, d model.Degradation, dc, net, loc string) model.DiagnosisInput {
	return model.DiagnosisInput{Name: name, Degraded: d, DataCenter: dc, NetworkType: net, Location: loc}
}

func windows(p model.DiagnosisInput) model.DiagnosisInput {
	p.Device = "Windows"
	return p
}

// many is n healthy participants on data center dc.
func many(n int, dc string) []model.DiagnosisInput {
	out := make([]model.DiagnosisInput, n)
	for i := range out {
		out[i] = fine("P", dc, "Wired")
	}
	return out
}

func TestDiagnose(t *testing.T) {
	cat := func(parts ...[]model.DiagnosisInput) []model.DiagnosisInput {
		var out []model.DiagnosisInput
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	one := func(p ...model.DiagnosisInput) []model.DiagnosisInput { return p }
	for _, tc := range []struct {
		name string
		ps   []model.DiagnosisInput
		want string
	}{
		{"empty meeting", nil, "no participants yet"},
		{"nobody measured yet", one(model.DiagnosisInput{NoData: true}, model.DiagnosisInput{NoData: true}),
			"no readings yet from any of 2"},
		{"none degraded", many(42, "SC Top"), "none of 42 degraded"},
		{"none degraded, some without readings", cat(many(3, "SC"), one(model.DiagnosisInput{Name: "Room", NoData: true})),
			"none of 4 degraded · 1 without readings"},
		{"one, both directions: their network",
			cat(one(bad("Alice Chen", bothBad, "SC Top", "Wifi", "Oakland")), many(6, "SC Top")),
			"1 of 7 degraded: Alice Chen (Wifi, Oakland) · send and receive: likely their own network"},
		{"one, send only: network or computer",
			cat(many(2, "SC"), one(bad("Bob", sendBad, "SC", "Wired", ""))),
			"1 of 3 degraded: Bob (Wired) · send: likely their own network or computer"},
		{"one, receive only, no traits known",
			cat(many(1, "SC"), one(model.DiagnosisInput{Name: "Erik", Degraded: recvBad})),
			"1 of 2 degraded: Erik · receive: likely their own network"},
		{"one and nobody healthy to compare: no cause",
			one(bad("Alice", bothBad, "SC", "Wifi", "Oakland"), model.DiagnosisInput{Name: "Room", NoData: true}),
			"1 of 2 degraded: Alice (Wifi, Oakland) · send and receive · 1 without readings"},
		{"one without a name",
			cat(many(1, "SC"), one(model.DiagnosisInput{Degraded: recvBad, Location: model.Redacted})),
			"1 of 2 degraded: a participant without a name · receive: likely their own network"},
		{"the sender", cat(many(3, "SC"), one(
			bad("Bob", videoOut, "SC", "Wifi", "Leeds"),
			bad("Alice", videoIn, "DE", "Wired", "Oakland"),
			bad("Erik", videoIn, "SG", "Cellular", "Oslo"))),
			"3 of 6 degraded · the others only on receive: likely the sender: Bob"},
		{"not the sender: the others receive another medium badly", cat(many(3, "SC"), one(
			bad("Bob", videoOut, "SC", "Wifi", "Leeds"),
			bad("Alice", recvBad, "DE", "Wired", "Oakland"))),
			"2 of 5 degraded"},
		{"not the sender: two send badly", cat(many(3, "SC"), one(
			bad("Bob", videoOut, "SC", "Wifi", "Leeds"),
			bad("Dana", videoOut, "DE", "Wifi", "Lyon"),
			bad("Alice", videoIn, "DE", "Wired", "Oakland"))),
			"3 of 6 degraded"},
		{"shared data center", cat(many(4, "SC"), one(
			bad("A", bothBad, "SC Top", "Wifi", "Oakland"),
			bad("B", recvBad, "SC Top", "Wired", "Berlin"),
			bad("C", bothBad, "SC Top", "Cellular", "Oslo"))),
			"3 of 7 degraded · all 3 on data center SC Top"},
		{"shared by the degraded and every healthy one: not claimed", cat(many(4, "SC Top"), one(
			bad("A", bothBad, "SC Top", "Wifi", "Oakland"),
			bad("B", bothBad, "SC Top", "Wired", "Berlin"))),
			"2 of 6 degraded"},
		{"healthy ones unknown: not claimed", one(
			bad("A", bothBad, "SC Top", "Wifi", "Oakland"),
			bad("B", bothBad, "SC Top", "Wired", "Berlin"),
			model.DiagnosisInput{Name: "C"}),
			"2 of 3 degraded"},
		{"several shared traits", cat(many(2, "SC"), one(
			windows(bad("A", bothBad, "DE", "Wifi", "Oakland")),
			windows(bad("B", bothBad, "DE", "Wifi", "Oakland")))),
			"2 of 4 degraded · all 2 on data center DE, on Wifi, in Oakland, using Windows"},
		{"redacted locations are not a shared place", cat(many(2, "SC"), one(
			windows(bad("participant 1", bothBad, "DE", "Wifi", model.Redacted)),
			windows(bad("participant 2", bothBad, "SG", "Wired", model.Redacted)))),
			"2 of 4 degraded · all 2 using Windows"},
		{"everyone degraded on one data center", one(
			bad("A", bothBad, "SC Top", "Wifi", "Oakland"),
			bad("B", bothBad, "SC Top", "Wired", "Berlin")),
			"2 of 2 degraded · all 2 on data center SC Top"},
		{"most degraded, different sites and networks: Zoom", cat(many(1, "SC"), one(
			model.DiagnosisInput{Name: "A", Degraded: bothBad, DataCenter: "SC", NetworkType: "Wifi", Device: "Mac"},
			model.DiagnosisInput{Name: "B", Degraded: bothBad, DataCenter: "DE", NetworkType: "Wired", Device: "iOS"},
			model.DiagnosisInput{Name: "C", Degraded: recvBad, DataCenter: "SG", NetworkType: "Cellular"})),
			"3 of 4 degraded · across data centers and networks: likely Zoom or the meeting's region"},
		{"half is not most", cat(many(3, "SC"), one(
			model.DiagnosisInput{Name: "A", Degraded: bothBad, DataCenter: "SC", NetworkType: "Wifi"},
			model.DiagnosisInput{Name: "B", Degraded: bothBad, DataCenter: "DE", NetworkType: "Wired"},
			model.DiagnosisInput{Name: "C", Degraded: sendBad, DataCenter: "SG", NetworkType: "Cellular"})),
			"3 of 6 degraded"},
		{"all only on receive, no sender", cat(many(3, "SC"), one(
			model.DiagnosisInput{Name: "A", Degraded: recvBad, DataCenter: "SC"},
			model.DiagnosisInput{Name: "B", Degraded: videoIn, DataCenter: "DE"})),
			"2 of 5 degraded · all only on receive"},
		{"all only on send", cat(many(3, "SC"), one(
			model.DiagnosisInput{Name: "A", Degraded: sendBad, DataCenter: "SC"},
			model.DiagnosisInput{Name: "B", Degraded: videoOut, DataCenter: "DE"})),
			"2 of 5 degraded · all only on send"},
		{"degraded wins over no data", cat(many(1, "SC"), one(
			model.DiagnosisInput{Name: "A", Degraded: recvBad, NoData: true})),
			"1 of 2 degraded: A · receive: likely their own network"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := model.Diagnose(tc.ps).String(); got != tc.want {
				t.Fatalf("Diagnose =\n  %q\nwant\n  %q", got, tc.want)
			}
		})
	}
}

func TestDiagnosisCountsAndText(t *testing.T) {
	d := model.Diagnose(append(many(4, "SC"), bad("A", bothBad, "SC Top", "Wifi", "X"), bad("B", bothBad, "SC Top", "Wired", "Y")))
	if d.Degraded != 2 || d.Total != 6 {
		t.Errorf("counts %d of %d, want 2 of 6", d.Degraded, d.Total)
	}
	if got, want := d.Text(" - "), "2 of 6 degraded - all 2 on data center SC Top"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

func TestDiagnosisRules(t *testing.T) {
	rules := model.DiagnosisRules()
	if len(rules) < 5 {
		t.Fatalf("%d rules", len(rules))
	}
	mine := model.DiagnosisRules()
	mine[0] = "changed"
	if model.DiagnosisRules()[0] == "changed" {
		t.Errorf("DiagnosisRules hands out the package's own slice")
	}
	for _, phrase := range []string{"likely their own network", "likely the sender", "all N on", "likely Zoom or the meeting's region", "without readings"} {
		if !strings.Contains(strings.Join(rules, "\n"), phrase) {
			t.Errorf("the rules do not explain %q", phrase)
		}
	}
}

func TestDiagnosisInputOf(t *testing.T) {
	th := model.DefaultThresholds()
	alice := model.Redact(model.Participant{UserName: "Alice Chen", DataCenter: "SC Top", NetworkType: "Wifi", Location: "Oakland", Device: "Mac"})
	now := streams(map[model.StreamKey]model.StreamStats{
		audioSend: {AvgLossPct: model.Some(7.2)},
		videoRecv: {LatencyMS: model.Some(40), BitrateKbps: model.Some(900)},
	})
	got := th.DiagnosisInputOf(alice, "participant 1", now)
	want := model.DiagnosisInput{Name: "participant 1", Degraded: sendBad, DataCenter: "SC Top", NetworkType: "Wifi",
		Location: model.Redacted, Device: "Mac"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DiagnosisInputOf =\n %+v\nwant\n %+v", got, want)
	}
	if in := th.DiagnosisInputOf(alice, "participant 1", model.Sample{}); !in.NoData || in.Degraded != 0 {
		t.Errorf("no current sample: %+v, want NoData and nothing degraded", in)
	}
}

// The diagnosis names the evidence it has: Alice's Wi-Fi at -82 dBm
// (critical) at the same minute makes "likely their own network" concrete.
func TestDiagnosisNamesWiFiAndCPU(t *testing.T) {
	th := model.DefaultThresholds()
	alice := model.Participant{UserName: "Alice Chen", NetworkType: "Wifi"}
	now := streams(map[model.StreamKey]model.StreamStats{audioSend: {LatencyMS: model.Some(412)}})
	now.WiFi.AvgRSSIdBm, now.CPU.SystemMaxPct = model.Some(-82), model.Some(97)
	bob := model.DiagnosisInput{Name: "Bob", NetworkType: "Wired"}
	d := model.Diagnose([]model.DiagnosisInput{th.DiagnosisInputOf(alice, "Alice Chen", now), bob})
	if got := d.String(); !strings.Contains(got, "likely their own network or computer (weak Wi-Fi -82 dBm, CPU 97%)") {
		t.Errorf("diagnosis: %q", got)
	}
	now.WiFi.AvgRSSIdBm, now.CPU.SystemMaxPct = model.Some(-50), model.Some(30)
	if in := th.DiagnosisInputOf(alice, "Alice Chen", now); len(in.Evidence) != 0 {
		t.Errorf("a good signal and CPU named: %q", in.Evidence)
	}
}
