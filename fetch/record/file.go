package record

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/qostop/qostop/model"
)

// MaxFileBytes caps a --record file: a day of a 40-person meeting is
// about 100 MB, so this is days of a large call, and a runaway recorder
// cannot fill the disk.
const MaxFileBytes = 256 << 20

// MaxReadBytes is the largest recording Load reads into memory.
const MaxReadBytes = 512 << 20

// Create starts a recording in a new file at path (--record FILE). The
// file must not exist: O_EXCL creates it 0600 and never follows a link
// (a link at path, even a dangling one, is "exists"), so a planted link
// cannot send the recording, which names people, elsewhere; and an
// existing file, maybe another recording, is never appended to.
func Create(path string, o Options) (*Recorder, error) {
	f, err := createNew(path)
	if err != nil {
		return nil, err
	}
	r, err := newRecorder(o, &fileSink{f: f, max: MaxFileBytes})
	if err != nil {
		f.Close()
		return nil, err
	}
	return r, nil
}

func createNew(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL|os.O_APPEND, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("%s exists: qostop records only to a new file, never over or after another; give a new name", path)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot create the recording: %w", err)
	}
	return f, nil
}

// Load reads the recording at path: a regular file reached without a
// link, at most MaxReadBytes. The file opened is checked to be the one
// Lstat saw, so a link swapped in between is caught. A file cut mid-line
// loads with Incomplete set.
func Load(path string) (model.Recording, error) {
	f, err := openRegular(path, MaxReadBytes)
	if err != nil {
		return model.Recording{}, err
	}
	defer f.Close()
	rec, err := model.ReadRecording(io.LimitReader(f, MaxReadBytes))
	if err != nil {
		return model.Recording{}, fmt.Errorf("%s: %w", path, err)
	}
	return rec, nil
}

// openRegular opens path for reading when it is a regular file of at
// most max bytes, not a link, device or FIFO.
func openRegular(path string, max int64) (*os.File, error) {
	before, err := os.Lstat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open the recording: %w", err)
	}
	if !before.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (a link, directory, FIFO or device): give the recording itself", path)
	}
	if before.Size() > max {
		return nil, fmt.Errorf("%s holds %d bytes, over the %d qostop reads", path, before.Size(), max)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open the recording: %w", err)
	}
	after, err := f.Stat()
	if err != nil || !os.SameFile(before, after) {
		f.Close()
		return nil, fmt.Errorf("%s changed while it was opened: give the recording itself", path)
	}
	return f, nil
}
