package record

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/qostop/qostop/fetch"
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

// Load reads the recording at path as qostop reads its state files
// (fetch.ReadStateFile): a regular file reached without a link, opened
// without blocking on a FIFO, at most MaxReadBytes. A file cut mid-line
// loads with Incomplete set.
func Load(path string) (model.Recording, error) {
	data, err := fetch.ReadStateFile(path, MaxReadBytes)
	if err != nil {
		return model.Recording{}, fmt.Errorf("cannot read the recording: %w", err)
	}
	rec, err := model.ReadRecording(bytes.NewReader(data))
	if err != nil {
		return model.Recording{}, fmt.Errorf("%s: %w", path, err)
	}
	return rec, nil
}
