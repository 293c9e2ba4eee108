//go:build unix

package fetch_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/model"
)

// A request budget state file that cannot be used (planted as a FIFO, a
// link, a huge or foreign file, locked by a stuck process, or in a
// directory qostop cannot write) never stops qostop: every request is
// still sent and counted in memory, Status says why, and once the file
// is usable again the count goes back to it. Before, a FIFO or a held
// lock hung qostop for good (this test then never ends), a huge file was
// read whole, and a foreign file reset the count to 0 silently.
func TestBudgetStateFileUnusable(t *testing.T) {
	for _, tc := range []struct {
		name  string
		plant func(t *testing.T, dir string) (fix func())
		want  string
	}{
		{"FIFO", func(t *testing.T, dir string) func() { return mkfifo(t, filepath.Join(dir, "requests.json")) },
			"not a regular file"},
		{"FIFO as the lock", func(t *testing.T, dir string) func() { return mkfifo(t, filepath.Join(dir, "requests.lock")) },
			"not a regular file"},
		{"symbolic link", func(t *testing.T, dir string) func() {
			target := filepath.Join(t.TempDir(), "elsewhere.json")
			writeFile(t, target, `{"day":"2026-03-09","requests":7}`)
			link := filepath.Join(dir, "requests.json")
			if err := os.Symlink(target, link); err != nil {
				t.Fatal(err)
			}
			return func() { os.Remove(link) }
		}, "symbolic link"},
		{"10 MB file", func(t *testing.T, dir string) func() {
			path := filepath.Join(dir, "requests.json")
			writeFile(t, path, `{"day":"2026-03-09","requests":7}`+strings.Repeat(" ", 10<<20))
			return func() { os.Remove(path) }
		}, "over the 65536 a qostop state file may hold"},
		{"corrupt JSON", func(t *testing.T, dir string) func() {
			path := filepath.Join(dir, "requests.json")
			writeFile(t, path, `{"day":"2026-03-09","requ`)
			return func() { os.Remove(path) }
		}, "holds no request count qostop can read"},
		{"lock held by a stuck process", func(t *testing.T, dir string) func() {
			f, err := os.OpenFile(filepath.Join(dir, "requests.lock"), os.O_RDWR|os.O_CREATE, 0o600)
			if err != nil {
				t.Fatal(err)
			}
			if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
				t.Fatal(err)
			}
			return func() { f.Close() }
		}, "locked by another process"},
		{"read-only directory", func(t *testing.T, dir string) func() {
			if os.Geteuid() == 0 {
				t.Skip("root writes a read-only directory all the same")
			}
			writeFile(t, filepath.Join(dir, "requests.lock"), "") // left by an earlier run
			if err := os.Chmod(dir, 0o500); err != nil {
				t.Fatal(err)
			}
			return func() { os.Chmod(dir, 0o700) }
		}, "cannot write"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rig := simtest.StartAt(t, budgetStart, sim.Options{})
			dir := t.TempDir()
			fix := tc.plant(t, dir)
			defer fix()
			b := openBudget(t, dir, 0, rig.Clock.Now)
			c := rig.Client(t, func(c *fetch.Config) { c.Now, c.Budget = rig.Clock.Now, b })
			for range 3 {
				if _, err := c.MeetingQoS(context.Background(), sim.DemoMeetingID, model.Live); err != nil {
					t.Fatalf("a request with an unusable state file: %v", err)
				}
			}
			st := b.Status()
			if st.Used != 3 || st.Err == nil || !strings.Contains(st.Err.Error(), tc.want) {
				t.Fatalf("used %d, error %v; want 3 counted in memory and %q", st.Used, st.Err, tc.want)
			}
			if got := rig.Sim.Stats().APIRequests(); got != 3 {
				t.Errorf("the server got %d requests, want 3", got)
			}

			fix()
			rig.Clock.Add(time.Minute) // the file is tried again a minute after it failed
			if err := fetch.TakeForTest(b); err != nil {
				t.Fatal(err)
			}
			if st := b.Status(); st.Err != nil || st.Used != 4 || fileCount(t, dir) != 4 {
				t.Errorf("once usable: used %d, error %v, file %d; want 4, none, 4", st.Used, st.Err, fileCount(t, dir))
			}
		})
	}
}

func mkfifo(t *testing.T, path string) func() {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	return func() { os.Remove(path) }
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
}

func fileCount(t *testing.T, dir string) int {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "requests.json"))
	if err != nil {
		t.Fatal(err)
	}
	var st struct{ Requests int }
	if err := json.Unmarshal(data, &st); err != nil {
		t.Fatal(err)
	}
	return st.Requests
}
