package model

// Judged is one reading that qostop judges against its thresholds: the
// event log watches it for crossings and the overview ranks people by it.
type Judged struct {
	Name   string // in full, for the event log: "latency"
	Short  string // for a table cell: "lat"
	Unit   string // as written after the number: " ms", "%"
	Metric Metric
	Stream func(StreamStats) Value // a stream's reading; nil for Sys
	Sys    func(Sample) Value      // the machine's reading; nil for Stream
}

// JudgedStreams are the stream readings every screen judges: latency,
// jitter and average loss. Max loss is left out on purpose: it moves with
// average loss and would double every loss event and only repeat it in a
// ranking.
var JudgedStreams = []Judged{
	{Name: "latency", Short: "lat", Unit: " ms", Metric: Latency, Stream: func(s StreamStats) Value { return s.LatencyMS }},
	{Name: "jitter", Short: "jit", Unit: " ms", Metric: Jitter, Stream: func(s StreamStats) Value { return s.JitterMS }},
	{Name: "loss", Short: "loss", Unit: "%", Metric: AvgLoss, Stream: func(s StreamStats) Value { return s.AvgLossPct }},
}

// JudgedSystem are the machine's readings the event log judges.
var JudgedSystem = []Judged{
	{Name: "CPU system max", Short: "cpu", Unit: "%", Metric: SystemCPU, Sys: func(s Sample) Value { return s.CPU.SystemMaxPct }},
	{Name: "Wi-Fi avg", Short: "wifi", Unit: " dBm", Metric: WiFiRSSI, Sys: func(s Sample) Value { return s.WiFi.AvgRSSIdBm }},
}
