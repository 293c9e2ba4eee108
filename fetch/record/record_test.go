package record_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/model"
)

// record polls the simulator n minutes into a new recording at path and
// returns every sample it was given per participant, merged as History
// does, and how many it was given in all (repeats included).
func recordMinutes(t *testing.T, z zoom, path string, n int, redact bool) (map[string]*model.History, int) {
	t.Helper()
	rec, err := record.Create(path, record.Options{MeetingID: sim.DemoMeetingID, Type: model.Live,
		Redact: redact, Thresholds: model.DefaultThresholds(), Now: z.rig.Clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	seen, given := map[string]*model.History{}, 0
	rec.Meeting(model.Meeting{ID: sim.DemoMeetingID, Topic: "Incident bridge", Host: "Bob Diaz", StartTime: t0.Add(-time.Hour)})
	for i := range n {
		ps := z.poll(t)
		rec.Samples(ps)
		for _, p := range ps {
			k := model.MemberKey(p)
			if seen[k] == nil {
				seen[k] = model.NewHistory(0)
			}
			seen[k].Merge(p.Samples...)
			given += len(p.Samples)
		}
		if i == 3 {
			rec.Marker("user reported choppy audio")
			rec.Event(ps[0], model.Critical, "audio send latency critical")
		}
		z.rig.Clock.Add(time.Minute)
	}
	if err := rec.Err(); err != nil {
		t.Fatal(err)
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	return seen, given
}

// A recording loads back with every sample the screens were given, the
// marker and the event, in order, and each answer's repeated minutes are
// written once.
func TestRecordingLoadsWhatWasRecorded(t *testing.T) {
	z := startZoom(t, sim.Options{Seed: 3})
	path := filepath.Join(t.TempDir(), "call.jsonl")
	seen, given := recordMinutes(t, z, path, 10, false)

	got, err := record.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Incomplete || got.Skipped != 0 || got.MeetingID != sim.DemoMeetingID || got.Meeting.Topic != "Incident bridge" {
		t.Errorf("loaded: incomplete %v, skipped %d, meeting %q %q", got.Incomplete, got.Skipped, got.MeetingID, got.Meeting.Topic)
	}
	sameSamples(t, got.Participants, seen)
	if len(got.Timeline) != 2 || got.Timeline[0].Kind != model.RecMarker || got.Timeline[1].What != "critical" ||
		!got.Timeline[0].At.Equal(t0.Add(3*time.Minute)) {
		t.Errorf("timeline: %+v", got.Timeline)
	}
	// The simulator repeats up to 30 minutes per answer: written once, the
	// file holds each sample once, not ten times.
	data, _ := os.ReadFile(path)
	samples := 0
	for _, h := range seen {
		samples += h.Len()
	}
	if n := bytes.Count(data, []byte(`"time":`)); n != samples {
		t.Errorf("the file holds %d samples, want each of the %d once", n, samples)
	}
	t.Logf("10 polls gave %d samples (repeats included), %d distinct; the file holds %d bytes", given, samples, len(data))
}

// sameSamples checks each loaded participant holds the samples recorded.
func sameSamples(t *testing.T, got []model.Participant, seen map[string]*model.History) {
	t.Helper()
	if len(got) != len(seen) {
		t.Fatalf("%d participants loaded, %d recorded", len(got), len(seen))
	}
	for _, p := range got {
		want := seen[model.MemberKey(p)].Samples()
		if len(p.Samples) != len(want) {
			t.Errorf("%s: %d samples loaded, %d recorded", p.UserName, len(p.Samples), len(want))
			continue
		}
		for i := range want {
			if !p.Samples[i].Equal(want[i]) {
				t.Errorf("%s: sample %s differs after loading", p.UserName, want[i].Time)
			}
		}
	}
}

// With --redact nothing in the file names a person; the IDs Zoom alone can
// resolve stay, so the recording still tells participants apart.
func TestRecordingRedacted(t *testing.T) {
	z := startZoom(t, sim.Options{Seed: 3})
	names := z.poll(t)
	path := filepath.Join(t.TempDir(), "call.jsonl")
	recordMinutes(t, z, path, 3, true)
	data, _ := os.ReadFile(path)
	for _, p := range names {
		for _, s := range []string{p.UserName, p.Email, p.IPAddress} {
			if s != "" && bytes.Contains(data, []byte(s)) {
				t.Errorf("the redacted recording holds %q", s)
			}
		}
	}
	for _, s := range []string{"Incident bridge", "Bob Diaz"} {
		if bytes.Contains(data, []byte(s)) {
			t.Errorf("the redacted recording holds the meeting's %q", s)
		}
	}
	got, err := record.Load(path)
	if err != nil || !got.Redacted || !bytes.Contains(data, []byte(sim.DemoParticipantID)) {
		t.Errorf("load: %v, redacted %v; participant IDs kept: %v", err, got.Redacted, bytes.Contains(data, []byte(sim.DemoParticipantID)))
	}
}

// --record never writes over or after a file, nor through a link.
func TestCreateRefusesWhatExists(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.jsonl")
	os.WriteFile(old, []byte("keep me\n"), 0o600)
	target := filepath.Join(dir, "target")
	link := filepath.Join(dir, "link.jsonl")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, path := range []string{old, link} {
		if _, err := record.Create(path, record.Options{}); err == nil || !strings.Contains(err.Error(), "exists") {
			t.Errorf("Create(%s): %v, want refused as existing", filepath.Base(path), err)
		}
	}
	if b, _ := os.ReadFile(old); string(b) != "keep me\n" {
		t.Errorf("the existing file was changed: %q", b)
	}
	if _, err := os.Lstat(target); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the link's target was created: %v", err)
	}
}

// Load takes only a regular file reached directly.
func TestLoadRefusesLinksAndDirectories(t *testing.T) {
	z := startZoom(t, sim.Options{Seed: 3})
	dir := t.TempDir()
	real := filepath.Join(dir, "call.jsonl")
	recordMinutes(t, z, real, 1, false)
	link := filepath.Join(dir, "link.jsonl")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, path := range []string{link, dir} {
		if _, err := record.Load(path); err == nil || !strings.Contains(err.Error(), "symbolic link") && !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("Load(%s): %v, want refused", filepath.Base(path), err)
		}
	}
	notOne := filepath.Join(dir, "notes.txt")
	os.WriteFile(notOne, []byte(`{"kind":"samples"}`+"\n"), 0o600)
	if _, err := record.Load(notOne); !errors.Is(err, model.ErrNotRecording) {
		t.Errorf("a file with no header: %v, want ErrNotRecording", err)
	}
}
