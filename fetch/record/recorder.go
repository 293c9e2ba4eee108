package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/qostop/qostop/model"
)

// Listener is what a screen tells a recorder, one call per thing it
// learned. It is narrow on purpose: the screens (and a replay) hold one
// and need not know whether it writes a file, a ring or nothing.
type Listener interface {
	// Meeting is the meeting's details, once known.
	Meeting(m model.Meeting)
	// Samples is the participants as one answer described them; only
	// what is new since the last call is written.
	Samples(ps []model.Participant)
	// Lifecycle is a participant joining, leaving, or gone from Zoom's
	// answer (model.LifeJoined…), or, for the zero Participant, the
	// meeting ending (model.LifeEnded).
	Lifecycle(p model.Participant, what string)
	// Event is a line of the event log about p (the zero Participant for
	// the meeting as a whole); text must not contain p's name, which is
	// recorded beside it (and redacted with it).
	Event(p model.Participant, level model.Level, text string)
	// Thresholds is the thresholds in force from now on.
	Thresholds(t model.Thresholds)
	// Marker is a note the user dropped.
	Marker(note string)
}

// A Recorder is what the screens hold as their Listener.
var _ Listener = (*Recorder)(nil)

// Options configure a Recorder.
type Options struct {
	MeetingID string
	Type      model.MeetingType
	// Redact writes participants as model.Redact leaves them, and their
	// names in events redacted: for --redact.
	Redact bool
	// Thresholds are those in force at the start, written after the header.
	Thresholds model.Thresholds
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// sink is where records go: one file, or the ring that rotates files.
type sink interface {
	// write appends one line; start is the header and the records a new
	// file must begin with when the sink starts one.
	write(line []byte, start func() [][]byte) error
	Close() error
}

// Recorder writes a recording. It is safe for concurrent use; after the
// first write error it writes nothing more and Err says why, so a full
// disk stops the recording, not the screens.
type Recorder struct {
	mu      sync.Mutex
	o       Options
	out     sink
	written map[string]*writtenState // by model.MemberKey
	th      []byte                   // the thresholds record in force, repeated at each new file
	meeting []byte
	err     error
}

// writtenState is what the file already holds of one participant.
type writtenState struct {
	identity []byte                     // the SnapshotParticipant JSON last written
	samples  map[time.Time]model.Sample // the recent samples written, to write only changes
	newest   time.Time
}

// recentKept bounds writtenState.samples: Zoom repeats the minutes it
// sent before, and a revision older than this many minutes is not worth
// remembering every sample for.
const recentKept = 15

// newRecorder starts a recording on out: its header and thresholds are
// written at once, so even a recording stopped at once is a valid file.
func newRecorder(o Options, out sink) (*Recorder, error) {
	if o.Now == nil {
		o.Now = time.Now
	}
	r := &Recorder{o: o, out: out, written: map[string]*writtenState{}}
	r.Thresholds(o.Thresholds)
	return r, r.Err()
}

// Err is the error that stopped the recording, or nil.
func (r *Recorder) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

// Close closes the file.
func (r *Recorder) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.out.Close()
}

func (r *Recorder) at() string { return model.RecordTime(r.o.Now()) }

// start is what every file of the recording begins with.
func (r *Recorder) start() [][]byte {
	h, _ := json.Marshal(model.Record{Kind: model.RecHeader, At: r.at(), Version: model.RecordingVersion,
		MeetingID: model.Clean(r.o.MeetingID), Type: r.o.Type, Redacted: r.o.Redact})
	lines := [][]byte{h}
	for _, b := range [][]byte{r.meeting, r.th} {
		if b != nil {
			lines = append(lines, b)
		}
	}
	// A new file knows no one: everyone is written again in full.
	r.written = map[string]*writtenState{}
	return lines
}

// emit writes one record, unless the recording has stopped.
func (r *Recorder) emit(rec model.Record) []byte {
	if r.err != nil {
		return nil
	}
	b, err := json.Marshal(rec)
	if err == nil {
		err = r.out.write(b, r.start)
	}
	if err != nil {
		r.err = fmt.Errorf("the recording stopped: %w", err)
	}
	return b
}

func (r *Recorder) Meeting(m model.Meeting) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.o.Redact {
		m = model.RedactMeeting(m)
	}
	rec := model.Record{Kind: model.RecMeeting, At: r.at(), Topic: model.Clean(m.Topic), Host: model.Clean(m.Host)}
	if r.o.Redact && m.Topic != "" {
		rec.Topic = model.Redacted // a topic often names a customer or an incident
	}
	if !m.StartTime.IsZero() {
		rec.StartTime = model.RecordTime(m.StartTime)
	}
	r.meeting = r.emit(rec)
}

func (r *Recorder) Thresholds(t model.Thresholds) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.th = r.emit(model.Record{Kind: model.RecThresholds, At: r.at(), Thresholds: model.ThresholdsRecord(t)})
}

func (r *Recorder) Marker(note string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.emit(model.Record{Kind: model.RecMarker, At: r.at(), Text: model.Clean(note)})
}

func (r *Recorder) Lifecycle(p model.Participant, what string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rec := model.Record{Kind: model.RecLifecycle, At: r.at(), What: what}
	if p.UserID != "" || p.ID != "" { // else the meeting's: it ended
		rec.Key, rec.Name = model.Clean(model.MemberKey(p)), r.name(p)
	}
	r.emit(rec)
}

func (r *Recorder) Event(p model.Participant, level model.Level, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rec := model.Record{Kind: model.RecEvent, At: r.at(), What: level.String(), Text: model.Clean(text)}
	if p.UserID != "" || p.ID != "" {
		rec.Key, rec.Name = model.Clean(model.MemberKey(p)), r.name(p)
	}
	r.emit(rec)
}

func (r *Recorder) name(p model.Participant) string {
	if r.o.Redact {
		p = model.Redact(p)
	}
	return model.Clean(p.UserName)
}

// Samples writes, per participant, their identity when it changed and
// the samples that are new or revised since the last write.
func (r *Recorder) Samples(ps []model.Participant) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, p := range ps {
		key := model.MemberKey(p)
		if r.o.Redact {
			p = model.Redact(p)
		}
		w := r.written[key]
		fresh := p.Samples
		if w != nil {
			fresh = w.unwritten(p.Samples)
		}
		snap := model.NewSnapshot(r.o.MeetingID, r.o.Type, withSamples(p, fresh))
		id, _ := json.Marshal(snap.Participant)
		if w != nil && len(fresh) == 0 && bytes.Equal(id, w.identity) {
			continue
		}
		r.emit(model.Record{Kind: model.RecSamples, At: r.at(), Participant: &snap.Participant, Samples: snap.Samples})
		if r.err != nil {
			return
		}
		// Looked up again: emit may have started a new file, which forgets everyone.
		w = r.written[key]
		if w == nil {
			w = &writtenState{samples: map[time.Time]model.Sample{}}
			r.written[key] = w
		}
		w.remember(id, fresh)
	}
}

func withSamples(p model.Participant, s []model.Sample) model.Participant {
	p.Samples = s
	return p
}

// unwritten are the samples of ss the file lacks: newer than the newest
// written, late ones within recentKept of it, and revised ones.
func (w *writtenState) unwritten(ss []model.Sample) []model.Sample {
	var out []model.Sample
	for _, s := range ss {
		old, seen := w.samples[s.Time]
		switch {
		case seen && !old.Equal(s):
			out = append(out, s)
		case !seen && s.Time.After(w.newest.Add(-recentKept*time.Minute)):
			out = append(out, s)
		}
	}
	return out
}

func (w *writtenState) remember(id []byte, fresh []model.Sample) {
	w.identity = id
	for _, s := range fresh {
		w.samples[s.Time] = s
		if s.Time.After(w.newest) {
			w.newest = s.Time
		}
	}
	for t := range w.samples {
		if w.newest.Sub(t) > recentKept*time.Minute {
			delete(w.samples, t)
		}
	}
}

// fileSink writes to one file and stops at a size cap.
type fileSink struct {
	f       io.WriteCloser
	size    int64
	max     int64
	started bool
}

// ErrFull is the error of a recording that reached its size cap.
var ErrFull = errors.New("the recording reached its size cap")

func (s *fileSink) write(line []byte, start func() [][]byte) error {
	lines := [][]byte{line}
	if !s.started {
		lines = append(start(), line)
		s.started = true
	}
	var buf bytes.Buffer
	for _, l := range lines {
		buf.Write(l)
		buf.WriteByte('\n')
	}
	if s.size+int64(buf.Len()) > s.max {
		return fmt.Errorf("%w of %d bytes", ErrFull, s.max)
	}
	n, err := s.f.Write(buf.Bytes())
	s.size += int64(n)
	return err
}

func (s *fileSink) Close() error { return s.f.Close() }
