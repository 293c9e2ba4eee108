package ui

import (
	"context"
	"errors"

	"github.com/qostop/qostop/model"
)

// participantFinder resolves a participant by user_id, name or email
// (*fetch.Client: one roster request for a name).
type participantFinder interface {
	FindParticipant(ctx context.Context, meetingID, who string, typ model.MeetingType) (model.Participant, error)
}

// ReadArgs reads the first n of a command's MEETING PARTICIPANT into c:
// the meeting locally, as a model.Ref's Key (a webinar with webinar, or
// when a /w/ link says so), which sends nothing; then a participant's
// name or email through src, at the cost of one roster request.
func ReadArgs(ctx context.Context, src participantFinder, pos []string, n int, webinar bool, c *Config) (err error) {
	if n > 0 {
		kind := model.KindMeeting
		if webinar {
			kind = model.KindWebinar
		}
		ref, e := model.ParseRef(pos[0], kind)
		c.MeetingID, err = ref.Key(), e
	}
	if n > 1 && err == nil {
		p, e := src.FindParticipant(ctx, c.MeetingID, pos[1], c.Type)
		c.ParticipantID, err = p.UserID, e
	}
	return err
}

// Mistyped reports whether err is ReadArgs' word on what the user typed
// (not a meeting, nobody or several people of that name): a usage error.
func Mistyped(err error) bool {
	return errors.As(err, new(*model.RefError)) || errors.As(err, new(*model.NoParticipantError)) ||
		errors.As(err, new(*model.AmbiguousParticipantError))
}
