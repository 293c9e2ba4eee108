package qss

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// MaxEvent bounds one event (and one frame): Zoom's participant_qos
// events are a few KB; a megabyte is not Zoom.
const MaxEvent = 1 << 20

// maxTimes bounds the sample times one event may carry: Zoom sends one
// minute per event (4 to 6 in an older version); the rest of a larger
// event is dropped and counted unparsed.
const maxTimes = 16

// maxText bounds the event-level text kept (topic, IDs), as fetch bounds
// an answer's strings.
const maxText = 256

// Event is one participant_qos event as qostop uses it.
type Event struct {
	Name      string    // "meeting.participant_qos", "webinar.participant_qos", cleaned
	At        time.Time // event_ts; zero when absent
	AccountID string
	// MeetingID and MeetingUUID name the call (payload.object.id, uuid).
	MeetingID, MeetingUUID, Topic string
	// Participant is who the samples are of: UserID is the per-meeting ID
	// the Dashboard's participant QoS call takes, ID the account user
	// (participant_user_id). Samples are oldest first, each tagged
	// model.ViaPush, with Zoom's quality scores where the event had them.
	Participant model.Participant
	Shape       Shape
}

// Webinar reports whether the event is of a webinar.
func (e Event) Webinar() bool { return strings.HasPrefix(e.Name, "webinar.") }

// QoS reports whether the event carries participant QoS samples (the
// *_summary and *_data events do not, as qostop reads them).
func (e Event) QoS() bool { return strings.HasSuffix(e.Name, ".participant_qos") }

// Shape records which of the forms no source confirms an event used, for
// a debug-log line: whether qos items carry their own date_time or take
// the event's event_ts, and whether quality_score sits flat in details or
// nested in a quality object.
type Shape struct {
	ItemTimes, EventTimes    int
	ScoresFlat, ScoresNested int
}

// String is the debug-log form, e.g. "times: 3 own, 0 event_ts; scores: 1 flat, 0 nested".
func (s Shape) String() string {
	return fmt.Sprintf("times: %d own, %d event_ts; scores: %d flat, %d nested",
		s.ItemTimes, s.EventTimes, s.ScoresFlat, s.ScoresNested)
}

// ErrNotEvent is a message that is not a participant event: not JSON, not
// an object, or without a participant.
var ErrNotEvent = errors.New("not a participant event")

type wireEvent struct {
	Event   str `json:"event"`
	EventTS str `json:"event_ts"`
	Payload struct {
		AccountID str `json:"account_id"`
		Object    struct {
			ID          str             `json:"id"`
			UUID        str             `json:"uuid"`
			Topic       str             `json:"topic"`
			Participant json.RawMessage `json:"participant"`
		} `json:"object"`
	} `json:"payload"`
}

type wireParticipant struct {
	UserID            json.RawMessage `json:"user_id"`
	UserName          json.RawMessage `json:"user_name"`
	ParticipantUserID json.RawMessage `json:"participant_user_id"`
	Email             json.RawMessage `json:"email"`
	QoS               []json.RawMessage
}

// UnmarshalJSON takes qos leniently: a non-list is no samples.
func (w *wireParticipant) UnmarshalJSON(b []byte) error {
	type plain struct {
		UserID            json.RawMessage `json:"user_id"`
		UserName          json.RawMessage `json:"user_name"`
		ParticipantUserID json.RawMessage `json:"participant_user_id"`
		Email             json.RawMessage `json:"email"`
		QoS               json.RawMessage `json:"qos"`
	}
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	w.UserID, w.UserName, w.ParticipantUserID, w.Email = p.UserID, p.UserName, p.ParticipantUserID, p.Email
	_ = json.Unmarshal(p.QoS, &w.QoS)
	return nil
}

type wireItem struct {
	Type     str             `json:"type"`
	DateTime str             `json:"date_time"`
	Details  json.RawMessage `json:"details"`
}

// ParseEvent reads one event, the JSON a message frame's content holds
// (or a webhook's body). Every text passes model.Clean and is capped; the
// readings are read by fetch's decoder, as a poll's are.
func ParseEvent(b []byte) (Event, error) {
	if len(b) > MaxEvent || !json.Valid(b) {
		return Event{}, ErrNotEvent
	}
	var w wireEvent
	if err := json.Unmarshal(b, &w); err != nil {
		return Event{}, ErrNotEvent
	}
	var wp wireParticipant
	if len(w.Payload.Object.Participant) == 0 || json.Unmarshal(w.Payload.Object.Participant, &wp) != nil {
		return Event{}, ErrNotEvent
	}
	e := Event{
		Name:        capText(w.Event.s),
		At:          eventTime(w.EventTS.s),
		AccountID:   capText(w.Payload.AccountID.s),
		MeetingID:   capText(w.Payload.Object.ID.s),
		MeetingUUID: capText(w.Payload.Object.UUID.s),
		Topic:       capText(w.Payload.Object.Topic.s),
	}
	p, err := e.participant(wp)
	if err != nil {
		return Event{}, err
	}
	e.Participant = p
	return e, nil
}

// participant reads the identity and the samples: the qos items grouped
// by time, each group rebuilt as one user_qos item of the Dashboard's
// answer ({date_time, audio_input: details, …}) and read by fetch.
func (e *Event) participant(wp wireParticipant) (model.Participant, error) {
	g := groups{byTime: map[string]*group{}}
	for _, raw := range wp.QoS {
		g.add(e, raw)
	}
	id := identity{ID: wp.ParticipantUserID, UserID: wp.UserID, UserName: wp.UserName, Email: wp.Email}
	p, err := decode(id, nil)
	if err != nil {
		return model.Participant{}, ErrNotEvent
	}
	p.Unparsed += g.unparsed
	for _, key := range g.order() {
		gr := g.byTime[key]
		one, err := decode(identity{}, gr.sample(key))
		if err != nil || len(one.Samples) == 0 {
			p.Unparsed++
			continue
		}
		p.Unparsed += one.Unparsed
		s := one.Samples[0]
		s.Scores, s.Via = gr.scores, model.ViaPush
		p.Samples = append(p.Samples, s)
	}
	sort.SliceStable(p.Samples, func(i, j int) bool { return p.Samples[i].Time.Before(p.Samples[j].Time) })
	return p, nil
}

// identity is the participant object fetch reads, in the Dashboard's
// keys: id is the account user, user_id the per-meeting ID.
type identity struct {
	ID       json.RawMessage              `json:"id,omitempty"`
	UserID   json.RawMessage              `json:"user_id,omitempty"`
	UserName json.RawMessage              `json:"user_name,omitempty"`
	Email    json.RawMessage              `json:"email,omitempty"`
	UserQoS  []map[string]json.RawMessage `json:"user_qos"`
}

// decode runs fetch's participant decoder on id with samples as user_qos.
func decode(id identity, sample map[string]json.RawMessage) (model.Participant, error) {
	id.UserQoS = nil
	if sample != nil {
		id.UserQoS = []map[string]json.RawMessage{sample}
	}
	body, err := json.Marshal(id)
	if err != nil {
		return model.Participant{}, err
	}
	return fetch.DecodeQoSParticipant(body)
}

// eventTime reads event_ts, milliseconds since 1970 (a number or a
// string of digits); zero when absent or unreadable.
func eventTime(s string) time.Time {
	ms, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || ms <= 0 || ms > 1<<53 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}

// capText is s cleaned and cut to maxText bytes between runes.
func capText(s string) string {
	if len(s) > 4*maxText {
		s = s[:4*maxText] // Clean need not read a megabyte to keep 256 bytes
	}
	s = model.Clean(s)
	if len(s) <= maxText {
		return s
	}
	cut := maxText
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// str is a JSON string or number kept as written; anything else is "".
type str struct{ s string }

func (t *str) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) > 0 && b[0] == '"':
		_ = json.Unmarshal(b, &t.s)
	case len(b) > 0 && (b[0] == '-' || (b[0] >= '0' && b[0] <= '9')):
		t.s = string(b)
	}
	return nil
}
