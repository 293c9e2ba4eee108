package feed

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// Marked logs each marker once, at its time, whichever feed looks first
// and however often; past maxMarks the oldest fall off the list and the
// newest still reach the log.
func TestMarkedLogsEachMarkerOnce(t *testing.T) {
	at := time.Date(2026, 11, 25, 14, 32, 5, 0, time.UTC)
	var marks Marks
	f := &Feed{events: newLog(), marks: &marks}
	marks.Add(model.Marker{At: at, Note: "user reported audio cutting out"})
	f.Marked()
	f.Marked()
	if ev := f.Events().Events(); len(ev) != 1 || ev[0].Text != "marker: user reported audio cutting out" || !ev[0].At.Equal(at) {
		t.Fatalf("the log after one marker, looked at twice: %+v", ev)
	}
	v := f.Version()
	for i := range maxMarks {
		marks.Add(model.Marker{At: at.Add(time.Duration(i+1) * time.Second), Note: "n"})
	}
	f.Marked()
	if n := len(marks.All()); n != maxMarks {
		t.Errorf("%d markers kept, want %d", n, maxMarks)
	}
	ev := f.Events().Events()
	if f.Version() == v || !strings.HasPrefix(ev[0].Text, "marker: ") || !ev[0].At.Equal(at.Add(maxMarks*time.Second)) {
		t.Errorf("the newest marker past the cap is not logged first (version %d -> %d): %+v", v, f.Version(), ev[0])
	}
}
