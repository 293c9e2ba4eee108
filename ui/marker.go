package ui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/report"
)

// Markers (M): on a screen of one meeting, M opens a one-line prompt for
// a short note ("user reported audio cutting out"; enter alone keeps
// model.DefaultMarkerNote), and enter drops a marker at that moment. The
// meeting keeps its markers in one feed.Marks that every feed of it
// shares: the watch screen's time axis, the chart screen's x axis and
// cursor, and the event log draw them; the flight recorder writes them,
// so the report's timeline has them too.

// marking is a screen of one meeting, where M drops a marker.
type marking interface {
	markMeeting() string
}

// marked is a screen that draws the meeting's markers: told when one
// was dropped.
type marked interface {
	marked()
}

// markRecorder is a Source that records markers: the flight recorder.
type markRecorder interface {
	mark(meetingID, note string)
}

// markedMsg is a marker dropped, stamped and recorded.
type markedMsg struct {
	meetingID string
	mk        model.Marker
}

// marksOf is the markers of a meeting, made on first use.
func (c *common) marksOf(meetingID string) *feed.Marks {
	if c.marks == nil {
		c.marks = map[string]*feed.Marks{}
	}
	m := c.marks[meetingID]
	if m == nil {
		m = &feed.Marks{}
		c.marks[meetingID] = m
	}
	return m
}

// openPrompt opens the line at the bottom: ":" for a command
// (prompt.go), M for a marker's note; false for any other key, or on a
// screen that has every key (a filter being typed).
func (a *app) openPrompt(top screen, msg tea.KeyPressMsg) bool {
	switch {
	case top.captures():
		return false
	case msg.String() == ":":
		a.prompt = &prompt{}
		return true
	case key.Matches(msg, a.keys.Mark):
		return a.markPrompt(top)
	}
	return false
}

// markPrompt opens the note's prompt on a screen of one meeting; false
// on any other screen, where M means nothing.
func (a *app) markPrompt(top screen) bool {
	mk, ok := top.(marking)
	if !ok || mk.markMeeting() == "" {
		return false
	}
	a.prompt = &prompt{marker: mk.markMeeting()}
	return true
}

// markCmd stamps a marker with the clock and has the flight recorder
// write it: both off the Update loop, as every read of the clock and
// every write to a file is.
func (a *app) markCmd(meetingID, typed string) tea.Cmd {
	note, now := model.MarkerNote(typed), a.c.cfg.Now
	rec, _ := a.c.cfg.Source.(markRecorder)
	return func() tea.Msg {
		at := now()
		if rec != nil {
			rec.mark(meetingID, note)
		}
		return markedMsg{meetingID: meetingID, mk: model.Marker{At: at, Note: note}}
	}
}

// takeMarker keeps a dropped marker for its meeting, has every screen
// that draws it draw it, and says where it went.
func (a *app) takeMarker(msg markedMsg) {
	a.c.marksOf(msg.meetingID).Add(msg.mk)
	for _, s := range a.stack {
		if m, ok := s.(marked); ok {
			m.marked()
		}
	}
	a.notice = "marker at " + msg.mk.At.In(a.c.clk.Now.Location()).Format(time.TimeOnly) + ": " + report.Text(msg.mk.Note)
}

func (m *watchModel) markMeeting() string     { return m.t.meetingID }
func (m *watchModel) marked()                 { m.feed.Marked() }
func (s *chartScreen) markMeeting() string    { return s.f.Target().MeetingID }
func (s *eventLogScreen) markMeeting() string { return s.f.Target().MeetingID }
func (m *overviewModel) markMeeting() string  { return m.t.meetingID }
