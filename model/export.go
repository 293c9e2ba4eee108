package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"time"
	"unicode/utf8"
)

// This file is the schema of `qostop snapshot --format json`. It is a
// contract with scripts, so it follows three rules:
//
//   - Stream keys are Zoom's own (StreamKey.WireName), so output can be
//     checked against Zoom's documentation and other tools.
//   - A missing reading is left out, never written as 0: a silent stream
//     must not read as a perfect one. A stream with no readings, and cpu or
//     wifi with none, are left out too. Numbers are as Zoom sent them, in
//     the unit the key names.
//   - Times are RFC 3339 in UTC; samples are oldest first.
//
// Identity fields are always present (Zoom sends "" when it does not say,
// and so does the snapshot), except join_time and leave_time, which are
// left out when unknown or, for leave_time, while the participant is still
// in the meeting. unparsed_values, how many values Zoom sent could not be
// read (and so are missing), is left out when there were none. Text is passed through Clean: names are chosen by
// whoever joins, and a snapshot is often read on a terminal. Zero-width
// characters are kept but written escaped (\u200b), so the JSON says
// which name Zoom sent and a terminal showing it shows them.
//
// A meeting snapshot lists each participant as their identity fields with
// their samples beside them in the same object (MeetingParticipant), so
// `jq '.participants[] | {user_name, samples}'` works without nesting.

// Snapshot is one participant's QoS as exported.
type Snapshot struct {
	MeetingID   string              `json:"meeting_id"`
	Kind        Kind                `json:"kind"`
	Type        MeetingType         `json:"type"`
	Participant SnapshotParticipant `json:"participant"`
	Samples     []SnapshotSample    `json:"samples"`
}

// MeetingSnapshot is every participant's QoS in one meeting as exported.
type MeetingSnapshot struct {
	MeetingID    string               `json:"meeting_id"`
	Kind         Kind                 `json:"kind"`
	Type         MeetingType          `json:"type"`
	Participants []MeetingParticipant `json:"participants"`
}

// MeetingParticipant is one participant in a MeetingSnapshot: identity
// fields and samples in one object.
type MeetingParticipant struct {
	SnapshotParticipant
	Samples []SnapshotSample `json:"samples"`
}

// SnapshotParticipant is who a participant is, as exported.
type SnapshotParticipant struct {
	ID          string `json:"id"`
	UserID      string `json:"user_id"`
	UserName    string `json:"user_name"`
	Email       string `json:"email"`
	Device      string `json:"device"`
	Client      string `json:"client"`
	Location    string `json:"location"`
	NetworkType string `json:"network_type"`
	IPAddress   string `json:"ip_address"`
	DataCenter  string `json:"data_center"`
	Version     string `json:"version"`
	// OS is the participant's operating system, when Zoom says (the
	// watch screen's header shows it); left out when unknown.
	OS        string   `json:"os,omitempty"`
	JoinTime  string   `json:"join_time,omitempty"`
	LeaveTime string   `json:"leave_time,omitempty"`
	Health    string   `json:"health"`
	IssueList []string `json:"issue_list"`
	// UnparsedValues counts values Zoom sent that could not be read
	// (Participant.Unparsed); they are missing from the samples. Left out
	// when 0.
	UnparsedValues int `json:"unparsed_values,omitempty"`
}

// SnapshotSample is one per-minute sample as exported. Streams is keyed by
// Zoom's stream names ("audio_input", "as_output", …).
type SnapshotSample struct {
	Time    string                    `json:"time"`
	Streams map[string]SnapshotStream `json:"streams"`
	CPU     *SnapshotCPU              `json:"cpu,omitempty"`
	WiFi    *SnapshotWiFi             `json:"wifi,omitempty"`
}

// SnapshotStream is one stream's readings; a nil field had no reading.
type SnapshotStream struct {
	BitrateKbps  *float64 `json:"bitrate_kbps,omitempty"`
	LatencyMS    *float64 `json:"latency_ms,omitempty"`
	JitterMS     *float64 `json:"jitter_ms,omitempty"`
	AvgLossPct   *float64 `json:"avg_loss_pct,omitempty"`
	MaxLossPct   *float64 `json:"max_loss_pct,omitempty"`
	FrameRateFPS *float64 `json:"frame_rate_fps,omitempty"`
	Width        *int64   `json:"width,omitempty"`
	Height       *int64   `json:"height,omitempty"`
}

// SnapshotCPU is the participant machine's processor load in percent.
type SnapshotCPU struct {
	ZoomMinPct   *float64 `json:"zoom_min_pct,omitempty"`
	ZoomAvgPct   *float64 `json:"zoom_avg_pct,omitempty"`
	ZoomMaxPct   *float64 `json:"zoom_max_pct,omitempty"`
	SystemMaxPct *float64 `json:"system_max_pct,omitempty"`
}

// SnapshotWiFi is the participant's Wi-Fi signal in dBm.
type SnapshotWiFi struct {
	MinRSSIdBm *float64 `json:"min_rssi_dbm,omitempty"`
	AvgRSSIdBm *float64 `json:"avg_rssi_dbm,omitempty"`
	MaxRSSIdBm *float64 `json:"max_rssi_dbm,omitempty"`
}

// MarshalJSON writes the snapshot with zero-width characters escaped.
func (s Snapshot) MarshalJSON() ([]byte, error) {
	type plain Snapshot
	b, err := json.Marshal(plain(s))
	return escapeZeroWidth(b), err
}

// MarshalJSON writes the snapshot with zero-width characters escaped.
func (s MeetingSnapshot) MarshalJSON() ([]byte, error) {
	type plain MeetingSnapshot
	b, err := json.Marshal(plain(s))
	return escapeZeroWidth(b), err
}

// escapeZeroWidth spells zero-width characters in JSON as \uXXXX, which
// encoding/json leaves raw. Outside strings JSON is ASCII, so every one
// found is inside a string, where the escape means the same character.
func escapeZeroWidth(b []byte) []byte {
	if !bytes.ContainsFunc(b, isZeroWidth) {
		return b
	}
	var out bytes.Buffer
	out.Grow(len(b) + 16)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if isZeroWidth(r) {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.Write(b[:size])
		}
		b = b[size:]
	}
	return out.Bytes()
}

// NewSnapshot exports one participant's QoS in meeting meetingID.
// meetingID is a Ref's Key: a webinar's is exported as its ID and kind.
func NewSnapshot(meetingID string, typ MeetingType, p Participant) Snapshot {
	r := RefOf(meetingID)
	return Snapshot{
		MeetingID:   Clean(r.ID),
		Kind:        r.Kind,
		Type:        typ,
		Participant: newSnapshotParticipant(p),
		Samples:     newSnapshotSamples(p.Samples),
	}
}

// NewMeetingSnapshot exports the QoS of every participant in ps, in order.
func NewMeetingSnapshot(meetingID string, typ MeetingType, ps []Participant) MeetingSnapshot {
	r := RefOf(meetingID)
	out := MeetingSnapshot{
		MeetingID:    Clean(r.ID),
		Kind:         r.Kind,
		Type:         typ,
		Participants: make([]MeetingParticipant, 0, len(ps)),
	}
	for _, p := range ps {
		out.Participants = append(out.Participants, MeetingParticipant{
			SnapshotParticipant: newSnapshotParticipant(p),
			Samples:             newSnapshotSamples(p.Samples),
		})
	}
	return out
}

func newSnapshotParticipant(p Participant) SnapshotParticipant {
	issues := make([]string, 0, len(p.IssueList))
	for _, s := range p.IssueList {
		issues = append(issues, Clean(s))
	}
	return SnapshotParticipant{
		ID:             Clean(p.ID),
		UserID:         Clean(p.UserID),
		UserName:       Clean(p.UserName),
		Email:          Clean(p.Email),
		Device:         Clean(p.Device),
		Client:         Clean(p.Client),
		Location:       Clean(p.Location),
		NetworkType:    Clean(p.NetworkType),
		IPAddress:      Clean(p.IPAddress),
		DataCenter:     Clean(p.DataCenter),
		Version:        Clean(p.Version),
		OS:             Clean(p.OS),
		JoinTime:       exportTime(p.JoinTime),
		LeaveTime:      exportTime(p.LeaveTime),
		Health:         Clean(p.Health),
		IssueList:      issues,
		UnparsedValues: max(p.Unparsed, 0),
	}
}

// newSnapshotSamples exports samples oldest first. Participant.Samples is
// documented as ordered, but the export promises it, so it does not trust
// its caller; the sort is stable and leaves the input alone.
func newSnapshotSamples(samples []Sample) []SnapshotSample {
	sorted := slices.Clone(samples)
	slices.SortStableFunc(sorted, func(a, b Sample) int { return a.Time.Compare(b.Time) })
	out := make([]SnapshotSample, 0, len(sorted))
	for _, s := range sorted {
		out = append(out, newSnapshotSample(s))
	}
	return out
}

func newSnapshotSample(s Sample) SnapshotSample {
	out := SnapshotSample{
		Time:    exportTime(s.Time),
		Streams: make(map[string]SnapshotStream, len(s.Streams)),
	}
	for k, st := range s.Streams {
		if st.Empty() {
			continue
		}
		out.Streams[k.WireName()] = SnapshotStream{
			BitrateKbps:  exportValue(st.BitrateKbps),
			LatencyMS:    exportValue(st.LatencyMS),
			JitterMS:     exportValue(st.JitterMS),
			AvgLossPct:   exportValue(st.AvgLossPct),
			MaxLossPct:   exportValue(st.MaxLossPct),
			FrameRateFPS: exportValue(st.FrameRateFPS),
			Width:        exportInt(st.Width),
			Height:       exportInt(st.Height),
		}
	}
	cpu := SnapshotCPU{
		ZoomMinPct:   exportValue(s.CPU.ZoomMinPct),
		ZoomAvgPct:   exportValue(s.CPU.ZoomAvgPct),
		ZoomMaxPct:   exportValue(s.CPU.ZoomMaxPct),
		SystemMaxPct: exportValue(s.CPU.SystemMaxPct),
	}
	if cpu != (SnapshotCPU{}) {
		out.CPU = &cpu
	}
	wifi := SnapshotWiFi{
		MinRSSIdBm: exportValue(s.WiFi.MinRSSIdBm),
		AvgRSSIdBm: exportValue(s.WiFi.AvgRSSIdBm),
		MaxRSSIdBm: exportValue(s.WiFi.MaxRSSIdBm),
	}
	if wifi != (SnapshotWiFi{}) {
		out.WiFi = &wifi
	}
	return out
}

// exportValue is the JSON form of a reading: nil (left out) when absent,
// so that absent never reads as 0. No parser yields NaN or ±Inf, but JSON
// cannot carry them and one would fail the whole encoding, so a reading
// that is not a number counts as absent.
func exportValue(v Value) *float64 {
	if !v.OK || math.IsNaN(v.V) || math.IsInf(v.V, 0) {
		return nil
	}
	f := v.V
	return &f
}

// exportInt is exportValue for whole numbers such as a resolution's sides;
// one out of int64's range (which no parser yields) counts as absent.
func exportInt(v Value) *int64 {
	if !v.OK || !(v.V > math.MinInt64 && v.V < math.MaxInt64) {
		return nil
	}
	n := int64(v.V)
	return &n
}

// exportTime formats t as RFC 3339 in UTC, or "" (left out) when zero.
func exportTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}
