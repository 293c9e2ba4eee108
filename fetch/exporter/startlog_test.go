package exporter_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/exporter"
	"github.com/qostop/qostop/fetch/sim"
)

// logLine is the first JSON log line with message msg, or nil.
func logLine(t *testing.T, logs, msg string) map[string]any {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(logs), "\n") {
		var l map[string]any
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if l["msg"] == msg {
			return l
		}
	}
	return nil
}

// The log says what the exporter knows when it knows it: at the start,
// that it is listing the live meetings (it logged "meetings=0", then
// polled three), then how many it found; with --meetings, which.
func TestExporterLogSaysWhatItKnows(t *testing.T) {
	z := frozenZoom(t, sim.Options{Seed: 4})
	r := startExporter(t, exporter.Options{Config: z.Config(), Budget: budget(t, 1000, nil)})
	deadline := time.Now().Add(20 * time.Second)
	for logLine(t, r.logs.String(), "live meetings listed") == nil && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	logs := r.logs.String()
	if l := logLine(t, logs, "exporter listening"); l == nil || l["meetings"] != "all live (listing them)" {
		t.Errorf("the start line says meetings=%v, want that it is listing them:\n%s", l["meetings"], logs)
	}
	if l := logLine(t, logs, "live meetings listed"); l == nil || l["meetings"] != 3.0 || l["new"] != 3.0 {
		t.Errorf("no line says the list found 3 live meetings:\n%s", logs)
	}

	only := startExporter(t, exporter.Options{Config: z.Config(), Budget: budget(t, 1000, nil),
		Meetings: []string{sim.DemoMeetingID, sim.ReviewMeetingID}})
	want := sim.DemoMeetingID + "," + sim.ReviewMeetingID
	if l := logLine(t, only.logs.String(), "exporter listening"); l == nil || l["meetings"] != want {
		t.Errorf("with --meetings the start line says meetings=%v, want %s", l["meetings"], want)
	}
}
