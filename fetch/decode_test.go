package fetch

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return tm.UTC()
}

func wantValue(t *testing.T, what string, got model.Value, want float64) {
	t.Helper()
	if !got.OK || got.V != want {
		t.Errorf("%s = %v, want %g", what, got, want)
	}
}

func wantNone(t *testing.T, what string, got model.Value) {
	t.Helper()
	if got.OK {
		t.Errorf("%s = %v, want missing", what, got)
	}
}

// The shared documentation example must decode to exactly its values.
func TestDecodeSharedParticipantExactly(t *testing.T) {
	p, err := decodeParticipant(readFixture(t, "participant-qos.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ field, got, want string }{
		{"ID", p.ID, "_f08HhPJS82MIVLuuFaJPg"},
		{"UserID", p.UserID, "20161536"},
		{"UserName", p.UserName, "jchill"},
		{"Email", p.Email, "jchill@example.com"},
		{"Device", p.Device, "Phone"},
		{"Client", p.Client, "Web Meeting SDK 2.18"},
		{"OS", p.OS, "iOS"},
		{"Location", p.Location, "United States"},
		{"NetworkType", p.NetworkType, "Wired"},
		{"IPAddress", p.IPAddress, "192.0.2.1"},
		{"DataCenter", p.DataCenter, "United States (SC Top)"},
		{"Version", p.Version, "5.9.1.2581"},
		{"PCName", p.PCName, "HW0010449"},
		{"MACAddr", p.MACAddr, "f85e-a012-92d8"},
		{"Health", p.Health, "Warning"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if want := mustTime(t, "2022-03-01T10:15:14Z"); !p.JoinTime.Equal(want) || !p.LeaveTime.Equal(want) {
		t.Errorf("join/leave = %v/%v, want %v", p.JoinTime, p.LeaveTime, want)
	}
	if p.JoinTime.Location() != time.UTC {
		t.Errorf("join time not in UTC: %v", p.JoinTime.Location())
	}
	if len(p.IssueList) != 1 || p.IssueList[0] != "audio" {
		t.Errorf("IssueList = %q", p.IssueList)
	}
	if p.Unparsed != 0 {
		t.Errorf("Unparsed = %d, want 0", p.Unparsed)
	}
	if len(p.Samples) != 1 {
		t.Fatalf("%d samples, want 1", len(p.Samples))
	}
	s := p.Samples[0]
	if want := mustTime(t, "2022-03-01T10:16:00Z"); !s.Time.Equal(want) {
		t.Errorf("sample time %v, want %v", s.Time, want)
	}
	if len(s.Streams) != len(model.StreamKeys) {
		t.Errorf("%d streams, want all %d", len(s.Streams), len(model.StreamKeys))
	}
	for _, k := range model.StreamKeys {
		st, ok := s.Stream(k)
		if !ok {
			t.Errorf("stream %s (%s) missing", k, k.WireName())
			continue
		}
		name := k.WireName()
		wantValue(t, name+" bitrate", st.BitrateKbps, 27.15)
		wantValue(t, name+" latency", st.LatencyMS, 126)
		wantValue(t, name+" jitter", st.JitterMS, 0)
		wantValue(t, name+" avg loss", st.AvgLossPct, 0.03)
		maxLoss := 0.4
		if name == "video_device_from_crc" || name == "video_device_from_rwg" {
			maxLoss = 0.03
		}
		wantValue(t, name+" max loss", st.MaxLossPct, maxLoss)
		if k.HasVideoFields() {
			wantValue(t, name+" fps", st.FrameRateFPS, 12)
			wantValue(t, name+" width", st.Width, 1280)
			wantValue(t, name+" height", st.Height, 720)
		} else {
			wantNone(t, name+" fps", st.FrameRateFPS)
			wantNone(t, name+" width", st.Width)
		}
	}
	wantValue(t, "system max cpu", s.CPU.SystemMaxPct, 11)
	wantValue(t, "zoom avg cpu", s.CPU.ZoomAvgPct, 0)
	wantValue(t, "zoom max cpu", s.CPU.ZoomMaxPct, 2)
	wantValue(t, "zoom min cpu", s.CPU.ZoomMinPct, 0)
	wantValue(t, "wifi max", s.WiFi.MaxRSSIdBm, -75)
	wantValue(t, "wifi avg", s.WiFi.AvgRSSIdBm, -69)
	wantValue(t, "wifi min", s.WiFi.MinRSSIdBm, -35)
}

func TestDecodeSharedListPage(t *testing.T) {
	ps, next, err := decodeParticipantPage(readFixture(t, "list-participants-qos.json"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if next != "" || len(ps) != 1 {
		t.Fatalf("next %q, %d participants; want \"\", 1", next, len(ps))
	}
	p := ps[0]
	if p.UserID != "1670000000" || p.PCName != "User's Phone" || p.Unparsed != 0 || len(p.Samples) != 1 {
		t.Fatalf("participant %+v", p)
	}
	s := p.Samples[0]
	as, ok := s.Stream(model.StreamKey{Media: model.Share, Dir: model.Send})
	if !ok {
		t.Fatal("as_input missing")
	}
	wantValue(t, "as_input bitrate", as.BitrateKbps, 70)
	wantNone(t, "as_input fps (\"\")", as.FrameRateFPS)
	wantNone(t, "as_input width (0*0)", as.Width)
	wantNone(t, "as_input height (0*0)", as.Height)
	vi, _ := s.Stream(model.StreamKey{Media: model.Video, Dir: model.Send})
	wantValue(t, "video_input bitrate", vi.BitrateKbps, 1055)
	wantValue(t, "video_input max loss", vi.MaxLossPct, 4.9)
	wantValue(t, "video_input width", vi.Width, 1280)
	vo, _ := s.Stream(model.StreamKey{Media: model.Video, Dir: model.Receive})
	wantValue(t, "video_output fps", vo.FrameRateFPS, 22)
	wantValue(t, "video_output height", vo.Height, 360)
	wantValue(t, "zoom avg cpu", s.CPU.ZoomAvgPct, 12)
	wantNone(t, "wifi avg (absent)", s.WiFi.AvgRSSIdBm)
}

// Quirks the documentation does not show: wrong JSON types, empty strings,
// units without spaces, escape sequences, unsorted and undated samples.
func TestDecodeQuirkyParticipant(t *testing.T) {
	p, err := decodeParticipant(readFixture(t, "quirky-participant.json"))
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != "12345" || p.UserID != "16778240" {
		t.Errorf("numeric ids: ID %q UserID %q", p.ID, p.UserID)
	}
	if p.UserName != "Mallory evil" {
		t.Errorf("UserName = %q, want escape sequences stripped", p.UserName)
	}
	if p.Device != "" || p.Location != "" {
		t.Errorf("null/wrong-type text: Device %q Location %q", p.Device, p.Location)
	}
	if strings.Join(p.IssueList, ",") != "audio,video" {
		t.Errorf("IssueList = %q", p.IssueList)
	}
	if p.LeaveTime != (time.Time{}) || !p.JoinTime.Equal(mustTime(t, "2021-06-24T19:58:00Z")) {
		t.Errorf("join %v leave %v", p.JoinTime, p.LeaveTime)
	}
	// avg_loss number, max_loss "lots", a string stream, cpu number, rssi
	// "weak", an undated sample (dropped), a sample that is a number; and
	// the identity fields: location a list, issue_list's 7.
	if p.Unparsed != 9 {
		t.Errorf("Unparsed = %d, want 9", p.Unparsed)
	}
	if len(p.Samples) != 3 {
		t.Fatalf("%d samples, want 3", len(p.Samples))
	}
	wantTimes := []time.Time{mustTime(t, "2021-06-24T20:00:00Z"), mustTime(t, "2021-06-24T20:01:00Z"), mustTime(t, "2021-06-24T20:02:00Z")}
	for i, s := range p.Samples {
		if !s.Time.Equal(wantTimes[i]) {
			t.Errorf("sample %d at %v, want %v (oldest first)", i, s.Time, wantTimes[i])
		}
	}
	ai := model.StreamKey{Media: model.Audio, Dir: model.Send}
	s := p.Samples[2]
	st, ok := s.Stream(ai)
	if !ok {
		t.Fatal("audio_input missing")
	}
	wantValue(t, "27.15kbps", st.BitrateKbps, 27.15)
	wantValue(t, "0ms", st.LatencyMS, 0)
	wantNone(t, "empty jitter", st.JitterMS)
	wantNone(t, "numeric avg_loss", st.AvgLossPct)
	wantNone(t, "\"lots\" max_loss", st.MaxLossPct)
	if _, ok := s.Stream(model.StreamKey{Media: model.Video, Dir: model.Send}); ok {
		t.Error("video_input with only empty values and 0*0 should be absent")
	}
	if _, ok := s.Stream(model.StreamKey{Media: model.Audio, Dir: model.Send, Path: model.RWG}); ok {
		t.Error("a stream that is a string should be absent")
	}
	if len(s.Streams) != 2 {
		t.Errorf("%d streams, want audio_input and as_output", len(s.Streams))
	}
	wantValue(t, "cpu min", s.CPU.ZoomMinPct, 1)
	wantNone(t, "cpu avg empty", s.CPU.ZoomAvgPct)
	wantNone(t, "cpu max number", s.CPU.ZoomMaxPct)
	wantValue(t, "system cpu", s.CPU.SystemMaxPct, 40)
	wantNone(t, "rssi null", s.WiFi.MaxRSSIdBm)
	wantValue(t, "rssi \"-61\"", s.WiFi.AvgRSSIdBm, -61)
	wantNone(t, "rssi \"weak\"", s.WiFi.MinRSSIdBm)
	st, _ = p.Samples[0].Stream(ai)
	wantValue(t, "1.2 Mbps", st.BitrateKbps, 1200)
	vo, _ := p.Samples[1].Stream(model.StreamKey{Media: model.Video, Dir: model.Receive})
	wantValue(t, "640x360 width", vo.Width, 640)
}

func TestDecode2018ObjectForm(t *testing.T) {
	p, err := decodeParticipant(readFixture(t, "participant-2018.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Samples) != 1 || p.Unparsed != 0 {
		t.Fatalf("%d samples, %d unparsed; want 1, 0", len(p.Samples), p.Unparsed)
	}
	s := p.Samples[0]
	if !s.Time.Equal(mustTime(t, "2018-05-01T12:01:00Z")) || len(s.Streams) != 3 {
		t.Fatalf("sample %v with %d streams", s.Time, len(s.Streams))
	}
	vi, _ := s.Stream(model.StreamKey{Media: model.Video, Dir: model.Send})
	wantValue(t, "video_input width", vi.Width, 1280)
	wantValue(t, "video_input jitter", vi.JitterMS, 11)
}

func TestDecodeNullUserQoS(t *testing.T) {
	p, err := decodeParticipant(readFixture(t, "user_qos_null.json"))
	if err != nil || len(p.Samples) != 0 || p.Unparsed != 0 {
		t.Fatalf("err %v, %d samples, %d unparsed", err, len(p.Samples), p.Unparsed)
	}
}

func TestDecodeTimeFormats(t *testing.T) {
	want := mustTime(t, "2022-03-01T10:16:00Z")
	for _, c := range []struct {
		in       string
		want     time.Time // zero: the sample is dropped
		unparsed int
	}{
		{"2022-03-01T10:16:00Z", want, 0},
		{"2022-03-01T10:16:00.0000000+00:00", want, 0},
		{"2022-03-01T12:16:00+02:00", want, 0},
		{"2022-03-01T10:16:00", want, 0},
		{"", time.Time{}, 1},
		{"yesterday", time.Time{}, 1},
	} {
		t.Run(c.in, func(t *testing.T) {
			body := `{"user_qos":[{"date_time":"` + c.in + `","audio_input":{"bitrate":"1 kbps"}}]}`
			p, err := decodeParticipant([]byte(body))
			if err != nil {
				t.Fatal(err)
			}
			if p.Unparsed != c.unparsed {
				t.Errorf("Unparsed %d, want %d", p.Unparsed, c.unparsed)
			}
			if c.want.IsZero() {
				if len(p.Samples) != 0 {
					t.Errorf("an undated sample was kept: %+v", p.Samples)
				}
				return
			}
			if len(p.Samples) != 1 {
				t.Fatalf("%d samples, want 1", len(p.Samples))
			}
			if got := p.Samples[0].Time; !got.Equal(c.want) || got.Location() != time.UTC {
				t.Errorf("time %v, want %v in UTC", got, c.want)
			}
		})
	}
}

// Samples are keyed by date_time: one without a time is dropped and
// counted, a repeated time replaces the earlier sample (however the time
// is written), and the result is oldest first.
func TestDecodeSamplesOnePerTime(t *testing.T) {
	body := `{"user_qos":[
		{"date_time":"2021-06-24T20:01:00Z","audio_input":{"latency":"100 ms"}},
		{"audio_input":{"latency":"1 ms"}},
		{"date_time":null,"audio_input":{"latency":"2 ms"}},
		{"date_time":"2021-06-24T20:00:00Z","audio_input":{"latency":"50 ms"}},
		{"date_time":"2021-06-24T20:01:00.0000000+00:00","audio_input":{"latency":"120 ms"}},
		{"date_time":"2021-06-24T20:02:00Z","audio_input":{"latency":"80 ms"}},
		{"date_time":"2021-06-24T22:01:00+02:00","video_input":{"latency":"130 ms"}}
	]}`
	p, err := decodeParticipant([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if p.Unparsed != 2 {
		t.Errorf("Unparsed %d, want 2 (the two undated samples)", p.Unparsed)
	}
	ai := model.StreamKey{Media: model.Audio, Dir: model.Send}
	vi := model.StreamKey{Media: model.Video, Dir: model.Send}
	wantTimes := []string{"2021-06-24T20:00:00Z", "2021-06-24T20:01:00Z", "2021-06-24T20:02:00Z"}
	if len(p.Samples) != len(wantTimes) {
		t.Fatalf("%d samples, want %d: %+v", len(p.Samples), len(wantTimes), p.Samples)
	}
	for i, s := range p.Samples {
		if !s.Time.Equal(mustTime(t, wantTimes[i])) {
			t.Errorf("sample %d at %v, want %s", i, s.Time, wantTimes[i])
		}
	}
	// The last sample for 20:01 replaced both before it, whole.
	if _, ok := p.Samples[1].Stream(ai); ok {
		t.Error("20:01 kept audio_input from a replaced sample")
	}
	st, _ := p.Samples[1].Stream(vi)
	wantValue(t, "20:01 video latency", st.LatencyMS, 130)
	st, _ = p.Samples[0].Stream(ai)
	wantValue(t, "20:00 audio latency", st.LatencyMS, 50)
}

// Every stream the model knows must be read from its wire name.
func TestDecodeEveryStreamKey(t *testing.T) {
	sample := map[string]any{"date_time": "2021-06-24T20:00:00Z"}
	for i, k := range model.StreamKeys {
		sample[k.WireName()] = map[string]string{"bitrate": strconv.Itoa(i+1) + " kbps"}
	}
	body, _ := json.Marshal(map[string]any{"user_qos": []any{sample}})
	p, err := decodeParticipant(body)
	if err != nil {
		t.Fatal(err)
	}
	for i, k := range model.StreamKeys {
		st, ok := p.Samples[0].Stream(k)
		if !ok {
			t.Errorf("%s not decoded", k.WireName())
			continue
		}
		wantValue(t, k.WireName(), st.BitrateKbps, float64(i+1))
	}
}

func TestDecodeMeetingPage(t *testing.T) {
	ms, next, err := decodeMeetingPage(readFixture(t, "meetings.json"))
	if err != nil {
		t.Fatal(err)
	}
	if next != "" || len(ms) != 2 {
		t.Fatalf("next %q, %d meetings; want \"\", 2 (the number item skipped)", next, len(ms))
	}
	m := ms[0]
	if m.UUID != "/ajXp112QmuoKj4854875==" || m.ID != "93201235621" || m.Topic != "Incident bridge" ||
		m.Host != "On Call" || m.Email != "oncall@example.com" || m.Duration != "01:02:03" ||
		m.Participants != 12 || !m.HasVideo || !m.HasScreenShare || !m.StartTime.Equal(mustTime(t, "2021-06-24T20:00:00Z")) {
		t.Errorf("meeting 0 = %+v", m)
	}
	m = ms[1]
	if m.ID != "9007199254740993123" {
		t.Errorf("big id = %q, want every digit kept", m.ID)
	}
	if m.Topic != "Big id red" || m.Duration != "5" || m.Participants != 3 || !m.HasVideo || m.HasScreenShare {
		t.Errorf("meeting 1 = %+v", m)
	}
	if !m.StartTime.Equal(mustTime(t, "2022-03-01T10:16:00Z")) {
		t.Errorf("start %v", m.StartTime)
	}
}

func TestDecodeParticipantList(t *testing.T) {
	ps, _, err := decodeParticipantPage(readFixture(t, "participants.json"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].UserID != "20161536" || ps[0].Left() || !ps[1].Left() || len(ps[0].Samples) != 0 {
		t.Fatalf("participants %+v", ps)
	}
}

func TestDecodeRejectsWrongShapes(t *testing.T) {
	for _, body := range []string{`[]`, `"x"`, `{"participants": "nope"}`, `{"participants": {}}`, `{`} {
		if _, _, err := decodeParticipantPage([]byte(body), 0); err == nil {
			t.Errorf("page %s decoded without error", body)
		}
	}
	for _, body := range []string{`[1]`, `null`, ` null`, `"x"`, `7`} {
		if _, err := decodeParticipant([]byte(body)); err == nil {
			t.Errorf("%s decoded as a participant", body)
		}
	}
	for _, body := range []string{`null`, "\nnull\n"} {
		if _, _, err := decodeParticipantPage([]byte(body), 0); err == nil {
			t.Errorf("participant page %q decoded without error", body)
		}
		if _, _, err := decodeMeetingPage([]byte(body)); err == nil {
			t.Errorf("meeting page %q decoded without error", body)
		}
	}
}
