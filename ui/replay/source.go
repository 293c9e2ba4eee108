package replay

import (
	"context"
	"fmt"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// Source answers the screens from a recording, as Zoom had answered
// qostop by the clock's time (model.Recording.At): who was there, named
// as then, with the samples seen by then. After the recorded end of the
// meeting it answers as Zoom did then: no such live meeting. It asks
// nothing of the network.
type Source struct {
	rec   model.Recording
	now   func() time.Time
	ended time.Time // when the screens saw the meeting end; zero if they did not
}

// NewSource answers from rec at the time now reads.
func NewSource(rec model.Recording, now func() time.Time) *Source {
	s := &Source{rec: rec, now: now}
	for _, e := range rec.Timeline {
		if e.Kind == model.RecLifecycle && e.What == model.LifeEnded {
			s.ended = e.At
			break
		}
	}
	return s
}

// over is Zoom's answer for a live meeting that has ended, as of now.
func (s *Source) over(op string) error {
	if s.ended.IsZero() || s.now().Before(s.ended) || s.rec.Type != model.Live {
		return nil
	}
	return &fetch.APIError{Op: op, Status: 404, Code: 3001, Kind: fetch.NotFound, Type: model.Live,
		Message: "Meeting does not exist: " + model.Sanitize(s.rec.MeetingID) + "."}
}

// MeetingQoS is everyone the recording had seen by now.
func (s *Source) MeetingQoS(_ context.Context, meetingID string, _ model.MeetingType) ([]model.Participant, error) {
	if err := s.over("fetch meeting QoS"); err != nil {
		return nil, err
	}
	return s.rec.At(s.now()), nil
}

// ParticipantQoS is one participant as the recording had them by now.
func (s *Source) ParticipantQoS(_ context.Context, meetingID, participantID string, _ model.MeetingType) (model.Participant, error) {
	op := fmt.Sprintf("fetch participant QoS (participant %s)", model.Sanitize(participantID))
	if err := s.over(op); err != nil {
		return model.Participant{}, err
	}
	for _, p := range s.rec.At(s.now()) {
		if p.UserID == participantID || (p.UserID == "" && p.ID == participantID) {
			return p, nil
		}
	}
	return model.Participant{}, &fetch.APIError{Op: op, Status: 404, Kind: fetch.NotFound, Type: s.rec.Type,
		Message: "the recording holds no answer for this participant by this time"}
}

// meeting is the recorded meeting.
func (s *Source) meeting() model.Meeting {
	m := s.rec.Meeting
	m.ID = s.rec.MeetingID
	return m
}

// LiveMeetings is the recorded meeting: a recording holds one.
func (s *Source) LiveMeetings(context.Context, time.Time, time.Time) ([]model.Meeting, error) {
	return []model.Meeting{s.meeting()}, nil
}

// Meetings is the recorded meeting.
func (s *Source) Meetings(context.Context, model.MeetingType, time.Time, time.Time) ([]model.Meeting, error) {
	return []model.Meeting{s.meeting()}, nil
}

// Meeting is the recorded meeting's details.
func (s *Source) Meeting(context.Context, string, model.MeetingType) (model.Meeting, error) {
	return s.meeting(), nil
}

// Requests is 0: a replay sends none.
func (s *Source) Requests() int64 { return 0 }
