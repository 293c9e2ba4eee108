package model_test

import (
	"bytes"
	"math"
	"testing"

	"github.com/qostop/qostop/model"
)

// A recording comes from disk, where anything can be (a cut, a bad
// sector, another program's file): the reader must never panic, and what
// it loads must keep the promises the screens and the report rely on.
// go test ./model -run '^$' -fuzz FuzzReadRecording -fuzztime 20s
func FuzzReadRecording(f *testing.F) {
	header := `{"kind":"header","at":"2026-03-02T14:00:00Z","version":1,"meeting_id":"85012345678","type":"live"}` + "\n"
	samples := `{"kind":"samples","at":"2026-03-02T14:01:00Z","participant":{"id":"a","user_id":"16778241","user_name":"Alice"},` +
		`"samples":[{"time":"2026-03-02T14:00:00Z","streams":{"audio_input":{"latency_ms":120,"jitter_ms":4,"avg_loss_pct":0.1}},"cpu":{"zoom_avg_pct":12}}]}` + "\n"
	for _, seed := range []string{
		header,
		header + samples,
		header + samples + samples[:40],
		header + `{"kind":"thresholds","at":"2026-03-02T14:00:00Z","thresholds":{"latency":{"warn":100,"critical":50}}}` + "\n",
		header + `{"kind":"marker","at":"2026-03-02T14:02:00Z","text":"user reported"}` + "\n",
		header + `{"kind":"samples","at":"x"}` + "\n" + "\n\r\n",
		`{"kind":"header","version":2}` + "\n",
		"", "\n", "{", "null\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rec, err := model.ReadRecording(bytes.NewReader(data))
		if err != nil {
			return
		}
		if cut := len(data) > 0 && data[len(data)-1] != '\n'; rec.Incomplete != cut {
			t.Errorf("Incomplete = %v for a file that ends in a newline: %v", rec.Incomplete, !cut)
		}
		if rec.Thresholds.Validate() != nil {
			t.Errorf("loaded thresholds that do not validate: %v", rec.Thresholds)
		}
		for _, p := range rec.Participants {
			for i, s := range p.Samples {
				if i > 0 && !s.Time.After(p.Samples[i-1].Time) {
					t.Errorf("samples out of order or repeated at %s", s.Time)
				}
				for _, st := range s.Streams {
					for _, v := range []model.Value{st.LatencyMS, st.JitterMS, st.AvgLossPct, st.MaxLossPct, st.BitrateKbps} {
						if v.OK && (math.IsNaN(v.V) || math.IsInf(v.V, 0)) {
							t.Errorf("a reading that is not a number: %v", v.V)
						}
					}
				}
			}
		}
	})
}
