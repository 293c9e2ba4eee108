package record_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/model"
)

// dirBytes is what the ring's directory holds on disk, every file counted.
func dirBytes(t *testing.T, dir string) (total int64, names []string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		total += info.Size()
		names = append(names, e.Name())
	}
	return total, names
}

// Over a simulated day of polling the demo meeting every 5 minutes (each
// answer holds 3 new minutes; every minute would take 3 minutes under
// -race for nothing more), with a new meeting recorded every 3 hours, the ring's directory never holds
// more than its bound, no recording older than its age limit survives an
// hour past it, and it keeps the newest: the last minutes are on disk.
// The clock is a fake one moved by hand; the recorder makes no request
// of its own (the client's count is the polls alone).
func TestRingStaysWithinItsBoundOverADay(t *testing.T) {
	z := startZoom(t, sim.Options{Seed: 8, ServeLast: 3})
	dir := filepath.Join(t.TempDir(), "recordings")
	ro := record.RingOptions{Dir: dir, MaxBytes: 600 << 10, MaxFileBytes: 100 << 10, MaxAge: 6 * time.Hour}
	var rec *record.Recorder
	peak := int64(0)
	polls := 0
	const every = 5 * time.Minute
	for minute := 0; minute < 24*60; minute += int(every / time.Minute) {
		if minute%180 == 0 {
			if rec != nil {
				rec.Close()
			}
			var err error
			rec, err = record.OpenRing(ro, record.Options{MeetingID: sim.DemoMeetingUUID, Type: model.Live,
				Thresholds: model.DefaultThresholds(), Now: z.rig.Clock.Now})
			if err != nil {
				t.Fatal(err)
			}
		}
		rec.Samples(z.poll(t))
		polls++
		if err := rec.Err(); err != nil {
			t.Fatalf("minute %d: %v", minute, err)
		}
		total, _ := dirBytes(t, dir)
		if total > ro.MaxBytes {
			t.Fatalf("minute %d: the ring holds %d bytes, over its bound of %d", minute, total, ro.MaxBytes)
		}
		peak = max(peak, total)
		z.rig.Clock.Add(every)
	}
	rec.Close()
	total, names := dirBytes(t, dir)
	t.Logf("peak %d bytes of %d; at the end %d bytes in %d files", peak, ro.MaxBytes, total, len(names))
	if peak < ro.MaxBytes/2 {
		t.Errorf("peak %d: the day never filled the ring, so the bound was not tested", peak)
	}
	now := z.rig.Clock.Now()
	names = slices.DeleteFunc(names, func(n string) bool { return n == ".lock" }) // the prune's lock, empty
	for _, n := range names {
		start, err := time.Parse("20060102T150405.000Z", n[:len("20060102T150405.000Z")])
		if err != nil || !strings.Contains(n, "qT7vXq2bR0eJx4mZs9LkPw__") {
			t.Errorf("a file the ring did not name: %s", n)
		}
		if now.Sub(start) > ro.MaxAge+time.Hour {
			t.Errorf("%s started %s ago, past the age limit of %s", n, now.Sub(start), ro.MaxAge)
		}
	}
	newest, err := record.Load(filepath.Join(dir, names[len(names)-1]))
	if err != nil || newest.Last.Before(now.Add(-every)) {
		t.Errorf("the newest file: %v, last record %s, want the last poll (%s)", err, newest.Last, now.Add(-every))
	}
	if got := z.client.Requests(); got != int64(polls) {
		t.Errorf("%d requests for %d polls: the recorder asked Zoom for something", got, polls)
	}
}

// The ring counts and deletes only files it named, so a user's own file
// put in the directory is left alone.
func TestRingLeavesOtherFilesAlone(t *testing.T) {
	z := startZoom(t, sim.Options{Seed: 8, ServeLast: 3})
	dir := t.TempDir()
	mine := filepath.Join(dir, "notes.jsonl")
	os.WriteFile(mine, []byte(strings.Repeat("x", 50<<10)+"\n"), 0o600)
	rec, err := record.OpenRing(record.RingOptions{Dir: dir, MaxBytes: 40 << 10, MaxFileBytes: 10 << 10},
		record.Options{MeetingID: sim.DemoMeetingID, Now: z.rig.Clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	for range 60 {
		rec.Samples(z.poll(t))
		z.rig.Clock.Add(time.Minute)
	}
	rec.Close()
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("the ring deleted a file it did not write: %v", err)
	}
}
