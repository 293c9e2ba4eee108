package fetch

import (
	"bytes"
	"encoding/json"

	"github.com/qostop/qostop/model"
)

// One item of user_qos, decoded by encoding/json into a struct in one
// pass, without a map of raw values or a second parse of each stream: a
// 300-person refresh decodes 30 pages of 600 samples. Keys match as
// encoding/json's do (case-insensitively), as the participant's keys do.

// wireSample is a sample as Zoom sends it. S, C and W are the stream,
// CPU and Wi-Fi objects: plain structs for the fast pass, lenient ones
// (which take a value of the wrong JSON type as unparsed) for the careful
// pass that runs only when the fast one meets such a value.
type wireSample[S, C, W any] struct {
	DateTime text `json:"date_time"`
	CPU      C    `json:"cpu_usage"`
	WiFi     W    `json:"wifi_rssi"`

	AudioInput  S `json:"audio_input"`
	AudioOutput S `json:"audio_output"`
	VideoInput  S `json:"video_input"`
	VideoOutput S `json:"video_output"`
	ASInput     S `json:"as_input"`
	ASOutput    S `json:"as_output"`

	AudioFromCRC S `json:"audio_device_from_crc"`
	AudioToCRC   S `json:"audio_device_to_crc"`
	VideoFromCRC S `json:"video_device_from_crc"`
	VideoToCRC   S `json:"video_device_to_crc"`
	ASFromCRC    S `json:"as_device_from_crc"`
	ASToCRC      S `json:"as_device_to_crc"`

	AudioFromRWG S `json:"audio_device_from_rwg"`
	AudioToRWG   S `json:"audio_device_to_rwg"`
	VideoFromRWG S `json:"video_device_from_rwg"`
	VideoToRWG   S `json:"video_device_to_rwg"`
	ASFromRWG    S `json:"as_device_from_rwg"`
	ASToRWG      S `json:"as_device_to_rwg"`
}

// streams are the stream fields in model.StreamKeys order (a test holds
// the tags to it).
func (w *wireSample[S, C, W]) streams() *[18]*S {
	return &[18]*S{&w.AudioInput, &w.AudioOutput, &w.VideoInput, &w.VideoOutput, &w.ASInput, &w.ASOutput,
		&w.AudioFromCRC, &w.AudioToCRC, &w.VideoFromCRC, &w.VideoToCRC, &w.ASFromCRC, &w.ASToCRC,
		&w.AudioFromRWG, &w.AudioToRWG, &w.VideoFromRWG, &w.VideoToRWG, &w.ASFromRWG, &w.ASToRWG}
}

type (
	fastSample    = wireSample[wireStream, wireCPU, wireWiFi]
	carefulSample = wireSample[lenient[wireStream], lenient[wireCPU], lenient[wireWiFi]]
)

// lenient is an object that may arrive as any JSON value: null is
// absent, any other non-object is bad (shown as missing, counted), never
// an error that would lose the rest of the sample.
type lenient[T any] struct {
	v   T
	bad bool
}

func (l *lenient[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		return nil
	}
	var v T
	if len(b) == 0 || b[0] != '{' || json.Unmarshal(b, &v) != nil {
		l.bad = true
		return nil
	}
	l.v, l.bad = v, false
	return nil
}

// take is the object, or the zero one (all absent) when it was missing
// or bad; bad counts as unparsed.
func take[T any](cv *converter, l lenient[T]) T {
	if l.bad {
		cv.unparsed++
	}
	return l.v
}

// plain is the careful sample c as a fast one, its bad objects counted.
func plain(cv *converter, c *carefulSample) fastSample {
	f := fastSample{DateTime: c.DateTime, CPU: take(cv, c.CPU), WiFi: take(cv, c.WiFi)}
	to := f.streams()
	for i, s := range c.streams() {
		*to[i] = take(cv, *s)
	}
	return f
}

// sampleItem decodes one item of user_qos and converts it, counting what
// it could not read; ok is false for an item that gives no sample (not an
// object, or no usable time).
type sampleItem struct {
	s        model.Sample
	ok       bool
	unparsed int
	// scratch is the 3 KB struct the item decodes into, shared by the
	// items of one user_qos so that each does not allocate its own;
	// nil gives the item one of its own.
	scratch *fastSample
}

func (it *sampleItem) UnmarshalJSON(b []byte) error {
	var cv converter
	f := it.scratch
	if f == nil {
		f = new(fastSample)
	}
	*f = fastSample{} // encoding/json fills what the JSON names, over what is there
	if json.Unmarshal(b, f) != nil {
		// A value of the wrong JSON type somewhere (or not an object at
		// all): read again, taking each object on its own.
		var c carefulSample
		if json.Unmarshal(b, &c) != nil {
			it.s, it.ok, it.unparsed = model.Sample{}, false, 1
			return nil
		}
		*f = plain(&cv, &c)
	}
	it.s, it.ok = cv.sample(f)
	it.unparsed = cv.unparsed
	return nil
}

// sample converts a decoded sample. A sample without a usable time
// cannot be placed in a history or an export: it is dropped, and cv.time
// counted it as unparsed, so the loss is visible.
func (cv *converter) sample(w *fastSample) (model.Sample, bool) {
	at := cv.time(w.DateTime, true)
	if at.IsZero() {
		return model.Sample{}, false
	}
	s := model.Sample{Time: at, Streams: make(map[model.StreamKey]model.StreamStats)}
	s.CPU = model.CPU{
		ZoomMinPct:   cv.metric(w.CPU.ZoomMin, model.ParsePct),
		ZoomAvgPct:   cv.metric(w.CPU.ZoomAvg, model.ParsePct),
		ZoomMaxPct:   cv.metric(w.CPU.ZoomMax, model.ParsePct),
		SystemMaxPct: cv.metric(w.CPU.SystemMax, model.ParsePct),
	}
	s.WiFi = model.WiFi{MinRSSIdBm: cv.num(w.WiFi.Min), AvgRSSIdBm: cv.num(w.WiFi.Avg), MaxRSSIdBm: cv.num(w.WiFi.Max)}
	for i, ws := range w.streams() {
		if st := cv.stream(*ws); !st.Empty() {
			s.Streams[model.StreamKeys[i]] = st // a stream with no readings is a stream with no data
		}
	}
	return s, true
}
