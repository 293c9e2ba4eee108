package ui

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/feed"
)

// recordTo records the harness's screens into file, as `--record FILE`
// does; the recording is closed when the test ends, or by the stop it
// sets.
func recordTo(t testing.TB, file string, stop *func() error) harnessOpt {
	return func(c *Config) {
		c.Record = file
		out, s, err := StartRecording(*c)
		if err != nil {
			t.Fatal(err)
		}
		*c, *stop = out, s
		t.Cleanup(func() { s() })
	}
}

// The recording holds what the screens made of the answers: every line
// of the event log once, with the time and words the screen showed, and
// the call's lifecycle: joined at the first answer, left when Zoom gave a
// leave_time, and the meeting's end (nobody's).
func TestScreensRecordTheirEventsAndLifecycle(t *testing.T) {
	file := filepath.Join(t.TempDir(), "call.jsonl")
	p := callParticipant(false)
	src := &fakeSource{p: p}
	var stop func() error
	h := newHarness(t, src, 120, 40, recordTo(t, file, &stop))
	next := h.start()
	gone := p
	gone.LeaveTime = watchT0.Add(39*time.Minute + 50*time.Second)
	src.set(gone, nil)
	next = h.poll(next)
	src.set(model.Participant{}, notFoundError())
	h.poll(next)
	events := h.watch().feed.Events().Events()
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	rec, err := record.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	var life, heard []string
	for _, e := range rec.Timeline {
		switch e.Kind {
		case model.RecLifecycle:
			life = append(life, e.Key+" "+e.What)
		case model.RecEvent:
			heard = append(heard, e.What+" "+e.Text)
		}
	}
	if want := []string{"16778241 joined", "16778241 left", " ended"}; !slices.Equal(life, want) {
		t.Errorf("lifecycle recorded %q, want %q", life, want)
	}
	var shown []string
	for _, e := range slices.Backward(events) { // the log is newest first; the file, oldest
		shown = append(shown, e.Level.String()+" "+e.Line())
	}
	if len(shown) < 4 || !sameSet(heard, shown) {
		t.Errorf("events recorded:\n%q\nthe event log showed:\n%q", heard, shown)
	}
}

// sameSet reports whether a and b hold the same lines, each as often.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// The overview and a watch screen both see a participant join and
// leave: the recording says each once, and the meeting's end once.
func TestEveryScreenOfAMeetingSaysEachChangeOnce(t *testing.T) {
	file := filepath.Join(t.TempDir(), "call.jsonl")
	cfg, stop, err := StartRecording(Config{Source: &fakeSource{}, MeetingID: "85012345678", Record: file})
	if err != nil {
		t.Fatal(err)
	}
	alice := model.Participant{UserID: "16778241", UserName: "Alice Chen"}
	overview, watch := cfg.listen("85012345678"), cfg.listen("85012345678")
	for _, l := range []feed.Listener{overview, watch} {
		l.Changed(alice, model.LifeJoined)
	}
	for _, l := range []feed.Listener{overview, watch} {
		l.Changed(alice, model.LifeLeft)
		l.Changed(model.Participant{}, model.LifeEnded)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	rec, err := record.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	var life []string
	for _, e := range rec.Timeline {
		life = append(life, e.Key+" "+e.What)
	}
	if want := []string{"16778241 joined", "16778241 left", " ended"}; !slices.Equal(life, want) {
		t.Errorf("recorded %q, want %q", life, want)
	}
}
