package qss

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

const itemTimes = `{"event":"meeting.participant_qos","event_ts":1700000065123,
 "payload":{"account_id":"acc","object":{"id":81234567890,"uuid":"u==","topic":"Stand\u001b[2Jup",
 "participant":{"user_id":"16778240","user_name":"Ana","participant_user_id":"AbC",
  "qos":[
   {"type":"audio_input","date_time":"2023-11-14T22:14:00Z","details":{"bitrate":"123.45kbps","latency":"80 ms","jitter":"4 ms","avg_loss":"0.20%","max_loss":"1.50%"}},
   {"type":"cpu_usage","date_time":"2023-11-14T22:14:00Z","details":{"zoom_avg_cpu_usage":"12%"}},
   {"type":"audio_quality","date_time":"2023-11-14T22:14:00Z","details":{"quality":"good","quality_score":"4.3"}}
  ]}}}}`

const eventTimes = `{"event":"webinar.participant_qos","event_ts":"1700000065123",
 "payload":{"object":{"id":"9","uuid":"w","participant":{"user_id":16778241,"user_name":"Bo",
  "qos":[
   {"type":"video_output","details":{"bitrate":"1.2Mbps","latency":"","frame_rate":"25 fps","resolution":"1280*720"}},
   {"type":"video_quality","details":{"quality":{"quality":"poor","quality_score":2.5}}}
  ]}}}}`

func TestParseEventItemTimesAndFlatScore(t *testing.T) {
	e, err := ParseEvent([]byte(itemTimes))
	if err != nil {
		t.Fatal(err)
	}
	if e.Webinar() || !e.QoS() || e.MeetingID != "81234567890" || e.Topic != "Standup" {
		t.Errorf("event = %+v", e)
	}
	p := e.Participant
	if p.UserID != "16778240" || p.ID != "AbC" || p.UserName != "Ana" || len(p.Samples) != 1 {
		t.Fatalf("participant = %+v", p)
	}
	s := p.Samples[0]
	want := time.Date(2023, 11, 14, 22, 14, 0, 0, time.UTC)
	st, ok := s.Stream(model.StreamKey{Media: model.Audio, Dir: model.Send})
	if !s.Time.Equal(want) || !ok || st.LatencyMS != model.Some(80) || st.AvgLossPct != model.Some(0.2) ||
		st.BitrateKbps != model.Some(123.45) || st.FrameRateFPS.OK {
		t.Errorf("sample = %+v", s)
	}
	if s.CPU.ZoomAvgPct != model.Some(12) || s.Via != model.ViaPush {
		t.Errorf("cpu/via = %+v %v", s.CPU, s.Via)
	}
	if s.Scores.Audio != (model.Score{Label: "good", Value: model.Some(4.3)}) || !s.Scores.Video.Empty() {
		t.Errorf("scores = %+v", s.Scores)
	}
	if e.Shape != (Shape{ItemTimes: 3, ScoresFlat: 1}) {
		t.Errorf("shape = %v", e.Shape)
	}
}

func TestParseEventEventTimesAndNestedScore(t *testing.T) {
	e, err := ParseEvent([]byte(eventTimes))
	if err != nil {
		t.Fatal(err)
	}
	if !e.Webinar() || e.Participant.UserID != "16778241" || len(e.Participant.Samples) != 1 {
		t.Fatalf("event = %+v", e)
	}
	s := e.Participant.Samples[0]
	if !s.Time.Equal(time.UnixMilli(1700000065000).UTC()) {
		t.Errorf("time = %v, want event_ts to the second", s.Time)
	}
	st, _ := s.Stream(model.StreamKey{Media: model.Video, Dir: model.Receive})
	if st.BitrateKbps != model.Some(1200) || st.LatencyMS.OK || st.Width != model.Some(1280) {
		t.Errorf("stream = %+v (an empty latency is missing, never 0)", st)
	}
	if s.Scores.Video != (model.Score{Label: "poor", Value: model.Some(2.5)}) {
		t.Errorf("scores = %+v", s.Scores)
	}
	if e.Shape != (Shape{EventTimes: 2, ScoresNested: 1}) {
		t.Errorf("shape = %v", e.Shape)
	}
	if !strings.Contains(e.Shape.String(), "2 event_ts") || !strings.Contains(e.Shape.String(), "1 nested") {
		t.Errorf("shape says %q", e.Shape)
	}
}

func TestParseFrameDecodesContentTwice(t *testing.T) {
	msg, _ := json.Marshal(map[string]any{"module": "message", "content": itemTimes})
	f, err := ParseFrame(msg)
	if err != nil || f.Module != ModuleMessage {
		t.Fatalf("frame = %+v, %v", f, err)
	}
	if e, err := ParseEvent(f.Content); err != nil || e.Participant.UserName != "Ana" {
		t.Errorf("event = %+v, %v", e, err)
	}
	f, err = ParseFrame([]byte(`{"module":"build_connection","success":false,"content":"Invalid Token\u001b]0;x\u0007"}`))
	if err != nil || f.Success || string(f.Content) != "Invalid Token" {
		t.Errorf("failure frame = %+v (%q), %v", f, f.Content, err)
	}
}

func TestParseEventRefusesAndCaps(t *testing.T) {
	for _, b := range []string{``, `null`, `[]`, `{"payload":{"object":{}}}`, `{"payload":{"object":{"participant":7}}}`} {
		if _, err := ParseEvent([]byte(b)); err == nil {
			t.Errorf("ParseEvent(%q) took it", b)
		}
	}
	long := strings.Repeat("x", 100000)
	b := strings.Replace(itemTimes, `"Ana"`, `"`+long+`"`, 1)
	b = strings.Replace(b, `"Stand\u001b[2Jup"`, `"`+long+`"`, 1)
	e, err := ParseEvent([]byte(b))
	if err != nil || len(e.Participant.UserName) > 2048 || len(e.Topic) > 2*maxText {
		t.Errorf("long text kept: name %d, topic %d bytes, %v", len(e.Participant.UserName), len(e.Topic), err)
	}
}
