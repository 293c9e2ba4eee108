package model

// Field is one per-stream reading that panes and charts draw over time.
// It ties a StreamStats field to its unit, to the thresholds that judge
// it (if any) and to the way it gets worse, so the time grid, the scale
// and the chart decide the same way for the same reading.
type Field int

// The fields a stream's charts show.
const (
	LatencyField Field = iota
	JitterField
	AvgLossField
	MaxLossField
	BitrateField
	FrameRateField
	numFields
)

// Fields lists every field in display order.
var Fields = []Field{LatencyField, JitterField, AvgLossField, MaxLossField, BitrateField, FrameRateField}

// judgedFields are the fields with thresholds, the ones a stream's level,
// a sample's worst reading and its degraded mark are judged by, in the
// order a tie in severity is settled (the first wins), so the cell shown
// does not flicker between two equally bad readings from one poll to the
// next.
var judgedFields = [...]Field{LatencyField, JitterField, AvgLossField, MaxLossField}

var fieldNames = [numFields]string{"latency", "jitter", "loss", "max loss", "bitrate", "frame rate"}

var fieldUnits = [numFields]string{"ms", "ms", "%", "%", "kbps", "fps"}

func (f Field) String() string {
	if f < 0 || f >= numFields {
		return "unknown"
	}
	return fieldNames[f]
}

// Unit is the unit the field's values are in, e.g. "ms".
func (f Field) Unit() string {
	if f < 0 || f >= numFields {
		return ""
	}
	return fieldUnits[f]
}

// Of picks the field out of one stream's readings.
func (f Field) Of(s StreamStats) Value {
	switch f {
	case LatencyField:
		return s.LatencyMS
	case JitterField:
		return s.JitterMS
	case AvgLossField:
		return s.AvgLossPct
	case MaxLossField:
		return s.MaxLossPct
	case BitrateField:
		return s.BitrateKbps
	case FrameRateField:
		return s.FrameRateFPS
	}
	return None
}

// Metric is the judged metric behind the field; ok is false for bitrate
// and frame rate, which have no thresholds: what is normal depends on the
// codec, the resolution and what is on screen.
func (f Field) Metric() (m Metric, ok bool) {
	switch f {
	case LatencyField:
		return Latency, true
	case JitterField:
		return Jitter, true
	case AvgLossField:
		return AvgLoss, true
	case MaxLossField:
		return MaxLoss, true
	}
	return 0, false
}

// Worse is the way the field gets worse: a falling bitrate or frame rate
// is what a user sees as a frozen or blurred picture.
func (f Field) Worse() Worse {
	if m, ok := f.Metric(); ok {
		return m.Worse()
	}
	return LowerWorse
}
