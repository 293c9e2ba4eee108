package ui

import (
	"context"
	"time"

	"github.com/qostop/qostop/model"
)

// Source is where the UI gets its data: *fetch.Client in production, which
// the demo points at the in-process simulator. Every call honours ctx.
type Source interface {
	ParticipantQoS(ctx context.Context, meetingID, participantID string, typ model.MeetingType) (model.Participant, error)
	MeetingQoS(ctx context.Context, meetingID string, typ model.MeetingType) ([]model.Participant, error)
	LiveMeetings(ctx context.Context, from, to time.Time) ([]model.Meeting, error)
	// Meetings lists the meetings of one type that started between the
	// dates of from and to (zero: today, UTC): the list of past meetings.
	Meetings(ctx context.Context, typ model.MeetingType, from, to time.Time) ([]model.Meeting, error)
	// Meeting is one meeting's details, for the topic of a meeting opened
	// by its ID.
	Meeting(ctx context.Context, meetingID string, typ model.MeetingType) (model.Meeting, error)
	// Requests is the number of API requests sent so far (token requests
	// not counted), for the status bar.
	Requests() int64
}
