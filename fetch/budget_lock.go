//go:build unix

package fetch

import (
	"os"
	"syscall"
)

// withLock runs f holding an exclusive flock on path (created 0600), so
// two qostop processes never both read the count and write it back one
// request short.
func withLock(path string, f func() error) error {
	fd, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer fd.Close() // closing releases the lock too
	if err := syscall.Flock(int(fd.Fd()), syscall.LOCK_EX); err != nil {
		return err
	}
	defer syscall.Flock(int(fd.Fd()), syscall.LOCK_UN)
	return f()
}
