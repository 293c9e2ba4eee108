package model

import "time"

// Participant is one person (or room system) in a meeting as the Dashboard
// API describes them. Text fields are as Zoom sent them; callers clean them
// with Sanitize before they reach a terminal.
type Participant struct {
	ID          string
	UserID      string
	UserName    string
	Email       string
	Device      string
	Client      string
	OS          string
	Location    string
	NetworkType string
	IPAddress   string
	DataCenter  string
	Version     string
	PCName      string
	MACAddr     string
	JoinTime    time.Time // zero when Zoom did not say
	LeaveTime   time.Time // zero while still in the meeting
	Health      string
	IssueList   []string
	Samples     []Sample // oldest first
	// Unparsed counts metric strings that were present but not understood;
	// they are shown as missing, and this says how many.
	Unparsed int
}

// Left reports whether the participant has left the meeting.
func (p Participant) Left() bool { return !p.LeaveTime.IsZero() }
