package fetch

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// Wire types mirror Zoom's JSON. Every leaf is lenient: a value of the
// wrong JSON type marks that field bad (shown as missing, counted) instead
// of failing the whole payload, because one odd field in a 2 MB answer
// must not blank the screen.

// text is a JSON string. null and absence leave it empty; any other JSON
// type sets bad.
type text struct {
	s   string
	bad bool
}

func (t *text) UnmarshalJSON(b []byte) error {
	if len(b) >= 2 && b[0] == '"' {
		// Fast path: most of Zoom's strings have no escapes.
		if bytes.IndexByte(b, '\\') < 0 {
			t.s = string(b[1 : len(b)-1])
			return nil
		}
		var s string
		if json.Unmarshal(b, &s) == nil {
			t.s = s
			return nil
		}
	}
	if string(b) != "null" {
		t.bad = true
	}
	return nil
}

// numText is text that may arrive as a JSON number: Zoom sends meeting IDs
// as numbers that can exceed 2^53, so the digits are kept as written.
type numText struct {
	s   string
	bad bool
}

func (t *numText) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && (b[0] == '-' || (b[0] >= '0' && b[0] <= '9')) {
		t.s = string(b)
		return nil
	}
	var x text
	_ = x.UnmarshalJSON(b)
	t.s, t.bad = x.s, x.bad
	return nil
}

// int reads the number, 0 when absent or not an integer.
func (t numText) int() int {
	n, err := strconv.ParseInt(strings.TrimSpace(t.s), 10, 64)
	if err != nil || n > math.MaxInt32 || n < math.MinInt32 {
		return 0
	}
	return int(n)
}

// num is a JSON number (or a string holding one, e.g. "-69").
type num struct {
	v   float64
	set bool
	bad bool
}

func (n *num) UnmarshalJSON(b []byte) error {
	var t numText
	_ = t.UnmarshalJSON(b)
	if t.s == "" {
		n.bad = t.bad
		return nil
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(t.s), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		n.bad = true
		return nil
	}
	n.v, n.set = f, true
	return nil
}

// flag is a JSON bool (or "true"/"false"); anything else is false.
type flag bool

func (f *flag) UnmarshalJSON(b []byte) error {
	switch strings.Trim(string(b), `"`) {
	case "true":
		*f = true
	case "false":
		*f = false
	}
	return nil
}

// texts is a list of strings; a non-list is empty and sets bad, and
// non-string items are marked bad in place.
type texts struct {
	items []text
	bad   bool
}

func (l *texts) UnmarshalJSON(b []byte) error {
	var items []text
	if json.Unmarshal(b, &items) == nil {
		l.items, l.bad = items, false
	} else {
		l.items, l.bad = nil, string(b) != "null"
	}
	return nil
}

// wireParticipant is one participant in every participant endpoint,
// without user_qos, which decode.go reads sample by sample. Its keys are
// in field: decode.go walks the object rather than unmarshalling it.
type wireParticipant struct {
	ID          numText
	UserID      numText
	UserName    text
	Email       text
	Device      text
	Client      text
	OS          text
	Location    text
	NetworkType text
	IPAddress   text
	DataCenter  text
	Version     text
	PCName      text
	MACAddr     text
	JoinTime    text
	LeaveTime   text
	Health      text
	IssueList   texts
}

// field is where the value of key goes, nil for keys qostop ignores.
// Keys match case-insensitively, as encoding/json's do.
func (w *wireParticipant) field(key string) json.Unmarshaler {
	if f, ok := participantFields[strings.ToLower(key)]; ok {
		return f(w)
	}
	return nil
}

// participantFields maps a participant's JSON key (lower case) to its
// field: a table rather than a switch, whose every key added a branch.
var participantFields = map[string]func(*wireParticipant) json.Unmarshaler{
	"id":           func(w *wireParticipant) json.Unmarshaler { return &w.ID },
	"user_id":      func(w *wireParticipant) json.Unmarshaler { return &w.UserID },
	"user_name":    func(w *wireParticipant) json.Unmarshaler { return &w.UserName },
	"email":        func(w *wireParticipant) json.Unmarshaler { return &w.Email },
	"device":       func(w *wireParticipant) json.Unmarshaler { return &w.Device },
	"client":       func(w *wireParticipant) json.Unmarshaler { return &w.Client },
	"os":           func(w *wireParticipant) json.Unmarshaler { return &w.OS },
	"location":     func(w *wireParticipant) json.Unmarshaler { return &w.Location },
	"network_type": func(w *wireParticipant) json.Unmarshaler { return &w.NetworkType },
	"ip_address":   func(w *wireParticipant) json.Unmarshaler { return &w.IPAddress },
	"data_center":  func(w *wireParticipant) json.Unmarshaler { return &w.DataCenter },
	"version":      func(w *wireParticipant) json.Unmarshaler { return &w.Version },
	"pc_name":      func(w *wireParticipant) json.Unmarshaler { return &w.PCName },
	"mac_addr":     func(w *wireParticipant) json.Unmarshaler { return &w.MACAddr },
	"join_time":    func(w *wireParticipant) json.Unmarshaler { return &w.JoinTime },
	"leave_time":   func(w *wireParticipant) json.Unmarshaler { return &w.LeaveTime },
	"health":       func(w *wireParticipant) json.Unmarshaler { return &w.Health },
	"issue_list":   func(w *wireParticipant) json.Unmarshaler { return &w.IssueList },
}

// wireStream is one stream object in a sample, e.g. "audio_input".
type wireStream struct {
	Bitrate    text `json:"bitrate"`
	Latency    text `json:"latency"`
	Jitter     text `json:"jitter"`
	AvgLoss    text `json:"avg_loss"`
	MaxLoss    text `json:"max_loss"`
	FrameRate  text `json:"frame_rate"`
	Resolution text `json:"resolution"`
}

type wireCPU struct {
	ZoomMin   text `json:"zoom_min_cpu_usage"`
	ZoomAvg   text `json:"zoom_avg_cpu_usage"`
	ZoomMax   text `json:"zoom_max_cpu_usage"`
	SystemMax text `json:"system_max_cpu_usage"`
}

type wireWiFi struct {
	Max num `json:"max_rssi"`
	Avg num `json:"avg_rssi"`
	Min num `json:"min_rssi"`
}

// wireMeeting is one row of /metrics/meetings.
type wireMeeting struct {
	UUID           text    `json:"uuid"`
	ID             numText `json:"id"`
	Topic          text    `json:"topic"`
	Host           text    `json:"host"`
	Email          text    `json:"email"`
	StartTime      text    `json:"start_time"`
	Duration       numText `json:"duration"`
	Participants   numText `json:"participants"`
	HasVideo       flag    `json:"has_video"`
	HasScreenShare flag    `json:"has_screen_share"`
}
