package main

import (
	"context"
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

// recordDemo records minutes of the simulator's demo meeting to path, as
// the screens' recorder does, with a marker at the third minute, and
// returns the participants' names.
func recordDemo(t *testing.T, path string, minutes int) []string {
	t.Helper()
	z := simtest.StartAt(t, time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC), sim.Options{Seed: 2})
	client := z.Client(t, func(c *fetch.Config) { c.Now = z.Clock.Now })
	rec, err := record.Create(path, record.Options{MeetingID: sim.DemoMeetingID, Type: model.Live,
		Thresholds: model.DefaultThresholds(), Now: z.Clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	rec.Meeting(model.Meeting{ID: sim.DemoMeetingID, Topic: "Incident bridge"})
	var names []string
	for i := range minutes {
		ps, err := client.MeetingQoS(context.Background(), sim.DemoMeetingID, model.Live)
		if err != nil {
			t.Fatal(err)
		}
		rec.Samples(ps)
		if i == 0 {
			for _, p := range ps {
				names = append(names, p.UserName)
			}
		}
		if i == 3 {
			rec.Marker("user reported choppy audio")
		}
		z.Clock.Add(time.Minute)
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	return names
}

// `qostop report --from FILE` reports on a recording without asking Zoom
// (no credentials in its environment), with the recording's marker on
// the timeline and when trouble was first seen; --redact hides every
// name; a recording cut mid-line is reported and said to be incomplete.
func TestReportFromARecording(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "call.jsonl")
	names := recordDemo(t, file, 8)
	// No credentials and an API nobody serves: asking Zoom would fail.
	noZoom := []string{"ZOOM_ACCOUNT_ID=", "ZOOM_CLIENT_ID=", "ZOOM_CLIENT_SECRET=", "ZOOM_API_URL=http://127.0.0.1:9/v2"}

	runReport(t, bin, noZoom, "--from", file, "--redact", "--out", filepath.Join(dir, "r"))
	md, _ := os.ReadFile(filepath.Join(dir, "r.md"))
	page, _ := os.ReadFile(filepath.Join(dir, "r.html"))
	for _, want := range []string{"marker: user reported choppy audio", "recording call.jsonl", "First seen by qostop: 2026-03-02",
		"| Redacted | yes", "| participant 1 |", "| participant 7 |"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	for _, n := range append(names, "Incident bridge") {
		if n != "" && (strings.Contains(string(md), n) || strings.Contains(string(page), n)) {
			t.Errorf("--redact, yet the report names %q", n)
		}
	}
	if strings.Contains(string(md), "Incomplete") {
		t.Error("a whole recording is called incomplete")
	}

	whole, _ := os.ReadFile(file)
	cut := filepath.Join(dir, "cut.jsonl")
	os.WriteFile(cut, whole[:len(whole)-len(whole)/5], 0o600)
	runReport(t, bin, noZoom, "--from", cut, "--out", filepath.Join(dir, "cut"))
	if md, _ := os.ReadFile(filepath.Join(dir, "cut.md")); !strings.Contains(string(md), "| Incomplete | the recording was cut") {
		t.Errorf("a cut recording is not said to be incomplete:\n%s", md)
	}
}
