package sim

import (
	"fmt"
	"math"
	"time"
)

// Zoom's QoS Subscription Service (QSS) pushes each participant's
// samples as meeting.participant_qos events (webinar.… for webinars),
// by WebSocket (ws.go) or webhook. The events here come from the same
// timeline the REST endpoints serve: a sample is pushed when it becomes
// visible to the API (after its publish lag), with the same strings, so
// push and poll agree sample for sample.

// Event is one participant_qos event: whose samples it carries, the
// sample's date_time, and the event JSON (a webhook's body, a WebSocket
// message's content).
type Event struct {
	MeetingID     string
	ParticipantID string // the per-meeting user_id the QoS call takes
	At            time.Time
	Body          []byte
}

type wireEvent struct {
	Event   string      `json:"event"`
	EventTS int64       `json:"event_ts"`
	Payload wirePayload `json:"payload"`
}

type wirePayload struct {
	AccountID string     `json:"account_id"`
	Object    wireObject `json:"object"`
}

type wireObject struct {
	ID          string          `json:"id"`
	UUID        string          `json:"uuid"`
	Topic       string          `json:"topic"`
	Participant wirePushedParty `json:"participant"`
}

type wirePushedParty struct {
	UserID            string     `json:"user_id"`
	UserName          string     `json:"user_name"`
	ParticipantUserID string     `json:"participant_user_id,omitempty"`
	QoS               []wireItem `json:"qos"`
}

// wireItem is one qos item. Every item carries its own date_time here;
// qostop also reads events whose items take the event's event_ts.
type wireItem struct {
	Type     string `json:"type"`
	DateTime string `json:"date_time"`
	Details  any    `json:"details"`
}

// wireQuality is an audio_quality, video_quality or as_quality item's
// details (Zoom's changelog of 2023-03-20: quality and quality_score).
type wireQuality struct {
	Quality string `json:"quality"`
	Score   string `json:"quality_score"`
}

// Events are the participant_qos events of the live meetings and
// webinars for the samples that became visible to the API in (since,
// until]: one event per participant per sample, oldest first.
func (s *Server) Events(since, until time.Time) []Event {
	var out []Event
	for _, m := range s.meetings {
		if m.ended {
			continue
		}
		for k := m.current(since) + 1; k <= m.current(until); k++ {
			for _, p := range m.members {
				if k < p.joinK || (p.leaveK >= 0 && k > p.leaveK) {
					continue
				}
				out = append(out, s.event(m, p, k))
			}
		}
	}
	return out
}

// event is p's sample k as an event, sent when the sample was published.
func (s *Server) event(m *meeting, p *member, k int) Event {
	v := s.values(m, p, k)
	w := s.wireSampleOf(m, p, v)
	var items []wireItem
	for _, st := range w.Streams {
		items = append(items, wireItem{st.name, w.DateTime, st.st})
	}
	for _, x := range []struct {
		name string
		v    any
		ok   bool
	}{{"cpu_usage", w.CPU, w.CPU != nil}, {"wifi_rssi", w.RSSI, w.RSSI != nil},
		{"audio_quality", score(v.audioSend), v.audioSend != nil},
		{"video_quality", score(v.videoSend), v.videoSend != nil},
		{"as_quality", score(v.shareSend), v.shareSend != nil}} {
		if x.ok {
			items = append(items, wireItem{x.name, w.DateTime, x.v})
		}
	}
	name := "meeting.participant_qos"
	if m.webinar {
		name = "webinar.participant_qos"
	}
	sent := m.at(k)
	if m.lag != nil {
		sent = sent.Add(m.lag(k))
	}
	ev := wireEvent{Event: name, EventTS: sent.UnixMilli(), Payload: wirePayload{AccountID: s.opts.AccountID,
		Object: wireObject{ID: m.id, UUID: m.uuid, Topic: m.topic, Participant: wirePushedParty{
			UserID: p.userID, UserName: p.name, ParticipantUserID: p.id, QoS: items}}}}
	return Event{MeetingID: m.id, ParticipantID: p.userID, At: m.at(k), Body: encode(ev)}
}

// score is Zoom's verdict on a stream: the Dashboard's word for it and a
// score from 1 to 5 that falls with loss and latency.
func score(sv *streamVals) wireQuality {
	if sv == nil {
		return wireQuality{}
	}
	v := 5 - 0.35*sv.avgLoss - sv.latency/200
	return wireQuality{Quality: quality(sv), Score: fmt.Sprintf("%.1f", math.Max(1, math.Min(5, v)))}
}
