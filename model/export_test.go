package model_test

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// exportParticipant is hand-built to cover what the export must keep
// apart: real zeros and missing readings, empty streams, empty cpu/wifi,
// samples out of order, a non-UTC join time and an unsafe name.
func exportParticipant() model.Participant {
	est := time.FixedZone("EST", -5*3600)
	return model.Participant{
		ID: "_f08HhPJS82MIVLuuFaJPg", UserID: "16778240", UserName: "José \x1b]0;pwned\x07Müller",
		Email: "jose@example.com", Device: "Mac", Client: "Zoom 6.2", OS: "macOS", Location: "Boston (US)",
		NetworkType: "Wifi", IPAddress: "192.0.2.7", DataCenter: "US (Virginia)", Version: "6.2.5",
		PCName: "not exported", MACAddr: "not exported",
		JoinTime: time.Date(2026, 11, 25, 14, 20, 5, 0, est), // 19:20:05 UTC
		Health:   "Warning", IssueList: []string{"audio", "network"},
		Samples: []model.Sample{
			{
				Time: time.Date(2026, 11, 25, 19, 22, 0, 0, time.UTC),
				Streams: map[model.StreamKey]model.StreamStats{
					{Media: model.Audio, Dir: model.Send}: {
						BitrateKbps: model.Some(23), LatencyMS: model.Some(126), JitterMS: model.Some(6),
						AvgLossPct: model.Some(0.3), MaxLossPct: model.Some(1.9),
					},
					{Media: model.Audio, Dir: model.Receive}: { // a real zero loss, no latency or jitter
						BitrateKbps: model.Some(27.15), AvgLossPct: model.Some(0), MaxLossPct: model.Some(0),
					},
					{Media: model.Video, Dir: model.Send}: {
						BitrateKbps: model.Some(1200), LatencyMS: model.Some(0), JitterMS: model.Some(4),
						AvgLossPct: model.Some(0.03), MaxLossPct: model.Some(0.4),
						FrameRateFPS: model.Some(12), Width: model.Some(1280), Height: model.Some(720),
					},
					{Media: model.Share, Dir: model.Receive}:               {}, // "0*0", "" everywhere: left out
					{Media: model.Video, Dir: model.Send, Path: model.CRC}: {LatencyMS: model.Some(math.NaN()), JitterMS: model.Some(9)},
				},
				CPU: model.CPU{ZoomMinPct: model.Some(0), ZoomMaxPct: model.Some(2), SystemMaxPct: model.Some(11)},
			},
			{ // older, listed second: must come out first
				Time: time.Date(2026, 11, 25, 19, 21, 0, 0, time.UTC),
				WiFi: model.WiFi{MinRSSIdBm: model.Some(-71), AvgRSSIdBm: model.Some(-65), MaxRSSIdBm: model.Some(-60)},
			},
		},
	}
}

const exportParticipantFields = `
	"id": "_f08HhPJS82MIVLuuFaJPg", "user_id": "16778240", "user_name": "José Müller",
	"email": "jose@example.com", "device": "Mac", "client": "Zoom 6.2", "location": "Boston (US)",
	"network_type": "Wifi", "ip_address": "192.0.2.7", "data_center": "US (Virginia)", "version": "6.2.5",
	"os": "macOS", "join_time": "2026-11-25T19:20:05Z", "health": "Warning", "issue_list": ["audio", "network"]`

const exportSamples = `[
	{"time": "2026-11-25T19:21:00Z", "streams": {},
	 "wifi": {"min_rssi_dbm": -71, "avg_rssi_dbm": -65, "max_rssi_dbm": -60}},
	{"time": "2026-11-25T19:22:00Z",
	 "streams": {
		"audio_input": {"bitrate_kbps": 23, "latency_ms": 126, "jitter_ms": 6, "avg_loss_pct": 0.3, "max_loss_pct": 1.9},
		"audio_output": {"bitrate_kbps": 27.15, "avg_loss_pct": 0, "max_loss_pct": 0},
		"video_device_from_crc": {"jitter_ms": 9},
		"video_input": {"bitrate_kbps": 1200, "latency_ms": 0, "jitter_ms": 4, "avg_loss_pct": 0.03,
		                "max_loss_pct": 0.4, "frame_rate_fps": 12, "width": 1280, "height": 720}
	 },
	 "cpu": {"zoom_min_pct": 0, "zoom_max_pct": 2, "system_max_pct": 11}}
]`

// requireJSON marshals v and compares it byte for byte with want, once
// whitespace is compacted: key order and number forms count.
func requireJSON(t *testing.T, v any, want string) {
	t.Helper()
	got, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	var w bytes.Buffer
	if err := json.Compact(&w, []byte(want)); err != nil {
		t.Fatalf("the expected JSON is invalid: %v", err)
	}
	if !bytes.Equal(got, w.Bytes()) {
		t.Fatalf("JSON mismatch\n got: %s\nwant: %s", got, w.Bytes())
	}
}

func TestNewSnapshot(t *testing.T) {
	p := exportParticipant()
	requireJSON(t, model.NewSnapshot("85746065432", model.Live, p), `{
		"meeting_id": "85746065432", "kind": "meeting", "type": "live",
		"participant": {`+exportParticipantFields+`},
		"samples": `+exportSamples+`}`)
	if !p.Samples[0].Time.After(p.Samples[1].Time) {
		t.Fatal("NewSnapshot reordered the caller's samples")
	}
}

func TestNewSnapshotEmpty(t *testing.T) {
	// Everything unknown: strings stay "", lists stay lists, times go.
	requireJSON(t, model.NewSnapshot("", model.Past, model.Participant{}), `{
		"meeting_id": "", "kind": "meeting", "type": "past",
		"participant": {"id": "", "user_id": "", "user_name": "", "email": "", "device": "", "client": "",
		                "location": "", "network_type": "", "ip_address": "", "data_center": "", "version": "",
		                "health": "", "issue_list": []},
		"samples": []}`)
}

func TestNewMeetingSnapshot(t *testing.T) {
	left := model.Participant{
		UserID: "2", UserName: "Room 4B", Device: "H.323/SIP",
		JoinTime:  time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC),
		LeaveTime: time.Date(2026, 11, 25, 19, 30, 0, 0, time.UTC),
	}
	requireJSON(t, model.NewMeetingSnapshot("/ab==", model.Past, []model.Participant{exportParticipant(), left}), `{
		"meeting_id": "/ab==", "kind": "meeting", "type": "past",
		"participants": [
			{`+exportParticipantFields+`, "samples": `+exportSamples+`},
			{"id": "", "user_id": "2", "user_name": "Room 4B", "email": "", "device": "H.323/SIP", "client": "",
			 "location": "", "network_type": "", "ip_address": "", "data_center": "", "version": "",
			 "join_time": "2026-11-25T19:00:00Z", "leave_time": "2026-11-25T19:30:00Z",
			 "health": "", "issue_list": [], "samples": []}
		]}`)
	requireJSON(t, model.NewMeetingSnapshot("1", model.Live, nil), `{"meeting_id": "1", "kind": "meeting", "type": "live", "participants": []}`)
	webinar := model.Ref{Kind: model.KindWebinar, ID: "91234567890"}.Key()
	requireJSON(t, model.NewMeetingSnapshot(webinar, model.Live, nil), `{"meeting_id": "91234567890", "kind": "webinar", "type": "live", "participants": []}`)
}

// Values Zoom sent that could not be read are missing from the samples;
// the export says how many, so "missing" is not read as "Zoom sent none".
func TestSnapshotUnparsedValues(t *testing.T) {
	p := model.Participant{UserID: "7", Unparsed: 3}
	fields := `"id": "", "user_id": "7", "user_name": "", "email": "", "device": "", "client": "",
		"location": "", "network_type": "", "ip_address": "", "data_center": "", "version": "",
		"health": "", "issue_list": [], "unparsed_values": 3`
	requireJSON(t, model.NewSnapshot("1", model.Live, p), `{"meeting_id": "1", "kind": "meeting", "type": "live",
		"participant": {`+fields+`}, "samples": []}`)
	requireJSON(t, model.NewMeetingSnapshot("1", model.Live, []model.Participant{p}), `{"meeting_id": "1", "kind": "meeting", "type": "live",
		"participants": [{`+fields+`, "samples": []}]}`)
}
