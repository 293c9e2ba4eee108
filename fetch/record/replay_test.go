package record_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/model"
)

// replayStart is when the replaying simulator starts: two days after the
// recording, off the minute, so every time served is moved.
var replayStart = t0.Add(49*time.Hour + 17*time.Second)

// startReplay serves rec through a simulator on a fake clock at
// replayStart, and a client on the same clock.
func startReplay(t *testing.T, rec model.Recording) (*simtest.Rig, *fetch.Client) {
	t.Helper()
	rig := simtest.StartAt(t, replayStart, sim.Options{Replay: &rec})
	return rig, rig.Client(t, func(c *fetch.Config) { c.Now = rig.Clock.Now })
}

// firstSample is the earliest sample of the recording.
func firstSample(rec model.Recording) (first, last time.Time) {
	for _, p := range rec.Participants {
		for _, s := range p.Samples {
			if first.IsZero() || s.Time.Before(first) {
				first = s.Time
			}
			if s.Time.After(last) {
				last = s.Time
			}
		}
	}
	return first, last
}

// A recording of the simulator, replayed by another simulator two days
// later, gives a client over loopback the same participants and the same
// samples, reading for reading, each moved by one offset: the first
// sample at the replay's start. Samples come as the clock reaches them,
// and once the last has come the meeting is over, as a live call ends.
func TestReplayServesTheRecordedSamples(t *testing.T) {
	path := filepath.Join(t.TempDir(), "call.jsonl")
	recordMinutes(t, startZoom(t, sim.Options{Seed: 3}), path, 10, false)
	rec, err := record.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	rig, client := startReplay(t, rec)
	first, last := firstSample(rec)
	offset := sim.ReplayOffset(first, time.Minute, replayStart)
	if m := first.Add(offset); m.After(replayStart) || m.Second() != 0 || replayStart.Sub(m) >= time.Minute {
		t.Fatalf("the first sample is moved to %v: want the minute the replay starts in, %v", m, replayStart)
	}
	ctx := context.Background()

	alice, err := client.ParticipantQoS(ctx, sim.DemoMeetingID, sim.DemoParticipantID, model.Live)
	if err != nil {
		t.Fatal(err)
	}
	if len(alice.Samples) != 1 || !alice.Samples[0].Time.Equal(first.Add(offset)) {
		t.Fatalf("at the start the replay serves %d samples, want the first alone at %v", len(alice.Samples), first.Add(offset))
	}

	rig.Clock.Set(last.Add(offset)) // the last sample's moment: all of it, still live
	got, err := client.MeetingQoS(ctx, sim.DemoMeetingID, model.Live)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(rec.Participants) {
		t.Fatalf("the replay has %d participants, the recording %d", len(got), len(rec.Participants))
	}
	byKey := map[string]model.Participant{}
	for _, p := range got {
		byKey[p.UserID] = p
	}
	served := 0
	for _, want := range rec.Participants {
		p, ok := byKey[want.UserID]
		if !ok {
			t.Errorf("%s (%s) is not served", want.UserName, want.UserID)
			continue
		}
		if p.UserName != want.UserName || p.Location != want.Location || p.Unparsed != 0 {
			t.Errorf("served as %q in %q with %d unparsed readings, recorded as %q in %q", p.UserName, p.Location, p.Unparsed, want.UserName, want.Location)
		}
		tail := want.Samples[max(len(want.Samples)-30, 0):] // a live answer's newest 30, as Zoom's
		if len(p.Samples) != len(tail) {
			t.Errorf("%s: %d samples served, want %d", want.UserName, len(p.Samples), len(tail))
			continue
		}
		for i, s := range tail {
			s.Time = s.Time.Add(offset)
			if !p.Samples[i].Equal(s) {
				t.Errorf("%s sample %d: served %+v, recorded (moved) %+v", want.UserName, i, p.Samples[i], s)
			}
			served++
		}
	}
	if served < 100 {
		t.Errorf("only %d samples compared", served)
	}

	rig.Clock.Set(last.Add(offset).Add(2 * time.Minute))
	if _, err := client.MeetingQoS(ctx, sim.DemoMeetingID, model.Live); !errors.As(err, new(*fetch.APIError)) {
		t.Errorf("after its last sample the replayed meeting is still live: %v", err)
	}
	past, err := client.Meetings(ctx, model.Past, replayStart.Add(-48*time.Hour), replayStart.Add(24*time.Hour))
	if err != nil || len(past) != 1 || past[0].ID != sim.DemoMeetingID || past[0].Topic != "Incident bridge" {
		t.Errorf("the past meetings are %+v (%v), want the replayed one alone", past, err)
	}
}

// A recording cut mid-line replays what it holds, and the banner and the
// topic say it is incomplete.
func TestReplayOfACutRecordingSaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "call.jsonl")
	recordMinutes(t, startZoom(t, sim.Options{Seed: 3}), path, 4, false)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cut := bytes.LastIndexByte(data[:len(data)-1], '\n') + 40 // inside the last line
	if err := os.WriteFile(path, data[:cut], 0o600); err != nil {
		t.Fatal(err)
	}
	rec, err := record.Load(path)
	if err != nil || !rec.Incomplete {
		t.Fatalf("the cut file loads with %v, incomplete %v", err, rec.Incomplete)
	}
	rig, client := startReplay(t, rec)
	var banner strings.Builder
	rig.Sim.Banner(&banner, rig.URL)
	if !strings.Contains(banner.String(), "The recording is incomplete") || !strings.Contains(banner.String(), sim.DemoMeetingID) {
		t.Errorf("the banner does not say the recording is incomplete:\n%s", banner.String())
	}
	live, err := client.LiveMeetings(context.Background(), replayStart, replayStart)
	if err != nil || len(live) != 1 || !strings.HasSuffix(live[0].Topic, "(recording incomplete)") {
		t.Errorf("the live meetings are %+v (%v), want the replay, its topic saying it is incomplete", live, err)
	}
}
