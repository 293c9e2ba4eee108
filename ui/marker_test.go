package ui

import (
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

// markerNote is what the tests type after M.
const markerNote = "user reported audio cutting out"

// markerHarness watches the simulator's Alice over loopback on the fake
// clock, recording to a new file, which it returns with the function
// that stops the recording.
func markerHarness(t *testing.T) (h *harness, file string, stop func() error) {
	t.Helper()
	clock := newTestClock(watchT0.Add(39*time.Minute + 38*time.Second))
	zoom := simtest.Start(t, sim.Options{Seed: 3, Now: clock.Now})
	client := zoom.Client(t, func(c *fetch.Config) { c.Timeout, c.Now = 10*time.Second, clock.Now })
	file = filepath.Join(t.TempDir(), "call.jsonl")
	h = newHarness(t, nil, 120, 40, func(c *Config) {
		c.Source, c.Now, c.Record = client, clock.Now, file
		c.MeetingID, c.ParticipantID = sim.DemoMeetingID, sim.DemoParticipantID
		out, s, err := StartRecording(*c)
		if err != nil {
			t.Fatalf("StartRecording: %v", err)
		}
		*c, stop = out, s
	})
	h.clock = clock
	h.settle(runCmd(h.a.Init()))
	return h, file, stop
}

// mark presses M, types note, presses enter and delivers the marker the
// command stamped; it returns the screen as the user then sees it.
func (h *harness) mark(note string) string {
	h.t.Helper()
	h.press("M")
	if h.a.prompt == nil || !strings.Contains(h.a.View().Content, "marker note:") {
		h.t.Fatalf("M opened no prompt for the note:\n%s", h.a.View().Content)
	}
	for _, r := range note {
		h.send(keyMsg(string(r)))
	}
	for _, msg := range h.press("enter") {
		if _, ok := msg.(markedMsg); ok {
			h.send(msg)
		}
	}
	return h.a.View().Content
}

// TestMarkerShowsOnEveryViewAndIsRecorded drops a marker with a note on
// the watch screen of a call served by the simulator and finds it where a
// user looks: the time axis under the panes, the event log box, the
// chart screen's axis and its cursor's readout, the event log screen,
// and the recording, which is what `report --from` reads.
func TestMarkerShowsOnEveryViewAndIsRecorded(t *testing.T) {
	h, file, stop := markerHarness(t)
	at := h.clock.Now().Format(time.TimeOnly)
	screen := h.mark(markerNote)

	if !strings.Contains(screen, "marker at "+at+": "+markerNote) {
		t.Errorf("no word of the marker where the help line was:\n%s", screen)
	}
	lines := strings.Split(screen, "\n")
	axis := lineWith(lines, "window ")
	if !strings.Contains(axis, "◆") {
		t.Errorf("the time axis shows no marker: %q", axis)
	}
	if !strings.Contains(screen, "marker: "+markerNote) {
		t.Errorf("the event log box has no marker line:\n%s", screen)
	}

	h.press("enter") // the audio charts
	charts := h.a.View().Content
	if !strings.Contains(charts, "◆") || !strings.Contains(charts, "╎") {
		t.Errorf("the chart screen shows no marker on its axis and graph:\n%s", charts)
	}
	h.press("c") // the cursor, on the newest sample: the marker is drawn there
	if charts = h.a.View().Content; !strings.Contains(charts, "◆ "+markerNote) {
		t.Errorf("the cursor's readout does not name the marker:\n%s", charts)
	}
	h.press("esc", "esc", "l")
	if log := h.a.View().Content; !strings.Contains(log, "marker: "+markerNote) {
		t.Errorf("the event log screen has no marker line:\n%s", log)
	}

	if err := stop(); err != nil {
		t.Fatalf("stopping the recording: %v", err)
	}
	if b, err := os.ReadFile(file); err != nil || strings.Count(string(b), markerNote) != 1 {
		// Once: as a marker, not again as a line of the event log that the
		// recorder hears.
		t.Errorf("the note is in %d lines of the recording (%v), want 1", strings.Count(string(b), markerNote), err)
	}
	rec, err := record.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range rec.Timeline {
		if e.Kind == model.RecMarker {
			got = append(got, e.At.Format(time.TimeOnly)+" "+e.Text)
		}
	}
	if want := at + " " + markerNote; len(got) != 1 || got[0] != want {
		t.Errorf("the recording's markers are %q, want [%q]", got, want)
	}
}

// TestMarkerWithoutNoteAndEsc: enter alone drops the default note; esc
// drops nothing. And a marker on the overview shows on the watch screen
// opened after it, whose feed did not exist when it was dropped.
func TestMarkerWithoutNoteAndEsc(t *testing.T) {
	h, _, _ := markerHarness(t)
	h.press("M", "x", "esc")
	if n := len(h.a.c.marksOf(sim.DemoMeetingID).All()); n != 0 || h.a.prompt != nil {
		t.Fatalf("esc left %d markers and the prompt open (%v)", n, h.a.prompt != nil)
	}
	h.press("esc") // the overview
	if h.a.top().name() != "overview" {
		t.Fatalf("esc led to %s", h.a.top().name())
	}
	h.settle(runCmd(h.a.top().chain().First()))
	h.mark("")
	h.press("enter")
	if h.a.top().name() != "watch" {
		t.Fatalf("enter opened %s", h.a.top().name())
	}
	if screen := h.a.View().Content; !strings.Contains(screen, "marker: "+model.DefaultMarkerNote) {
		t.Errorf("the watch screen opened after the marker has no line of it:\n%s", screen)
	}
}

func lineWith(lines []string, s string) string {
	for _, l := range lines {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// A note is typed up to model.MaxMarkerNote characters; at 80 columns
// the prompt shows the end being typed, with the caret, within the line.
func TestMarkerNoteLongerThanTheLine(t *testing.T) {
	h, _, _ := markerHarness(t)
	h.resize(80, 24)
	h.press("M")
	for i := range model.MaxMarkerNote + 10 {
		h.send(keyMsg(string(rune('a' + i%26))))
	}
	lines := strings.Split(h.a.View().Content, "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "marker note: …") || !strings.Contains(last, "█") || len([]rune(last)) > 80 {
		t.Errorf("the prompt at 80 columns: %q", last)
	}
	if n := len([]rune(h.a.prompt.text)); n != model.MaxMarkerNote {
		t.Errorf("%d characters typed into the note, want at most %d", n, model.MaxMarkerNote)
	}
}
