package model

// Judged is one reading the event log watches for crossings of its
// thresholds.
type Judged struct {
	Name   string // in full, for the event log: "latency"
	Short  string // for a table cell: "lat"
	Unit   string // as written after the number: " ms", "%"
	Metric Metric
	Stream func(StreamStats) Value // a stream's reading; nil for Sys
	Sys    func(Sample) Value      // the machine's reading; nil for Stream
}

// JudgedStreams are the stream readings the event log watches: latency,
// jitter and average loss, judgedFields but max loss. Max loss is left
// out on purpose: it moves with average loss and would double every loss
// event. (The worst reading, a stream's level and the degraded share do
// judge it: judgedFields.)
var JudgedStreams = []Judged{
	{Name: "latency", Short: "lat", Unit: " ms", Metric: Latency, Stream: LatencyField.Of},
	{Name: "jitter", Short: "jit", Unit: " ms", Metric: Jitter, Stream: JitterField.Of},
	{Name: "loss", Short: "loss", Unit: "%", Metric: AvgLoss, Stream: AvgLossField.Of},
}

// JudgedSystem are the machine's readings the event log judges.
var JudgedSystem = []Judged{
	{Name: "CPU system max", Short: "cpu", Unit: "%", Metric: SystemCPU, Sys: func(s Sample) Value { return s.CPU.SystemMaxPct }},
	{Name: "Wi-Fi avg", Short: "wifi", Unit: " dBm", Metric: WiFiRSSI, Sys: func(s Sample) Value { return s.WiFi.AvgRSSIdBm }},
}
