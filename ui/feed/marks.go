package feed

import "github.com/qostop/qostop/model"

// Marks are one meeting's markers (key M): one list the app keeps per
// meeting and shares with every feed of the meeting, so a marker dropped
// on the overview, the watch screen or a chart shows on all of them, and
// on the screens of whoever is watched next.
type Marks struct {
	list  []model.Marker // in the order dropped, which is time order
	added int            // every marker ever added, those fallen off too
}

// maxMarks bounds a meeting's markers: a marker a minute for a day.
const maxMarks = 1440

// Add keeps mk; the oldest falls off past maxMarks.
func (m *Marks) Add(mk model.Marker) {
	m.list = append(m.list, mk)
	m.added++
	if n := len(m.list); n > maxMarks {
		m.list = append(m.list[:0], m.list[n-maxMarks:]...)
	}
}

// Rewind forgets the markers: a replay went back before some of them,
// and adds again those it has passed. Rewind the feeds too (Feed.Rewind).
func (m *Marks) Rewind() { m.list, m.added = nil, 0 }

// added counts every marker added, for a feed to tell which are new.
func (m *Marks) count() int {
	if m == nil {
		return 0
	}
	return m.added
}

// All are the markers, oldest first. Callers must not change them.
func (m *Marks) All() []model.Marker {
	if m == nil {
		return nil
	}
	return m.list
}

// Markers are the meeting's markers, oldest first: every view of the
// feed draws them.
func (f *Feed) Markers() []model.Marker { return f.marks.All() }

// Marked puts the markers dropped since the feed last looked into its
// event log ("marker: user reported audio cutting out", at the marker's
// time), and counts as a change, so every view draws them.
func (f *Feed) Marked() {
	all, n := f.marks.All(), f.marks.count()
	if f.marked == n {
		return
	}
	for _, mk := range all[max(len(all)-(n-f.marked), 0):] {
		// put, not add: a marker is recorded as a marker (M's command),
		// not again as a line of the log.
		f.events.put(markerEvent(mk))
	}
	f.marked = n
	f.version++
}

// markerEvent is a marker's line in the event log.
func markerEvent(mk model.Marker) Event {
	return Event{At: mk.At, Level: model.Unknown, Text: markerPrefix + mk.Note}
}

// markerPrefix starts a marker's line in the event log.
const markerPrefix = "marker: "
