//go:build unix

package fetch

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// The debug log is opened as a private regular file, never through a
// symbolic link, and a FIFO at its path must not hang start-up.
func TestOpenDebugLogRefusesAllButARegularFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("keep\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	dangling := filepath.Join(dir, "dangling")
	fifo := filepath.Join(dir, "fifo")
	for _, err := range []error{os.Symlink(target, link), os.Symlink(filepath.Join(dir, "created"), dangling),
		syscall.Mkfifo(fifo, 0o600)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	for path, want := range map[string]string{
		link:     "is a symbolic link",
		dangling: "is a symbolic link",
		fifo:     "not a regular file",
		dir:      "not a regular file",
	} {
		done := make(chan error, 1)
		go func() {
			f, err := OpenDebugLog(path)
			if err == nil {
				f.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), path) {
				t.Errorf("OpenDebugLog(%s) = %v, want an error naming it and saying %q", path, err, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("OpenDebugLog(%s) hangs", path)
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "keep\n" {
		t.Errorf("the link's target was written: %q", b)
	}
	if _, err := os.Lstat(filepath.Join(dir, "created")); err == nil {
		t.Error("the dangling link's target was created")
	}
}

// An existing log keeps its lines and becomes 0600; a new one is 0600;
// what the client writes lands in it.
func TestOpenDebugLogIsPrivate(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.log")
	if err := os.WriteFile(old, []byte("earlier\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{old, filepath.Join(dir, "new.log")} {
		file, err := OpenDebugLog(path)
		if err != nil {
			t.Fatal(err)
		}
		f := newFake(t, okParticipant)
		if _, err := f.client(func(cfg *Config) { cfg.DebugLog = file }).ParticipantQoS(bg, "1", "7", model.Live); err != nil {
			t.Fatal(err)
		}
		file.Close()
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", path, st.Mode().Perm())
		}
		b, _ := os.ReadFile(path)
		if n := strings.Count(string(b), " /v2/metrics/meetings/1/participants/7/qos"); n != 1 {
			t.Errorf("%s holds %q, want the API request's line", path, b)
		}
		if path == old && !strings.HasPrefix(string(b), "earlier\n") {
			t.Errorf("earlier lines lost: %q", b)
		}
	}
}
