package model

import "time"

// Meeting is one row of the Dashboard's meeting or webinar list.
type Meeting struct {
	Kind           Kind // KindMeeting or KindWebinar
	UUID           string
	ID             string // numeric meeting ID as text; Zoom sends a number
	Topic          string
	Host           string
	Email          string
	StartTime      time.Time
	Duration       string // as Zoom formats it, e.g. "01:02:03"
	Participants   int
	HasVideo       bool
	HasScreenShare bool
}

// MeetingType selects live or ended meetings on every Dashboard call.
type MeetingType string

// The two meeting types qostop asks for.
const (
	Live MeetingType = "live"
	Past MeetingType = "past"
)

// Ref is how the meeting is asked for again: by its UUID when Zoom gave
// one (a numeric ID is reused by recurring meetings), else its ID.
func (m Meeting) Ref() Ref {
	kind := m.Kind
	if kind == "" {
		kind = KindMeeting
	}
	if m.UUID != "" {
		return Ref{Kind: kind, ID: m.UUID}
	}
	return Ref{Kind: kind, ID: m.ID}
}
