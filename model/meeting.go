package model

import "time"

// Meeting is one row of the Dashboard's meeting list.
type Meeting struct {
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
