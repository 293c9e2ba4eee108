package model

import "time"

// StreamStats are one stream's readings in one sample. Units are in the
// field names; any field may be absent.
type StreamStats struct {
	BitrateKbps  Value
	LatencyMS    Value
	JitterMS     Value
	AvgLossPct   Value
	MaxLossPct   Value
	FrameRateFPS Value
	Width        Value
	Height       Value
}

// Empty reports whether no field holds a reading.
func (s StreamStats) Empty() bool {
	for _, v := range []Value{s.BitrateKbps, s.LatencyMS, s.JitterMS, s.AvgLossPct,
		s.MaxLossPct, s.FrameRateFPS, s.Width, s.Height} {
		if v.OK {
			return false
		}
	}
	return true
}

// CPU is the participant machine's processor load during a sample.
type CPU struct {
	ZoomMinPct   Value
	ZoomAvgPct   Value
	ZoomMaxPct   Value
	SystemMaxPct Value
}

// WiFi is the participant's Wi-Fi signal during a sample, in dBm.
type WiFi struct {
	MinRSSIdBm Value
	AvgRSSIdBm Value
	MaxRSSIdBm Value
}

// Sample is one of Zoom's per-minute QoS records. A stream absent from
// Streams had no data.
type Sample struct {
	Time    time.Time
	Streams map[StreamKey]StreamStats
	CPU     CPU
	WiFi    WiFi
	// Scores are Zoom's own verdicts, which only a push carries.
	Scores Scores
	// Via says whether the sample was polled or pushed. It is not a
	// reading: Equal ignores it, so the same minute from either source is
	// the same sample.
	Via Origin
}

// Stream returns the stats for k and whether the sample holds the stream.
func (s Sample) Stream(k StreamKey) (StreamStats, bool) {
	st, ok := s.Streams[k]
	return st, ok
}

// Equal reports whether s and o hold the same time and readings.
func (s Sample) Equal(o Sample) bool {
	if !s.Time.Equal(o.Time) || s.CPU != o.CPU || s.WiFi != o.WiFi || s.Scores != o.Scores || len(s.Streams) != len(o.Streams) {
		return false
	}
	for k, st := range s.Streams {
		if ot, ok := o.Streams[k]; !ok || ot != st {
			return false
		}
	}
	return true
}
