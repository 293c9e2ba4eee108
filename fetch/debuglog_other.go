//go:build !unix

package fetch

import (
	"fmt"
	"os"
)

// OpenDebugLog opens the file for --debug-log, refusing a symbolic link
// or anything but a regular file. Without O_NOFOLLOW the check is made
// before opening, so it is weaker than on Unix: a link swapped in
// between is followed.
func OpenDebugLog(path string) (*os.File, error) {
	if st, err := os.Lstat(path); err == nil {
		if st.Mode()&os.ModeSymlink != 0 {
			return nil, fmt.Errorf("the debug log %s is a symbolic link: qostop writes its log only to a "+
				"regular file; give the path of the file itself", path)
		}
		if !st.Mode().IsRegular() {
			return nil, fmt.Errorf("the debug log %s is not a regular file: give the path of a file", path)
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot open the debug log: %w", err)
	}
	_ = f.Chmod(0o600) // best effort: Windows keeps only the read-only bit
	return f, nil
}
