package model

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// A replay asks the recording what qostop had seen at a time: samples
// first written by then, and the participant as named then (no
// leave_time before Zoom gave one); nobody before their first answer.
func TestRecordingAtATime(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	audio := StreamKey{Media: Audio, Dir: Send}
	sample := func(min int) Sample {
		return Sample{Time: t0.Add(time.Duration(min) * time.Minute),
			Streams: map[StreamKey]StreamStats{audio: {LatencyMS: Some(float64(40 + min))}}}
	}
	line := func(at time.Time, p Participant) string {
		snap := NewSnapshot("123", Live, p)
		b, _ := json.Marshal(Record{Kind: RecSamples, At: RecordTime(at), Participant: &snap.Participant, Samples: snap.Samples})
		return string(b)
	}
	alice := Participant{UserID: "u1", UserName: "Alice"}
	gone := alice
	gone.LeaveTime = t0.Add(3 * time.Minute)
	lines := []string{`{"kind":"header","at":"2026-11-25T19:00:00Z","version":1,"meeting_id":"123","type":"live"}`,
		line(t0.Add(70*time.Second), withSamples(alice, sample(0), sample(1))),
		line(t0.Add(130*time.Second), withSamples(alice, sample(2))),
		line(t0.Add(190*time.Second), withSamples(gone, sample(3))),
	}
	rec, err := ReadRecording(strings.NewReader(strings.Join(lines, "\n") + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		at      time.Duration
		samples int
		left    bool
	}{{60 * time.Second, -1, false}, {70 * time.Second, 2, false}, {189 * time.Second, 3, false}, {time.Hour, 4, true}} {
		ps := rec.At(t0.Add(tc.at))
		if tc.samples < 0 {
			if len(ps) != 0 {
				t.Errorf("at %s: %d participants before the first answer", tc.at, len(ps))
			}
			continue
		}
		if len(ps) != 1 || len(ps[0].Samples) != tc.samples || ps[0].Left() != tc.left || ps[0].UserName != "Alice" {
			t.Errorf("at %s: %+v, want Alice with %d samples, left %v", tc.at, ps, tc.samples, tc.left)
			continue
		}
		if got := ps[0].Samples[tc.samples-1].Streams[audio].LatencyMS; got != Some(float64(40+tc.samples-1)) {
			t.Errorf("at %s: the newest latency %v", tc.at, got)
		}
	}
	// Cut inside its third line, the file says where.
	cut := strings.Join(lines[:2], "\n") + "\n" + lines[2][:20]
	if rec, err := ReadRecording(strings.NewReader(cut)); err != nil || !rec.Incomplete || rec.CutLine != 3 {
		t.Errorf("cut in line 3: %v, incomplete %v, cut line %d", err, rec.Incomplete, rec.CutLine)
	}
}

func withSamples(p Participant, s ...Sample) Participant {
	p.Samples = s
	return p
}
