package exporter_test

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim/simtest"
)

// reading is one series the exporter must serve, computed from the raw
// JSON the simulator served, independently of fetch's parsers.
type reading struct {
	name   string
	labels map[string]string
	value  float64
}

func (r reading) String() string { return fmt.Sprintf("%s%v = %g", r.name, r.labels, r.value) }

// expected lists, for every participant of the meetings, the readings of
// their newest sample, and the streams the sample lacks (absent series).
func expected(t *testing.T, z *simtest.Rig, meetings ...string) (want []reading, absent, noMOS []map[string]string) {
	t.Helper()
	for _, mid := range meetings {
		for _, p := range served(t, z, mid) {
			pid := p["user_id"].(string)
			qos, _ := p["user_qos"].([]any)
			if len(qos) == 0 {
				continue
			}
			s := qos[len(qos)-1].(map[string]any)
			at, err := time.Parse(time.RFC3339, s["date_time"].(string))
			if err != nil {
				t.Fatal(err)
			}
			id := map[string]string{"meeting_id": mid, "kind": "meeting", "participant_id": pid}
			want = append(want, reading{"zoom_qos_sample_timestamp_seconds", id, float64(at.Unix())})
			for key, labels := range streamOf {
				l := map[string]string{"meeting_id": mid, "kind": "meeting", "participant_id": pid,
					"media": labels[0], "direction": labels[1], "path": labels[2]}
				st, ok := s[key].(map[string]any)
				if !ok {
					absent = append(absent, l)
					continue
				}
				for _, f := range []struct {
					metric, field, unit string
					scale               float64
					stat                string
				}{
					{"zoom_qos_latency_seconds", "latency", "ms", 1e-3, ""},
					{"zoom_qos_jitter_seconds", "jitter", "ms", 1e-3, ""},
					{"zoom_qos_packet_loss_ratio", "avg_loss", "%", 1e-2, "avg"},
					{"zoom_qos_packet_loss_ratio", "max_loss", "%", 1e-2, "max"},
					{"zoom_qos_bitrate_bytes_per_second", "bitrate", "kbps", 1e3 / 8, ""},
					{"zoom_qos_frames_per_second", "frame_rate", "fps", 1, ""},
				} {
					v, ok := number(t, st[f.field], f.unit)
					if !ok {
						continue
					}
					ll := map[string]string{}
					for k, v := range l {
						ll[k] = v
					}
					if f.stat != "" {
						ll["stat"] = f.stat
					}
					want = append(want, reading{f.metric, ll, v * f.scale})
				}
				if labels[0] == "audio" {
					mos := map[string]string{"meeting_id": mid, "kind": "meeting", "participant_id": pid, "direction": labels[1], "path": labels[2]}
					if v, ok := mosOf(t, st); ok {
						want = append(want, reading{"zoom_qos_mos_estimate", mos, v})
					} else {
						noMOS = append(noMOS, mos)
					}
				}
			}
			if cpu, ok := s["cpu_usage"].(map[string]any); ok {
				if v, ok := number(t, cpu["zoom_avg_cpu_usage"], "%"); ok {
					want = append(want, reading{"zoom_qos_cpu_usage_ratio",
						map[string]string{"meeting_id": mid, "kind": "meeting", "participant_id": pid, "scope": "zoom", "stat": "avg"}, v / 100})
				}
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("the simulator served no readings")
	}
	return want, absent, noMOS
}

// mosOf is the simplified E-model of zoom-api.md ("An estimated MOS")
// written out again from the raw strings, so the exporter's estimate is
// checked against the formula, not against model.MOSEstimate itself.
// ok is false when any of latency, jitter and average loss is missing.
func mosOf(t *testing.T, st map[string]any) (float64, bool) {
	lat, ok1 := number(t, st["latency"], "ms")
	jit, ok2 := number(t, st["jitter"], "ms")
	loss, ok3 := number(t, st["avg_loss"], "%")
	if !ok1 || !ok2 || !ok3 {
		return 0, false
	}
	eff := lat + 2*jit + 10
	r := 93.2 - eff/40
	if eff >= 160 {
		r = 93.2 - (eff-120)/10
	}
	r -= 2.5 * loss
	switch {
	case r <= 0:
		return 1, true
	case r >= 100:
		return 4.5, true
	}
	return 1 + 0.035*r + 0.000007*r*(r-60)*(100-r), true
}

// close enough for values that went through a decimal string twice.
func same(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }
