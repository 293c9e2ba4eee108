package record

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// The ring's default limits, stated in the README and --help.
const (
	DefaultRingBytes     = 256 << 20           // all recordings together
	DefaultRingFileBytes = 32 << 20            // one file; a meeting goes on in a new one
	DefaultRingAge       = 14 * 24 * time.Hour // recordings started earlier are deleted
)

// RingOptions are the ring's place and limits; zero values take the defaults.
type RingOptions struct {
	Dir          string // the recordings directory; "" is fetch.StateDir()/recordings, given by the caller
	MaxBytes     int64
	MaxFileBytes int64
	MaxAge       time.Duration
}

func (o RingOptions) withDefaults() RingOptions {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultRingBytes
	}
	if o.MaxFileBytes <= 0 || o.MaxFileBytes > o.MaxBytes/2 {
		o.MaxFileBytes = min(DefaultRingFileBytes, o.MaxBytes/2)
	}
	if o.MaxAge <= 0 {
		o.MaxAge = DefaultRingAge
	}
	return o
}

// OpenRing starts a recording of one meeting in the ring at ro.Dir: a
// file per meeting, a new one when it reaches MaxFileBytes; each new
// file, and every hour, the oldest recordings are deleted until those
// left and the current one at its cap fit in MaxBytes, and any started
// more than MaxAge ago. Only files named as the ring names them are
// counted or deleted.
func OpenRing(ro RingOptions, o Options) (*Recorder, error) {
	ro = ro.withDefaults()
	if err := os.MkdirAll(ro.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the recordings directory: %w", err)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return newRecorder(o, &ringSink{o: ro, now: o.Now, meeting: fileSafe(o.MeetingID)})
}

// ringSink writes the current file of one meeting's recording.
type ringSink struct {
	o         RingOptions
	now       func() time.Time
	meeting   string
	cur       *fileSink
	curName   string
	lastPrune time.Time
}

// ringTime is a file name's time: sorting names sorts by start.
const ringTime = "20060102T150405.000Z"

func (s *ringSink) write(line []byte, start func() [][]byte) error {
	if s.cur == nil || s.cur.size+int64(len(line))+1 > s.o.MaxFileBytes {
		if err := s.rotate(); err != nil {
			return err
		}
	} else if s.now().Sub(s.lastPrune) >= time.Hour {
		s.prune()
	}
	return s.cur.write(line, start)
}

// rotate closes the current file and starts the next.
func (s *ringSink) rotate() error {
	if s.cur != nil {
		s.cur.Close()
		s.cur = nil
	}
	base := s.now().UTC().Format(ringTime) + "-" + s.meeting
	name := base + ".jsonl"
	f, err := createNew(filepath.Join(s.o.Dir, name))
	for i := 2; err != nil && i < 10; i++ { // two recordings of a meeting in one millisecond
		name = fmt.Sprintf("%s-%d.jsonl", base, i)
		f, err = createNew(filepath.Join(s.o.Dir, name))
	}
	if err != nil {
		return err
	}
	s.cur, s.curName = &fileSink{f: f, max: s.o.MaxFileBytes}, name
	s.prune()
	return nil
}

// prune deletes the ring's files over its limits, oldest first, never
// the current one. It reserves the current file's whole cap, so the
// ring stays within MaxBytes while that file grows. Two qostop processes
// prune one at a time (fetch.WithStateLock); one that finds the lock held
// past its wait prunes at its next turn.
func (s *ringSink) prune() {
	now := s.now()
	s.lastPrune = now
	_ = fetch.WithStateLock(filepath.Join(s.o.Dir, ".lock"), fetch.StateLockWait, func() error {
		s.pruneLocked(now)
		return nil
	})
}

func (s *ringSink) pruneLocked(now time.Time) {
	files := ringFiles(s.o.Dir)
	used := s.o.MaxFileBytes
	for i := len(files) - 1; i >= 0; i-- { // newest first: they are kept
		f := files[i]
		if f.name == s.curName {
			continue
		}
		used += f.size
		if used > s.o.MaxBytes || now.Sub(f.start) > s.o.MaxAge {
			os.Remove(filepath.Join(s.o.Dir, f.name))
			used -= f.size
		}
	}
}

func (s *ringSink) Close() error {
	if s.cur == nil {
		return nil
	}
	return s.cur.Close()
}

type ringFile struct {
	name  string
	start time.Time
	size  int64
}

// ringFiles lists the regular files in dir the ring named, oldest first.
func ringFiles(dir string) []ringFile {
	entries, _ := os.ReadDir(dir)
	var out []ringFile
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, ".jsonl") || len(name) < len(ringTime) {
			continue
		}
		t, err := time.Parse(ringTime, name[:len(ringTime)])
		info, ierr := e.Info()
		if err != nil || ierr != nil {
			continue
		}
		out = append(out, ringFile{name: name, start: t, size: info.Size()})
	}
	slices.SortFunc(out, func(a, b ringFile) int { return strings.Compare(a.name, b.name) })
	return out
}

// fileSafe is a meeting ID fit for a file name: UUIDs hold '/', '+' and
// '='; anything but letters and digits becomes '_'.
func fileSafe(id string) string {
	b := []byte(model.Clean(id))
	if len(b) > 64 {
		b = b[:64]
	}
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			b[i] = '_'
		}
	}
	if len(bytes.Trim(b, "_")) == 0 {
		return "meeting"
	}
	return string(b)
}
