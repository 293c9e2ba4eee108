package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/model"
)

// The flight recorder sits between the screens and their Source: every
// answer the screens fetch is recorded as it passes, so it costs no
// request and records exactly what was shown. The markers the user drops
// (M) reach it through mark. (The screens' lifecycle and events reach it
// once the feed gives them one place.)

// RecordOff is Config.Record's value that records nothing.
const RecordOff = "off"

// recordingSource is a Source that records each meeting's answers.
type recordingSource struct {
	Source
	cfg  Config
	mu   sync.Mutex
	recs map[string]*record.Recorder // by meeting ID
	open func(meetingID string) (*record.Recorder, error)
	err  error // the first failure to start a recording
}

// StartRecording wraps cfg.Source in the flight recorder that
// cfg.Record asks for: a new file (for cfg.MeetingID, which Validate
// requires with a file), the ring of recordings in the state directory (""), or nothing
// (RecordOff). stop closes the recordings and says why one stopped early.
func StartRecording(cfg Config) (out Config, stop func() error, err error) {
	cfg = cfg.withDefaults()
	nothing := func() error { return nil }
	if cfg.Record == RecordOff || cfg.Source == nil {
		return cfg, nothing, nil
	}
	opts := func(id string) record.Options {
		return record.Options{MeetingID: id, Type: cfg.Type, Redact: cfg.Redact, Thresholds: cfg.Thresholds, Now: cfg.Now}
	}
	s := &recordingSource{Source: cfg.Source, cfg: cfg, recs: map[string]*record.Recorder{}}
	if cfg.Record != "" {
		rec, err := record.Create(cfg.Record, opts(cfg.MeetingID))
		if err != nil {
			return cfg, nothing, err
		}
		s.recs[cfg.MeetingID] = rec
		s.open = func(string) (*record.Recorder, error) { return nil, nil } // other meetings are not recorded
	} else {
		state, err := fetch.StateDir()
		if err != nil {
			return cfg, nothing, err
		}
		dir := filepath.Join(state, "recordings")
		s.open = func(id string) (*record.Recorder, error) {
			return record.OpenRing(record.RingOptions{Dir: dir}, opts(id))
		}
	}
	cfg.Source = s
	return cfg, s.stop, nil
}

// recorder is the meeting's recorder, started on its first answer; nil
// when it is not recorded or could not be.
func (s *recordingSource) recorder(meetingID string) *record.Recorder {
	s.mu.Lock()
	defer s.mu.Unlock()
	if rec, ok := s.recs[meetingID]; ok {
		return rec
	}
	rec, err := s.open(meetingID)
	if err != nil && s.err == nil {
		s.err = fmt.Errorf("meeting %s was not recorded: %w", model.Sanitize(meetingID), err)
	}
	s.recs[meetingID] = rec // nil too: one failure, not one a poll
	return rec
}

func (s *recordingSource) MeetingQoS(ctx context.Context, meetingID string, typ model.MeetingType) ([]model.Participant, error) {
	ps, err := s.Source.MeetingQoS(ctx, meetingID, typ)
	if rec := s.recorder(meetingID); rec != nil && len(ps) > 0 {
		rec.Samples(ps) // a page-capped answer too: what was fetched was shown
	}
	return ps, err
}

func (s *recordingSource) ParticipantQoS(ctx context.Context, meetingID, participantID string, typ model.MeetingType) (model.Participant, error) {
	p, err := s.Source.ParticipantQoS(ctx, meetingID, participantID, typ)
	if rec := s.recorder(meetingID); rec != nil && err == nil {
		rec.Samples([]model.Participant{p})
	}
	return p, err
}

func (s *recordingSource) Meeting(ctx context.Context, meetingID string, typ model.MeetingType) (model.Meeting, error) {
	m, err := s.Source.Meeting(ctx, meetingID, typ)
	if rec := s.recorder(meetingID); rec != nil && err == nil {
		rec.Meeting(m)
	}
	return m, err
}

// mark records a marker the user dropped on the meeting (M): the
// meeting's recording starts here if no answer started it yet.
func (s *recordingSource) mark(meetingID, note string) {
	if rec := s.recorder(meetingID); rec != nil {
		rec.Marker(note)
	}
}

// stop closes every recording and returns why one failed, if one did.
func (s *recordingSource) stop() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	errs := []error{s.err}
	for _, rec := range s.recs {
		if rec != nil {
			errs = append(errs, rec.Err(), rec.Close())
		}
	}
	return errors.Join(errs...)
}
