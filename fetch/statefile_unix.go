//go:build unix

package fetch

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// openStateFile opens path for reading as OpenDebugLog opens its file:
// O_NOFOLLOW refuses a link, O_NONBLOCK makes a FIFO open at once (and
// its read return) instead of hanging qostop, which the caller's check
// that the file is regular then refuses.
func openStateFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	return f, stateOpenError(path, err)
}

func stateOpenError(path string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, syscall.ELOOP):
		return fmt.Errorf("%s is a symbolic link: qostop keeps its state only in regular files it "+
			"opens directly; remove it", path)
	case errors.Is(err, syscall.ENXIO), errors.Is(err, syscall.EISDIR):
		return notRegularState(path)
	}
	return err
}

// lockState takes an exclusive flock on lockPath, trying without
// blocking until wait has passed: a blocking flock could not be given
// up, and a stuck holder would stop qostop for good.
func lockState(lockPath string, wait time.Duration) (unlock func(), err error) {
	fd, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o600)
	if err != nil {
		return nil, stateOpenError(lockPath, err)
	}
	if st, err := fd.Stat(); err != nil || !st.Mode().IsRegular() {
		fd.Close()
		return nil, cmp.Or(err, notRegularState(lockPath))
	}
	deadline := time.Now().Add(wait)
	for pause := time.Millisecond; ; pause = min(2*pause, 50*time.Millisecond) {
		err := syscall.Flock(int(fd.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			fd.Close()
			return nil, fmt.Errorf("%s: %w", lockPath, err)
		}
		if !time.Now().Before(deadline) {
			fd.Close()
			return nil, lockedState(lockPath, wait)
		}
		time.Sleep(pause)
	}
	return func() { fd.Close() }, nil // closing releases the lock
}
