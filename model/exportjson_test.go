package model_test

import (
	"bytes"
	"encoding/json"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// WriteMeetingJSON streams exactly what json.Encoder with a two-space indent
// writes for the same snapshot (the format scripts read), zero-width
// characters escaped and HTML-significant ones as encoding/json writes them.
func TestWriteMeetingJSONMatchesEncoder(t *testing.T) {
	odd := exportParticipant()
	odd.UserName = "Eve\u200b <b>&</b>"
	for name, tc := range map[string]struct {
		id  string
		typ model.MeetingType
		ps  []model.Participant
	}{
		"empty":   {"1", model.Live, nil},
		"two":     {"/ab==\u200b", model.Past, []model.Participant{exportParticipant(), odd}},
		"no data": {"", model.Live, []model.Participant{{}}},
	} {
		t.Run(name, func(t *testing.T) {
			var want, got bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			if err := enc.Encode(model.NewMeetingSnapshot(tc.id, tc.typ, tc.ps)); err != nil {
				t.Fatal(err)
			}
			if err := model.WriteMeetingJSON(&got, tc.id, tc.typ, tc.ps); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("WriteMeetingJSON wrote\n%s\nthe encoder writes\n%s", got.String(), want.String())
			}
		})
	}
}

// heapProbe is a writer that, at its first write and after every step
// bytes written, collects garbage and notes the heap in use: the most
// the export holds while it writes, measured in bytes, not time.
type heapProbe struct {
	step, written, next int
	peak                uint64
}

func (p *heapProbe) Write(b []byte) (int, error) {
	if p.written >= p.next {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		p.peak = max(p.peak, m.HeapAlloc)
		p.next = p.written + p.step
	}
	p.written += len(b)
	return len(b), nil
}

// Writing a meeting of 30 people with a day of samples each holds one
// participant's export at a time; the whole document, as json.Encoder
// built it (the control, which the measure must catch), held several
// copies of it.
func TestWriteMeetingJSONHoldsOneParticipant(t *testing.T) {
	const mib = 1 << 20
	ps := make([]model.Participant, 30)
	for i := range ps {
		ps[i] = model.Participant{UserID: strconv.Itoa(i), UserName: "Person " + strconv.Itoa(i)}
		for m := range 1440 {
			ps[i].Samples = append(ps[i].Samples, model.Sample{
				Time: time.Date(2026, 11, 25, 0, m, 0, 0, time.UTC),
				Streams: map[model.StreamKey]model.StreamStats{{Media: model.Audio, Dir: model.Send}: {
					BitrateKbps: model.Some(27), LatencyMS: model.Some(20), JitterMS: model.Some(3), AvgLossPct: model.Some(0.1)}},
			})
		}
	}
	held := func(write func(w *heapProbe) error) (extra, written int) {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		p := &heapProbe{step: 2 * mib}
		if err := write(p); err != nil {
			t.Fatal(err)
		}
		return int(p.peak) - int(m.HeapAlloc), p.written
	}
	extra, written := held(func(w *heapProbe) error { return model.WriteMeetingJSON(w, "1", model.Live, ps) })
	control, _ := held(func(w *heapProbe) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(model.NewMeetingSnapshot("1", model.Live, ps))
	})
	runtime.KeepAlive(ps) // the baseline holds ps: so must the writing
	t.Logf("%.1f MiB written; held while writing: streamed %.1f MiB, whole %.1f MiB",
		float64(written)/mib, float64(extra)/mib, float64(control)/mib)
	if control < written {
		t.Fatalf("the whole document held %.1f MiB, less than it wrote: the probe cannot see the heap", float64(control)/mib)
	}
	if extra > 4*mib {
		t.Errorf("WriteMeetingJSON held %.1f MiB while writing %.1f MiB, want at most 4 MiB (one participant's export)",
			float64(extra)/mib, float64(written)/mib)
	}
}
