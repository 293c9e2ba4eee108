//go:build unix

package fetch

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// OpenDebugLog opens the file for --debug-log: appended to, created
// 0600, and only ever a regular file opened directly. A symbolic link is
// refused (O_NOFOLLOW), so a link planted at the path cannot send the
// log (which names meetings and participants) elsewhere or create a
// file at its target. O_NONBLOCK makes opening a FIFO with no reader
// fail at once instead of hanging start-up; one with a reader opens and
// is refused by the check after. An existing file is made 0600 too: the
// mode given to open applies only to a file it creates.
func OpenDebugLog(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o600)
	switch {
	case errors.Is(err, syscall.ELOOP):
		return nil, fmt.Errorf("the debug log %s is a symbolic link: qostop writes its log only to a regular "+
			"file it opens directly; give the path of the file itself", path)
	case errors.Is(err, syscall.ENXIO), errors.Is(err, syscall.EISDIR):
		return nil, notRegular(path)
	case err != nil:
		return nil, fmt.Errorf("cannot open the debug log: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("cannot open the debug log: %w", err)
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(path)
	}
	if st.Mode().Perm() != 0o600 {
		if err := f.Chmod(0o600); err != nil {
			f.Close()
			return nil, fmt.Errorf("the debug log %s cannot be made private (mode 0600): %w; "+
				"give a file of your own", path, err)
		}
	}
	return f, nil
}

func notRegular(path string) error {
	return fmt.Errorf("the debug log %s is not a regular file (a directory, FIFO, socket or device): "+
		"give the path of a file", path)
}
