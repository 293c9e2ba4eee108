package record_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/model"
)

// A recording cut at any byte (a power loss, a full disk) still loads
// what its whole lines hold and says it is incomplete, unless the cut
// fell on a line's end; cut inside its header it is refused as not a
// recording, never loaded as an empty one. Where the header ends and
// where the file ends are among the cuts.
func TestRecordingCutAtARandomByteLoads(t *testing.T) {
	z := startZoom(t, sim.Options{Seed: 5})
	dir := t.TempDir()
	whole := filepath.Join(dir, "call.jsonl")
	recordMinutes(t, z, whole, 6, false)
	data, _ := os.ReadFile(whole)
	full, err := record.Load(whole)
	if err != nil {
		t.Fatal(err)
	}
	headerEnd := bytes.IndexByte(data, '\n') + 1
	rng := rand.New(rand.NewPCG(19, 1))
	cuts := []int{headerEnd - 1, headerEnd, headerEnd + 1, len(data) - 1}
	for range 60 {
		cuts = append(cuts, 1+rng.IntN(len(data)-1))
	}
	for _, cut := range cuts {
		path := filepath.Join(dir, "cut.jsonl")
		os.Remove(path)
		os.WriteFile(path, data[:cut], 0o600)
		got, err := record.Load(path)
		// Cut just before its newline, the header is whole JSON: it loads, incomplete.
		if cut < headerEnd-1 {
			if !errors.Is(err, model.ErrNotRecording) {
				t.Errorf("cut at %d, inside the header: %v, want ErrNotRecording", cut, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("cut at %d of %d: %v", cut, len(data), err)
			continue
		}
		atLineEnd := data[cut-1] == '\n'
		if got.Incomplete == atLineEnd {
			t.Errorf("cut at %d (at a line end: %v): Incomplete = %v", cut, atLineEnd, got.Incomplete)
		}
		// Nothing is invented: every sample loaded is one of the whole file's.
		for _, p := range got.Participants {
			var whole []model.Sample
			for _, fp := range full.Participants {
				if model.MemberKey(fp) == model.MemberKey(p) {
					whole = fp.Samples
				}
			}
			for _, s := range p.Samples {
				if !containsSample(whole, s) {
					t.Errorf("cut at %d: %s has a sample at %s the whole file lacks", cut, p.UserName, s.Time)
				}
			}
		}
	}
}

func containsSample(ss []model.Sample, s model.Sample) bool {
	for _, o := range ss {
		if o.Equal(s) {
			return true
		}
	}
	return false
}
