package model

import (
	"strings"
	"time"
)

// A marker is a note the user drops on a call (key M, "user reported
// audio cutting out"): it lines the user's report up with the samples,
// on every chart, in the event log, in the recording and in the report.

// Marker is one note at one time.
type Marker struct {
	At   time.Time
	Note string
}

// MaxMarkerNote is the longest note kept, in characters: one event-log
// line, a chart's readout. A longer one is cut, with an ellipsis.
const MaxMarkerNote = 80

// DefaultMarkerNote is the note of a marker dropped without one.
const DefaultMarkerNote = "marked"

// MarkerNote is what the user typed made fit to show and record: what a
// terminal would act on removed (Sanitize), runs of spaces made one, at
// most MaxMarkerNote characters, and DefaultMarkerNote when nothing is
// left. It is typed, so trusted a little more than Zoom's text, but it
// is pasted too, and a recording carries it to other machines.
func MarkerNote(typed string) string {
	s := strings.Join(strings.Fields(Sanitize(typed)), " ")
	if r := []rune(s); len(r) > MaxMarkerNote {
		s = strings.TrimSpace(string(r[:MaxMarkerNote-1])) + "…"
	}
	if s == "" {
		return DefaultMarkerNote
	}
	return s
}
