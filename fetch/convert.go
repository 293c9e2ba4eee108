package fetch

import (
	"bytes"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/qostop/qostop/model"
)

// This file is the one place wire types become model types. Every text
// field passes model.Sanitize here: names and locations are chosen by
// whoever joins a meeting and may carry terminal escape sequences.

// errNotObject: every endpoint answers with a JSON object. null decodes
// into a struct without error and would read as an empty participant or
// an empty page, so it is refused like any other wrong shape.
var errNotObject = errors.New("the answer is not a JSON object")

// decodeObject unmarshals body, which must be a JSON object, into v.
func decodeObject(body []byte, v any) error {
	if err := json.Unmarshal(body, v); err != nil {
		return err
	}
	if b := bytes.TrimSpace(body); len(b) == 0 || b[0] != '{' {
		return errNotObject
	}
	return nil
}

// decodeParticipant reads the single-participant QoS answer.
func decodeParticipant(body []byte) (model.Participant, error) {
	var w wireParticipant
	if err := decodeObject(body, &w); err != nil {
		return model.Participant{}, err
	}
	return convertParticipant(w), nil
}

// decodeParticipantPage reads one page of /participants or
// /participants/qos and returns its next_page_token.
func decodeParticipantPage(body []byte) ([]model.Participant, string, error) {
	var p wirePage
	if err := decodeObject(body, &p); err != nil {
		return nil, "", err
	}
	items, err := rawList(p.Participants, "participants")
	if err != nil {
		return nil, "", err
	}
	out := make([]model.Participant, 0, len(items))
	for _, raw := range items {
		var w wireParticipant
		if json.Unmarshal(raw, &w) != nil {
			continue // not an object: nothing to show
		}
		out = append(out, convertParticipant(w))
	}
	return out, strings.TrimSpace(p.NextPageToken.s), nil
}

// decodeMeetingPage reads one page of /metrics/meetings.
func decodeMeetingPage(body []byte) ([]model.Meeting, string, error) {
	var p wirePage
	if err := decodeObject(body, &p); err != nil {
		return nil, "", err
	}
	items, err := rawList(p.Meetings, "meetings")
	if err != nil {
		return nil, "", err
	}
	out := make([]model.Meeting, 0, len(items))
	for _, raw := range items {
		var w wireMeeting
		if json.Unmarshal(raw, &w) != nil {
			continue
		}
		out = append(out, convertMeeting(w))
	}
	return out, strings.TrimSpace(p.NextPageToken.s), nil
}

// rawList splits a JSON list; absent or null is empty, anything else is
// an error because the page would silently look empty.
func rawList(raw json.RawMessage, key string) ([]json.RawMessage, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, errors.New(key + " is not a list")
	}
	return items, nil
}

// converter counts readings that were present but not understood.
type converter struct{ unparsed int }

func convertParticipant(w wireParticipant) model.Participant {
	var cv converter
	p := model.Participant{
		ID:          model.Sanitize(w.ID.s),
		UserID:      model.Sanitize(w.UserID.s),
		UserName:    model.Sanitize(w.UserName.s),
		Email:       model.Sanitize(w.Email.s),
		Device:      model.Sanitize(w.Device.s),
		Client:      model.Sanitize(w.Client.s),
		OS:          model.Sanitize(w.OS.s),
		Location:    model.Sanitize(w.Location.s),
		NetworkType: model.Sanitize(w.NetworkType.s),
		IPAddress:   model.Sanitize(w.IPAddress.s),
		DataCenter:  model.Sanitize(w.DataCenter.s),
		Version:     model.Sanitize(w.Version.s),
		PCName:      model.Sanitize(w.PCName.s),
		MACAddr:     model.Sanitize(w.MACAddr.s),
		Health:      model.Sanitize(w.Health.s),
		JoinTime:    cv.time(w.JoinTime, false),
		LeaveTime:   cv.time(w.LeaveTime, false),
	}
	for _, it := range w.IssueList {
		if s := model.Sanitize(it.s); s != "" {
			p.IssueList = append(p.IssueList, s)
		}
	}
	p.Samples = cv.samples(w.UserQoS)
	p.Unparsed = cv.unparsed
	return p
}

// samples reads user_qos into samples oldest first, one per time. Zoom's
// samples are keyed by date_time: a repeated time replaces the sample
// read before it (the later one in the answer wins), as History merges.
func (cv *converter) samples(raw json.RawMessage) []model.Sample {
	var out []model.Sample
	at := make(map[time.Time]int) // time (all UTC) -> index in out
	for _, item := range cv.sampleList(raw) {
		s, ok := cv.sample(item)
		if !ok {
			continue
		}
		if i, seen := at[s.Time]; seen {
			out[i] = s
			continue
		}
		at[s.Time] = len(out)
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Time.Before(out[j].Time) })
	return out
}

// sampleList accepts user_qos as a list or, as in the 2018 schema, a
// single object.
func (cv *converter) sampleList(raw json.RawMessage) []json.RawMessage {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil
	}
	switch raw[0] {
	case '[':
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) == nil {
			return items
		}
	case '{':
		return []json.RawMessage{raw}
	case 'n': // null: no samples yet
		return nil
	}
	cv.unparsed++
	return nil
}

func (cv *converter) sample(raw json.RawMessage) (model.Sample, bool) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		cv.unparsed++
		return model.Sample{}, false
	}
	var when text
	_ = json.Unmarshal(fields["date_time"], &when) // absent is nil: an error, and when stays empty
	// A sample without a usable time cannot be placed in a history or
	// an export: it is dropped, and cv.time counted it as unparsed, so
	// the loss is visible.
	at := cv.time(when, true)
	if at.IsZero() {
		return model.Sample{}, false
	}
	s := model.Sample{Time: at, Streams: make(map[model.StreamKey]model.StreamStats)}
	if c, ok := fields["cpu_usage"]; ok {
		var w wireCPU
		if cv.object(c, &w) {
			s.CPU = model.CPU{
				ZoomMinPct:   cv.metric(w.ZoomMin, model.ParsePct),
				ZoomAvgPct:   cv.metric(w.ZoomAvg, model.ParsePct),
				ZoomMaxPct:   cv.metric(w.ZoomMax, model.ParsePct),
				SystemMaxPct: cv.metric(w.SystemMax, model.ParsePct),
			}
		}
	}
	if r, ok := fields["wifi_rssi"]; ok {
		var w wireWiFi
		if cv.object(r, &w) {
			s.WiFi = model.WiFi{MinRSSIdBm: cv.num(w.Min), AvgRSSIdBm: cv.num(w.Avg), MaxRSSIdBm: cv.num(w.Max)}
		}
	}
	for name, v := range fields {
		k, ok := model.StreamKeyByWireName(name)
		if !ok {
			continue // date_time, cpu_*, wifi_rssi and fields Zoom adds later
		}
		var w wireStream
		if !cv.object(v, &w) {
			continue
		}
		if st := cv.stream(w); !st.Empty() {
			s.Streams[k] = st // a stream with no readings is a stream with no data
		}
	}
	return s, true
}

// object decodes a JSON object into w; null is absent, anything else is
// counted as unparsed.
func (cv *converter) object(raw json.RawMessage, w any) bool {
	raw = bytes.TrimSpace(raw)
	if string(raw) == "null" {
		return false
	}
	if len(raw) == 0 || raw[0] != '{' || json.Unmarshal(raw, w) != nil {
		cv.unparsed++
		return false
	}
	return true
}

func (cv *converter) stream(w wireStream) model.StreamStats {
	st := model.StreamStats{
		BitrateKbps:  cv.metric(w.Bitrate, model.ParseBitrate),
		LatencyMS:    cv.metric(w.Latency, model.ParseMS),
		JitterMS:     cv.metric(w.Jitter, model.ParseMS),
		AvgLossPct:   cv.metric(w.AvgLoss, model.ParsePct),
		MaxLossPct:   cv.metric(w.MaxLoss, model.ParsePct),
		FrameRateFPS: cv.metric(w.FrameRate, model.ParseFPS),
	}
	if w.Resolution.bad {
		cv.unparsed++
	} else if wd, ht, err := model.ParseResolution(w.Resolution.s); err != nil {
		cv.unparsed++
	} else {
		st.Width, st.Height = wd, ht
	}
	return st
}

func (cv *converter) metric(t text, parse func(string) (model.Value, error)) model.Value {
	if t.bad {
		cv.unparsed++
		return model.None
	}
	v, err := parse(t.s)
	if err != nil {
		cv.unparsed++
		return model.None
	}
	return v
}

func (cv *converter) num(n num) model.Value {
	if n.bad {
		cv.unparsed++
	}
	if !n.set {
		return model.None
	}
	return model.Some(n.v)
}

// timeLayouts: Zoom sends RFC 3339 ("2021-06-24T20:00:00Z"); .NET SDKs
// re-serialise with seven fractional digits and "+00:00", which RFC 3339
// parsing also accepts. The zoneless forms are read as UTC.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05"}

// time parses a timestamp into UTC; empty or unparseable is the zero time.
// required counts an empty value as unparsed (a sample's date_time).
func (cv *converter) time(t text, required bool) time.Time {
	s := strings.TrimSpace(t.s)
	if s == "" {
		if required || t.bad {
			cv.unparsed++
		}
		return time.Time{}
	}
	for _, l := range timeLayouts {
		if tm, err := time.Parse(l, s); err == nil {
			return tm.UTC()
		}
	}
	cv.unparsed++
	return time.Time{}
}

func convertMeeting(w wireMeeting) model.Meeting {
	var cv converter
	return model.Meeting{
		UUID:           model.Sanitize(w.UUID.s),
		ID:             model.Sanitize(w.ID.s),
		Topic:          model.Sanitize(w.Topic.s),
		Host:           model.Sanitize(w.Host.s),
		Email:          model.Sanitize(w.Email.s),
		StartTime:      cv.time(w.StartTime, false),
		Duration:       model.Sanitize(w.Duration.s),
		Participants:   max(w.Participants.int(), 0),
		HasVideo:       bool(w.HasVideo),
		HasScreenShare: bool(w.HasScreenShare),
	}
}
