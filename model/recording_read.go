package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// MaxRecordLine is the longest line a reader takes: a meeting's worth of
// one participant's samples is far less, and a line longer than this is
// not something qostop wrote, so it is skipped rather than held in memory.
const MaxRecordLine = 4 << 20

// recordingHistoryCap keeps a week of per-minute samples per participant
// when a recording is loaded.
const recordingHistoryCap = 7 * DefaultHistoryCap

// Recording is a recording as loaded: the meeting, the participants with
// every sample merged by time (a repeated minute replaces the earlier
// one, as History does), and the timeline of lifecycle changes, events
// and markers in file order.
type Recording struct {
	Version      int
	Created      time.Time // the header's At
	MeetingID    string
	Type         MeetingType
	Redacted     bool
	Meeting      Meeting    // ID, topic, host and start, as far as recorded
	Thresholds   Thresholds // the last in force (the defaults when none was recorded)
	Participants []Participant
	Timeline     []RecordedEntry
	// Seen is when each sample was first written, by participant
	// (MemberKey) and sample time: when qostop first saw it, which trails
	// the sample's own time by Zoom's delay and the polling.
	Seen map[string]map[time.Time]time.Time
	// Said is, by participant (MemberKey), who each samples record said
	// they were (without samples) when it differed from the record before,
	// in file order: a replay names them as they were named then, and a
	// leave_time appears when Zoom first gave it (recording_at.go).
	Said        map[string][]Said
	First, Last time.Time // the earliest and latest record written
	// Incomplete is true when the file ends inside a line: it was cut
	// (power loss, full disk, a copy taken while it was written).
	Incomplete bool
	CutLine    int // the number (from 1) of the line cut, when Incomplete
	// Skipped counts lines that are not records this qostop reads:
	// corrupt, too long, or of a kind from a later version.
	Skipped int
}

// RecordedEntry is one lifecycle change, event or marker.
type RecordedEntry struct {
	At   time.Time
	Kind string // RecLifecycle, RecEvent or RecMarker
	Key  string // the participant's MemberKey, "" for a marker or a meeting-wide event
	Name string
	What string // lifecycle: joined, left, gone; event: level
	Text string
}

// ErrNotRecording is a file whose first line is not a recording header.
var ErrNotRecording = errors.New("not a qostop recording")

// ReadRecording loads a recording. It fails only when the first line is
// not a header of a version it reads; anything after that it cannot read
// is counted in Skipped, and a cut last line sets Incomplete.
func ReadRecording(r io.Reader) (Recording, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	rec := Recording{Thresholds: DefaultThresholds(), Seen: map[string]map[time.Time]time.Time{}, Said: map[string][]Said{}}
	l := recordingLoader{rec: &rec, index: map[string]int{}}
	first := true
	for n := 1; ; n++ {
		line, st, err := readLine(br)
		if err != nil && err != io.EOF {
			return Recording{}, err
		}
		if st == lineNone {
			break
		}
		if st == lineCut {
			rec.Incomplete, rec.CutLine = true, n
		}
		switch {
		case first:
			if err := l.header(line); err != nil {
				return Recording{}, err
			}
			first = false
		case st == lineTooLong || (len(line) > 0 && !l.add(line)):
			rec.Skipped++
		}
		if err != nil {
			break
		}
	}
	if first {
		return Recording{}, fmt.Errorf("%w: the file is empty", ErrNotRecording)
	}
	l.finish()
	return rec, nil
}

// lineState says how readLine found a line.
type lineState int

const (
	lineNone    lineState = iota // no line: the end of the file
	lineOK                       // a line ended by a newline
	lineCut                      // the last line, with no newline: the file was cut
	lineTooLong                  // a line over MaxRecordLine, consumed and dropped
)

// readLine returns the next line without its newline. err is io.EOF (or
// a read error) with the last line, or with none.
func readLine(br *bufio.Reader) ([]byte, lineState, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong && len(buf)+len(chunk) > MaxRecordLine+1 {
			tooLong, buf = true, nil
		} else if !tooLong {
			buf = append(buf, chunk...)
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err != nil && tooLong:
			return nil, lineTooLong, err
		case err != nil && len(buf) == 0:
			return nil, lineNone, err
		case err != nil:
			return bytes.TrimSuffix(buf, []byte("\r")), lineCut, err
		case tooLong:
			return nil, lineTooLong, nil
		}
		return bytes.TrimSuffix(buf[:len(buf)-1], []byte("\r")), lineOK, nil
	}
}

// recordingLoader folds records into a Recording.
type recordingLoader struct {
	rec   *Recording
	index map[string]int // MemberKey -> Participants and hist
	hist  []*History
}

func (l *recordingLoader) header(line []byte) error {
	var h Record
	if err := json.Unmarshal(line, &h); err != nil || h.Kind != RecHeader {
		return fmt.Errorf("%w: the first line is not its header", ErrNotRecording)
	}
	if h.Version != RecordingVersion {
		return fmt.Errorf("a qostop recording of version %d: this qostop reads version %d", h.Version, RecordingVersion)
	}
	r := l.rec
	r.Version, r.Created, r.MeetingID, r.Type, r.Redacted = h.Version, importTime(h.At), h.MeetingID, h.Type, h.Redacted
	r.Meeting.ID = h.MeetingID
	r.First, r.Last = r.Created, r.Created
	return nil
}

// add folds one record in; false when it cannot be read.
func (l *recordingLoader) add(line []byte) bool {
	var rc Record
	if err := json.Unmarshal(line, &rc); err != nil {
		return false
	}
	at := importTime(rc.At)
	if at.IsZero() {
		return false
	}
	r := l.rec
	switch rc.Kind {
	case RecMeeting:
		r.Meeting.Topic, r.Meeting.Host = rc.Topic, rc.Host
		if t := importTime(rc.StartTime); !t.IsZero() {
			r.Meeting.StartTime = t
		}
	case RecThresholds:
		t, ok := thresholdsOf(rc.Thresholds, r.Thresholds)
		if !ok {
			return false
		}
		r.Thresholds = t
	case RecSamples:
		if rc.Participant == nil {
			return false
		}
		l.samples(ParticipantOf(*rc.Participant, rc.Samples), at)
	case RecLifecycle, RecEvent, RecMarker:
		r.Timeline = append(r.Timeline, RecordedEntry{At: at, Kind: rc.Kind, Key: rc.Key, Name: rc.Name, What: rc.What, Text: rc.Text})
	default:
		return false
	}
	if at.Before(r.First) || r.First.IsZero() {
		r.First = at
	}
	if at.After(r.Last) {
		r.Last = at
	}
	return true
}

// samples merges a participant's record: the identity fields are the
// newest said, the samples join those held.
func (l *recordingLoader) samples(p Participant, at time.Time) {
	key := MemberKey(p)
	seen := l.rec.Seen[key]
	if seen == nil {
		seen = map[time.Time]time.Time{}
		l.rec.Seen[key] = seen
	}
	for _, s := range p.Samples {
		if _, ok := seen[s.Time]; !ok {
			seen[s.Time] = at
		}
	}
	i, ok := l.index[key]
	if !ok {
		i = len(l.rec.Participants)
		l.index[key] = i
		l.rec.Participants = append(l.rec.Participants, Participant{})
		l.hist = append(l.hist, NewHistory(recordingHistoryCap))
	}
	l.hist[i].Merge(p.Samples...)
	p.Samples = nil
	l.rec.Participants[i] = p
	l.said(key, p, at)
}

func (l *recordingLoader) finish() {
	for i, h := range l.hist {
		l.rec.Participants[i].Samples = append([]Sample(nil), h.Samples()...)
	}
}
