package sim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"time"
)

// zoomTime is the date format Zoom itself sends.
const zoomTime = "2006-01-02T15:04:05Z"

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(zoomTime)
}

// wireStream is one stream object. Audio streams have no frame_rate or
// resolution keys at all, hence the pointers.
type wireStream struct {
	Bitrate    string  `json:"bitrate"`
	Latency    string  `json:"latency"`
	Jitter     string  `json:"jitter"`
	AvgLoss    string  `json:"avg_loss"`
	MaxLoss    string  `json:"max_loss"`
	FrameRate  *string `json:"frame_rate,omitempty"`
	Resolution *string `json:"resolution,omitempty"`
}

type wireCPU struct {
	ZoomMin   string `json:"zoom_min_cpu_usage"`
	ZoomAvg   string `json:"zoom_avg_cpu_usage"`
	ZoomMax   string `json:"zoom_max_cpu_usage"`
	SystemMax string `json:"system_max_cpu_usage"`
}

type wirePressure struct {
	Min string `json:"system_min_cpu_pressure_level"`
	Avg string `json:"system_avg_cpu_pressure_level"`
	Max string `json:"system_max_cpu_pressure_level"`
}

// wireRSSI's readings are pointers so a replay (replay.go) can leave out
// one that was not recorded; the cast always has all three.
type wireRSSI struct {
	Max  *float64 `json:"max_rssi,omitempty"`
	Avg  *float64 `json:"avg_rssi,omitempty"`
	Min  *float64 `json:"min_rssi,omitempty"`
	Unit string   `json:"rssi_unit"`
}

type namedStream struct {
	name string
	st   wireStream
}

// wireSample is one element of user_qos. Streams are kept as an ordered
// list because which keys exist varies per participant and per minute.
type wireSample struct {
	DateTime string
	Streams  []namedStream
	CPU      *wireCPU
	Pressure *wirePressure
	RSSI     *wireRSSI
}

// MarshalJSON writes date_time first, then the streams present, then the
// machine readings: a stable order, so equal samples are equal bytes.
func (w wireSample) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	field := func(name string, v any) error {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		enc, err := json.Marshal(v)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%q:", name)
		b.Write(enc)
		return nil
	}
	if err := field("date_time", w.DateTime); err != nil {
		return nil, err
	}
	for _, s := range w.Streams {
		if err := field(s.name, s.st); err != nil {
			return nil, err
		}
	}
	for _, f := range []struct {
		name string
		v    any
		ok   bool
	}{{"cpu_usage", w.CPU, w.CPU != nil}, {"cpu_pressure_level", w.Pressure, w.Pressure != nil},
		{"wifi_rssi", w.RSSI, w.RSSI != nil}} {
		if f.ok {
			if err := field(f.name, f.v); err != nil {
				return nil, err
			}
		}
	}
	return append(append([]byte{'{'}, b.Bytes()...), '}'), nil
}

// streamName is Zoom's key for a stream: medium ("audio", "video", "as"),
// direction as seen from the participant, and path.
func streamName(medium string, send bool, p path) string {
	switch p {
	case viaCRC, viaRWG:
		suffix := map[path]string{viaCRC: "crc", viaRWG: "rwg"}[p]
		if send {
			return medium + "_device_from_" + suffix
		}
		return medium + "_device_to_" + suffix
	}
	if send {
		return medium + "_input"
	}
	return medium + "_output"
}

// wireSampleOf turns numbers into Zoom's strings, with the quirks real
// payloads have: some bitrates with decimals or no space, "0ms", the odd
// "" reading, and "0*0" with frame_rate "" for a share not yet drawn.
func (s *Server) wireSampleOf(m *meeting, p *member, v sampleVals) wireSample {
	q := func(salt uint64) float64 { return s.noise(p.key, v.k, 200+salt) }
	w := wireSample{DateTime: stamp(m.at(v.k))}
	add := func(medium string, send bool, sv *streamVals, salt uint64) {
		if sv == nil {
			return
		}
		st := wireStream{
			Bitrate: kbps(sv.kbps, q(salt)),
			Latency: ms(sv.latency),
			Jitter:  ms(sv.jitter),
			AvgLoss: pct(sv.avgLoss),
			MaxLoss: pct(math.Max(sv.avgLoss, sv.maxLoss)),
		}
		if p.path == viaCRC {
			// Room systems report no jitter through the connector.
			st.Jitter = ms(0)
		}
		if q(salt+1) < 0.03 {
			st.Latency = "" // Zoom sometimes has no reading for a minute
		}
		if sv.video {
			fr, res := fmt.Sprintf("%.0f fps", sv.fps), fmt.Sprintf("%d*%d", sv.w, sv.h)
			if sv.blank {
				fr, res = "", "0*0"
			}
			st.FrameRate, st.Resolution = &fr, &res
		}
		w.Streams = append(w.Streams, namedStream{streamName(medium, send, p.path), st})
	}
	add("audio", true, v.audioSend, 1)
	add("audio", false, v.audioRecv, 3)
	add("video", true, v.videoSend, 5)
	add("video", false, v.videoRecv, 7)
	add("as", true, v.shareSend, 9)
	add("as", false, v.shareRecv, 11)
	if c := v.cpu; c != nil {
		w.CPU = &wireCPU{cpuPct(c[0]), cpuPct(c[1]), cpuPct(c[2]), cpuPct(c[3])}
	}
	if v.pressure {
		lvl := "normal"
		if v.cpu[3] > 85 {
			lvl = "fair"
		}
		w.Pressure = &wirePressure{"normal", "normal", lvl}
	}
	if r := v.rssi; r != nil {
		dbm := func(i int) *float64 { v := float64(r[i]); return &v }
		w.RSSI = &wireRSSI{Max: dbm(0), Avg: dbm(1), Min: dbm(2), Unit: "dBm"}
	}
	return w
}

// kbps mostly writes "23 kbps", sometimes "27.15 kbps" and "27.15kbps".
func kbps(v, quirk float64) string {
	switch {
	case quirk < 0.08:
		return fmt.Sprintf("%.2fkbps", v)
	case quirk < 0.2:
		return fmt.Sprintf("%.2f kbps", v)
	}
	return fmt.Sprintf("%.0f kbps", v)
}

// ms writes "126 ms", but "0ms" for zero, as Zoom does.
func ms(v float64) string {
	r := math.Round(v)
	if r <= 0 {
		return "0ms"
	}
	return fmt.Sprintf("%.0f ms", r)
}

// pct writes "0.3%", two decimals below a tenth ("0.03%"), "0.0%" for none.
func pct(v float64) string {
	v = math.Min(100, math.Max(0, v))
	if v > 0.005 && v < 0.095 {
		return fmt.Sprintf("%.2f%%", v)
	}
	return fmt.Sprintf("%.1f%%", v)
}

func cpuPct(v float64) string { return fmt.Sprintf("%.0f%%", math.Min(100, math.Max(0, v))) }
