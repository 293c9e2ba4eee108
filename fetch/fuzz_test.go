package fetch

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/qostop/qostop/model"
)

// FuzzDecodeParticipant: no input may panic a decoder, and what decodes
// must hold the invariants the UI relies on.
func FuzzDecodeParticipant(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"user_qos":{"date_time":1}}`))
	f.Add([]byte(`{"user_qos":[null,{"audio_input":null}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if p, err := decodeParticipant(b); err == nil {
			checkInvariants(t, p.Unparsed, p.Samples)
		}
		if ps, _, err := decodeParticipantPage(b); err == nil {
			for _, p := range ps {
				checkInvariants(t, p.Unparsed, p.Samples)
			}
		}
		_, _, _ = decodeMeetingPage(b)
		_ = httpError("op", 400, http.Header{}, b).Error()
		_ = decodeError("op", b, nil).Error()
	})
}

func checkInvariants(t *testing.T, unparsed int, samples []model.Sample) {
	t.Helper()
	if unparsed < 0 {
		t.Fatalf("Unparsed %d", unparsed)
	}
	if len(samples) > model.DefaultHistoryCap {
		t.Fatalf("%d samples kept, more than a history holds", len(samples))
	}
	for i, s := range samples {
		if s.Time.IsZero() {
			t.Fatalf("sample %d has no time", i)
		}
		if i > 0 && !s.Time.After(samples[i-1].Time) {
			t.Fatalf("samples not oldest first, one per time, at %d", i)
		}
	}
	for _, s := range samples {
		for k, st := range s.Streams {
			if st.Empty() {
				t.Fatalf("empty stream %s kept", k)
			}
		}
	}
}
