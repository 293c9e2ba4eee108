package fetch

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// State files are the small files qostop keeps in StateDir (the day's
// request count, remembered choices). Anyone who can write the
// directory can put a FIFO, a link, a device or a huge file at their
// names, so they are opened as the debug log is: never through a link,
// never blocking, regular files only, and read up to a cap. Their lock
// is waited for a bounded time. A caller that cannot use its state file
// says so and goes on without it.

// StateFileMax is the most a state file may hold: they hold a few
// counters or choices, so anything bigger is not qostop's.
const StateFileMax = 64 << 10

// StateLockWait is how long WithStateLock waits for another process
// to release the lock. qostop holds it for the time of one read and
// one write, so a longer wait means the holder is stuck.
const StateLockWait = 2 * time.Second

// ErrStateLocked is the error of WithStateLock when the lock stays held
// past its wait.
var ErrStateLocked = errors.New("locked by another process")

// ReadStateFile returns the content of the state file at path, at most
// max bytes. A missing file is an error that errors.Is(err,
// os.ErrNotExist) reports; a link, anything but a regular file, or a
// file over max is refused with a message that names the path.
func ReadStateFile(path string, max int64) ([]byte, error) {
	f, err := openStateFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, notRegularState(path)
	}
	if st.Size() > max {
		return nil, tooBigState(path, st.Size(), max)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max { // it grew since Stat
		return nil, tooBigState(path, int64(len(data)), max)
	}
	return data, nil
}

// WriteStateFile replaces the state file at path with data, mode 0600,
// by renaming a new file over it: a reader never sees half of it, and
// whatever was at the path (a link included) is replaced, not written
// through.
func WriteStateFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// WithStateLock runs f holding an exclusive lock on the file at
// lockPath (created 0600, opened as state files are), waiting at most
// wait for another holder; past it the error wraps ErrStateLocked and f
// does not run.
func WithStateLock(lockPath string, wait time.Duration, f func() error) error {
	unlock, err := lockState(lockPath, wait)
	if err != nil {
		return err
	}
	defer unlock()
	return f()
}

func notRegularState(path string) error {
	return fmt.Errorf("%s is not a regular file (a directory, FIFO, socket or device): "+
		"qostop keeps its state only in regular files; remove it", path)
}

func tooBigState(path string, size, max int64) error {
	return fmt.Errorf("%s holds %d bytes, over the %d a qostop state file may hold: "+
		"it is not qostop's; remove it", path, size, max)
}

func lockedState(path string, wait time.Duration) error {
	return fmt.Errorf("%s: %w for over %s", path, ErrStateLocked, wait)
}
