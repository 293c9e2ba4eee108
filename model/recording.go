package model

import (
	"encoding/json"
	"time"
)

// This file is the recording format: what `--record` and the flight
// recorder write and what `report --from` (and replay) read. A recording
// is JSONL, one Record a line, appended to and never rewritten, so a file
// cut by a power loss or a full disk loses at most its last line. It
// speaks the vocabulary of `snapshot --format json` (export.go): a
// "samples" record holds a SnapshotParticipant and SnapshotSamples, with
// the same rules (missing readings left out, Zoom's stream names, RFC 3339
// times in UTC).
//
// The first line is the header: {"kind":"header","version":1,...}. A
// reader refuses a file whose first line is not a header, or whose
// version it does not know; records of a kind it does not know are
// skipped, so a later version can add kinds without breaking it.

// RecordingVersion is the format version this qostop writes and reads.
const RecordingVersion = 1

// The kinds of Record.
const (
	RecHeader     = "header"     // the first line: version, meeting, type, redacted
	RecMeeting    = "meeting"    // the meeting's details: topic, host, start
	RecThresholds = "thresholds" // the thresholds in force from At on
	RecSamples    = "samples"    // a participant as Zoom described them, and samples new since the last record
	RecLifecycle  = "lifecycle"  // a participant joined, left or was gone from Zoom's answer, or the meeting ended (What)
	RecEvent      = "event"      // a line of the event log: a threshold crossing, a gap, a failure
	RecMarker     = "marker"     // a note the user dropped (key M): "user reported at 14:32"
)

// Record is one line of a recording. At is when qostop wrote it (RFC
// 3339, UTC); the other fields are used by the kinds named beside them.
type Record struct {
	Kind string `json:"kind"`
	At   string `json:"at"`
	// header
	Version   int         `json:"version,omitempty"`
	MeetingID string      `json:"meeting_id,omitempty"`
	Type      MeetingType `json:"type,omitempty"`
	Redacted  bool        `json:"redacted,omitempty"`
	// meeting
	Topic     string `json:"topic,omitempty"`
	Host      string `json:"host,omitempty"`
	StartTime string `json:"start_time,omitempty"`
	// thresholds
	Thresholds map[string]RecordBound `json:"thresholds,omitempty"`
	// samples; lifecycle and event name the participant by Key and Name
	Participant *SnapshotParticipant `json:"participant,omitempty"`
	Samples     []SnapshotSample     `json:"samples,omitempty"`
	Key         string               `json:"participant_key,omitempty"`
	Name        string               `json:"user_name,omitempty"`
	// lifecycle: LifeJoined, LifeLeft, LifeGone, LifeEnded; event: its level (warn, critical, good, unknown)
	What string `json:"what,omitempty"`
	// event and marker text
	Text string `json:"text,omitempty"`
}

// What a lifecycle record says happened.
const (
	LifeJoined = "joined" // Zoom first answered for the participant, live
	LifeLeft   = "left"   // Zoom gave the participant a leave_time
	LifeGone   = "gone"   // Zoom no longer finds the participant in the live meeting
	LifeEnded  = "ended"  // Zoom no longer finds the live meeting: it ended (no participant)
)

// RecordBound is one metric's limits as recorded.
type RecordBound struct {
	Warn     float64 `json:"warn"`
	Critical float64 `json:"critical"`
}

// MarshalJSON escapes zero-width characters as the snapshot does.
func (r Record) MarshalJSON() ([]byte, error) {
	type plain Record
	b, err := json.Marshal(plain(r))
	return escapeZeroWidth(b), err
}

// RecordTime formats a time for Record.At and other recorded times.
func RecordTime(t time.Time) string { return exportTime(t) }

// ThresholdsRecord is the thresholds in force, keyed by --thresholds'
// names ("latency", "loss", …).
func ThresholdsRecord(t Thresholds) map[string]RecordBound {
	out := make(map[string]RecordBound, numMetrics)
	for m := Metric(0); m < numMetrics; m++ {
		out[m.String()] = RecordBound(t[m])
	}
	return out
}

// thresholdsOf reads a thresholds record over base: unknown names are
// ignored and a result that does not validate is refused (ok false).
func thresholdsOf(rec map[string]RecordBound, base Thresholds) (Thresholds, bool) {
	t := base
	for name, b := range rec {
		if m, ok := metricByName(name); ok {
			t[m] = Bound(b)
		}
	}
	return t, t.Validate() == nil
}

// ParticipantOf is the inverse of the snapshot's export: the participant
// a SnapshotParticipant and its samples describe. Stream names qostop
// does not know are dropped, as the decoder drops them.
func ParticipantOf(sp SnapshotParticipant, samples []SnapshotSample) Participant {
	p := Participant{ID: sp.ID, UserID: sp.UserID, UserName: sp.UserName, Email: sp.Email,
		Device: sp.Device, Client: sp.Client, Location: sp.Location, NetworkType: sp.NetworkType,
		IPAddress: sp.IPAddress, DataCenter: sp.DataCenter, Version: sp.Version, OS: sp.OS,
		JoinTime: importTime(sp.JoinTime), LeaveTime: importTime(sp.LeaveTime), Health: sp.Health,
		IssueList: sp.IssueList, Unparsed: sp.UnparsedValues}
	for _, s := range samples {
		if smp, ok := sampleOf(s); ok {
			p.Samples = append(p.Samples, smp)
		}
	}
	return p
}

// sampleOf is the sample a SnapshotSample describes; ok is false when its
// time does not parse (a sample must have one to be placed).
func sampleOf(s SnapshotSample) (Sample, bool) {
	t := importTime(s.Time)
	if t.IsZero() {
		return Sample{}, false
	}
	out := Sample{Time: t, Streams: make(map[StreamKey]StreamStats, len(s.Streams))}
	for name, st := range s.Streams {
		k, ok := StreamKeyByWireName(name)
		if !ok {
			continue
		}
		out.Streams[k] = StreamStats{BitrateKbps: importValue(st.BitrateKbps), LatencyMS: importValue(st.LatencyMS),
			JitterMS: importValue(st.JitterMS), AvgLossPct: importValue(st.AvgLossPct),
			MaxLossPct: importValue(st.MaxLossPct), FrameRateFPS: importValue(st.FrameRateFPS),
			Width: importInt(st.Width), Height: importInt(st.Height)}
	}
	if c := s.CPU; c != nil {
		out.CPU = CPU{importValue(c.ZoomMinPct), importValue(c.ZoomAvgPct), importValue(c.ZoomMaxPct), importValue(c.SystemMaxPct)}
	}
	if w := s.WiFi; w != nil {
		out.WiFi = WiFi{importValue(w.MinRSSIdBm), importValue(w.AvgRSSIdBm), importValue(w.MaxRSSIdBm)}
	}
	return out, true
}

// importValue is a recorded reading: absent when left out, and absent
// when not a finite number, as a parser would have refused it.
func importValue(f *float64) Value {
	if f == nil || !finite(*f) {
		return None
	}
	return Some(*f)
}

func importInt(n *int64) Value {
	if n == nil {
		return None
	}
	return Some(float64(*n))
}

// importTime parses a recorded RFC 3339 time; zero when absent or bad.
func importTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}
