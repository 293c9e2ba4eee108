package exporter

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/qostop/qostop/model"
)

// streamLabels name one stream of one participant. kind (meeting or
// webinar) follows meeting_id on every series: it adds no series, and
// lets a query keep to webinars without a join.
var streamLabels = []string{"meeting_id", "kind", "participant_id", "media", "direction", "path"}

var (
	latencyDesc = prometheus.NewDesc("zoom_qos_latency_seconds",
		"Application round trip of the stream in the newest QoS sample (Zoom's latency).", streamLabels, nil)
	jitterDesc = prometheus.NewDesc("zoom_qos_jitter_seconds",
		"Jitter of the stream in the newest QoS sample.", streamLabels, nil)
	lossDesc = prometheus.NewDesc("zoom_qos_packet_loss_ratio",
		"Packet loss of the stream in the newest QoS sample, average or maximum over the minute.",
		append(streamLabels[:6:6], "stat"), nil)
	bitrateDesc = prometheus.NewDesc("zoom_qos_bitrate_bytes_per_second",
		"Bitrate of the stream in the newest QoS sample, in bytes (Prometheus' base unit; Zoom says kbps).", streamLabels, nil)
	fpsDesc = prometheus.NewDesc("zoom_qos_frames_per_second",
		"Frame rate of a video or screen-share stream in the newest QoS sample.", streamLabels, nil)
	mosDesc = prometheus.NewDesc("zoom_qos_mos_estimate",
		"Estimated MOS (1 to 5) of an audio stream in the newest QoS sample: the simplified ITU-T G.107 E-model "+
			"from Zoom's latency, jitter and average loss. An estimate: Zoom's latency is a round trip including "+
			"application time, the model wants one-way network delay. Absent when any of the three is.",
		[]string{"meeting_id", "kind", "participant_id", "direction", "path"}, nil)
	cpuDesc = prometheus.NewDesc("zoom_qos_cpu_usage_ratio",
		"CPU load of the participant's machine in the newest QoS sample: Zoom's own (min, avg, max) and the system's (max).",
		[]string{"meeting_id", "kind", "participant_id", "scope", "stat"}, nil)
	rssiDesc = prometheus.NewDesc("zoom_qos_wifi_rssi_dbm",
		"Wi-Fi signal strength of the participant in the newest QoS sample.",
		[]string{"meeting_id", "kind", "participant_id", "stat"}, nil)
	sampleTimeDesc = prometheus.NewDesc("zoom_qos_sample_timestamp_seconds",
		"Zoom's date_time of the newest QoS sample the participant's readings come from.",
		[]string{"meeting_id", "kind", "participant_id"}, nil)
	participantsDesc = prometheus.NewDesc("zoom_meeting_participants",
		"Participants of the meeting the exporter holds readings or presence for.", []string{"meeting_id", "kind"}, nil)
)

// Info metrics: non-personal fields always, the name only with --names.
var (
	infoLabels     = []string{"meeting_id", "kind", "participant_id", "device", "network_type"}
	infoDesc       = prometheus.NewDesc("zoom_qos_participant_info", "Who a participant_id is (value 1).", infoLabels, nil)
	namedInfoDesc  = prometheus.NewDesc("zoom_qos_participant_info", "Who a participant_id is (value 1).", append(infoLabels[:5:5], "name"), nil)
	meetingInfo    = prometheus.NewDesc("zoom_meeting_info", "What a meeting_id is (value 1); only with --names.", []string{"meeting_id", "kind", "topic"}, nil)
	mediaLabel     = map[model.Media]string{model.Audio: "audio", model.Video: "video", model.Share: "share"}
	directionLabel = map[model.Direction]string{model.Send: "send", model.Receive: "receive"}
	pathLabel      = map[model.Path]string{model.Client: "client", model.CRC: "crc", model.RWG: "rwg"}
)

// qosCollector emits the snapshot as constant metrics at scrape time, so
// a reading Zoom did not send is an absent series, never a 0 left over
// from an earlier answer, and a participant who is gone is gone.
type qosCollector struct {
	snap          *snapshot
	now           func() time.Time
	names, redact bool
}

// Describe sends nothing: the series come and go with the meetings, so
// this is an unchecked collector.
func (c *qosCollector) Describe(chan<- *prometheus.Desc) {}

func (c *qosCollector) Collect(ch chan<- prometheus.Metric) {
	sendDrops(ch, c.snap.dropped())
	now := c.now()
	c.snap.each(func(key string, r *room) {
		ref := model.RefOf(key) // a webinar is tracked by its Ref's Key
		mid := meetingLabels{ref.ID, string(ref.Kind)}
		send(ch, participantsDesc, float64(len(r.people)), mid[:]...)
		if c.names && r.topic != "" {
			send(ch, meetingInfo, 1, mid[0], mid[1], c.text(r.topic))
		}
		for _, p := range r.people {
			c.person(ch, mid, p, now)
		}
	})
	c.collectRooms(ch)
}

// text is API text as a label may carry it: --redact hides it.
func (c *qosCollector) text(s string) string {
	if c.redact && s != "" {
		return model.Redacted
	}
	return s
}

// meetingLabels are the values of meeting_id and kind.
type meetingLabels [2]string

func (c *qosCollector) person(ch chan<- prometheus.Metric, mid meetingLabels, p *person, now time.Time) {
	if c.names {
		send(ch, namedInfoDesc, 1, mid[0], mid[1], p.id, p.device, p.network, c.text(p.name))
	} else {
		send(ch, infoDesc, 1, mid[0], mid[1], p.id, p.device, p.network)
	}
	if !p.hasSample || now.Sub(p.sample.Time) > c.snap.keep {
		return
	}
	s := p.sample
	send(ch, sampleTimeDesc, float64(s.Time.Unix()), mid[0], mid[1], p.id)
	for k, st := range s.Streams {
		l := []string{mid[0], mid[1], p.id, mediaLabel[k.Media], directionLabel[k.Dir], pathLabel[k.Path]}
		emit(ch, latencyDesc, st.LatencyMS, 1e-3, l...)
		emit(ch, jitterDesc, st.JitterMS, 1e-3, l...)
		emit(ch, lossDesc, st.AvgLossPct, 1e-2, append(l, "avg")...)
		emit(ch, lossDesc, st.MaxLossPct, 1e-2, append(l, "max")...)
		emit(ch, bitrateDesc, st.BitrateKbps, 1e3/8, l...)
		emit(ch, fpsDesc, st.FrameRateFPS, 1, l...)
		emit(ch, mosDesc, k.MOSEstimate(st), 1, mid[0], mid[1], p.id, l[4], l[5])
	}
	for _, v := range []struct {
		scope, stat string
		v           model.Value
	}{
		{"zoom", "min", s.CPU.ZoomMinPct}, {"zoom", "avg", s.CPU.ZoomAvgPct},
		{"zoom", "max", s.CPU.ZoomMaxPct}, {"system", "max", s.CPU.SystemMaxPct},
	} {
		emit(ch, cpuDesc, v.v, 1e-2, mid[0], mid[1], p.id, v.scope, v.stat)
	}
	emit(ch, rssiDesc, s.WiFi.MinRSSIdBm, 1, mid[0], mid[1], p.id, "min")
	emit(ch, rssiDesc, s.WiFi.AvgRSSIdBm, 1, mid[0], mid[1], p.id, "avg")
	emit(ch, rssiDesc, s.WiFi.MaxRSSIdBm, 1, mid[0], mid[1], p.id, "max")
}

// emit sends v in base units (times scale), or nothing when v is absent.
func emit(ch chan<- prometheus.Metric, d *prometheus.Desc, v model.Value, scale float64, labels ...string) {
	if v.OK {
		send(ch, d, v.V*scale, labels...)
	}
}

// send emits one gauge. A label value the client library refuses (it
// checks UTF-8) drops that series rather than panicking on what the
// network sent; convert.go has sanitized the text already.
func send(ch chan<- prometheus.Metric, d *prometheus.Desc, v float64, labels ...string) {
	if m, err := prometheus.NewConstMetric(d, prometheus.GaugeValue, v, labels...); err == nil {
		ch <- m
	}
}
