package ui

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"sync"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/feed"
)

// The flight recorder sits between the screens and their Source: every
// answer the screens fetch is recorded as it passes, so it costs no
// request and records exactly what was shown. What the screens make of
// the answers, the event log's lines and the calls' lifecycle, reaches it
// through a feed.Listener per meeting (screenLog), which the feeds and
// the overview tell; the markers the user drops (M), through mark.

// RecordOff is Config.Record's value that records nothing.
const RecordOff = "off"

// recordingSource is a Source that records each meeting's answers.
type recordingSource struct {
	Source
	cfg  Config
	mu   sync.Mutex
	recs map[string]*record.Recorder // by meeting ID
	logs map[string]*screenLog       // by meeting ID: one for all its screens, so each thing is said once
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
	s := &recordingSource{Source: cfg.Source, cfg: cfg, recs: map[string]*record.Recorder{}, logs: map[string]*screenLog{}}
	if cfg.Record != "" {
		rec, err := record.Create(cfg.Record, opts(cfg.MeetingID))
		if err != nil {
			return cfg, nothing, err
		}
		s.recs[cfg.MeetingID] = rec
		s.started(cfg.MeetingID, rec)
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
	cfg.listen = s.screenLog
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
	if rec != nil {
		s.started(meetingID, rec)
	}
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

// screenLog tells a meeting's recorder what one screen made of the
// answers: each event-log line once (a feed opened again judges the
// same samples again), and each change in a participant's call once
// (the overview and a watch screen both see a leave).
type screenLog struct {
	src       *recordingSource
	meetingID string
	mu        sync.Mutex
	last      map[string]string // the last change said, by MemberKey ("" for the meeting)
	heard     map[string]bool   // the lines said: key, time and text
}

// heardMax bounds screenLog.heard: past it, it starts again, and a feed
// opened again after that may record its lines twice.
const heardMax = 10000

func (l *screenLog) Heard(p model.Participant, e feed.Event) {
	id := model.MemberKey(p) + "\x00" + e.At.String() + "\x00" + e.Line()
	l.mu.Lock()
	seen := l.heard[id]
	if len(l.heard) >= heardMax {
		clear(l.heard)
	}
	l.heard[id] = true
	l.mu.Unlock()
	if rec := l.src.recorder(l.meetingID); rec != nil && !seen {
		rec.Event(p, e.Level, e.Line())
	}
}

func (l *screenLog) Changed(p model.Participant, what string) {
	key := ""
	if what != model.LifeEnded {
		key = model.MemberKey(p)
	}
	l.mu.Lock()
	said := l.last[key] == what
	l.last[key] = what
	l.mu.Unlock()
	if rec := l.src.recorder(l.meetingID); rec != nil && !said {
		if what == model.LifeEnded {
			p = model.Participant{} // the meeting's, nobody's
		}
		rec.Lifecycle(p, what)
	}
}

// rosterChanged tells l who joined and who left between two answers of
// the overview (members before and after): everyone present is "joined"
// at the first answer of a live meeting, as a watch screen's feed says.
func rosterChanged(l feed.Listener, before, after map[string]model.Member, typ model.MeetingType) {
	if l == nil || typ != model.Live {
		return
	}
	for _, k := range slices.Sorted(maps.Keys(after)) { // the file in one order
		mb, old := after[k], before[k]
		_, had := before[k]
		switch {
		case mb.Left() && (!had || !old.Left()):
			l.Changed(mb.P, model.LifeLeft)
		case !had && !mb.Left():
			l.Changed(mb.P, model.LifeJoined)
		}
	}
}

// meetingEnded reports whether err is Zoom saying a live meeting is over
// (404, code 3001).
func meetingEnded(err error) bool {
	var ae *fetch.APIError
	return errors.As(err, &ae) && ae.Kind == fetch.NotFound && ae.Code == 3001
}

// started writes the topic the screens show from the start (a link or
// the list that led here named it), when rec is of that meeting: the
// screens ask Zoom for it only when they do not know it.
func (s *recordingSource) started(meetingID string, rec *record.Recorder) {
	if meetingID == s.cfg.MeetingID && s.cfg.Topic != "" {
		rec.Meeting(model.Meeting{ID: meetingID, Topic: s.cfg.Topic})
	}
}

// screenLog is the meeting's one screenLog, made on first use.
func (s *recordingSource) screenLog(meetingID string) feed.Listener {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.logs[meetingID]
	if l == nil {
		l = &screenLog{src: s, meetingID: meetingID, last: map[string]string{}, heard: map[string]bool{}}
		s.logs[meetingID] = l
	}
	return l
}
