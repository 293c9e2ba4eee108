//go:build unix

package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
)

// The request budget's state file, planted as a FIFO or filled with
// something that is not qostop's, does not stop `qostop snapshot`: it
// prints its QoS, and says on stderr that the day's count is kept in
// memory and why. Before, the FIFO hung the process for good (SIGINT
// and SIGTERM ignored: the deadline below kills it) and a foreign file
// reset the count to 0 without a word.
func TestSnapshotSurvivesAnUnusableStateFile(t *testing.T) {
	base, err := sim.Start(t.Context(), sim.Options{Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	bin := buildBinary(t)
	for _, tc := range []struct {
		name  string
		plant func(path string) error
		want  string
	}{
		{"FIFO", func(path string) error { return syscall.Mkfifo(path, 0o600) }, "is not a regular file"},
		{"corrupt JSON", func(path string) error { return os.WriteFile(path, []byte(`{"day":`), 0o600) },
			"holds no request count qostop can read"},
		{"1 GB file", func(path string) error {
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				return err
			}
			return os.Truncate(path, 1<<30) // sparse: no disk spent
		}, "over the 65536 a qostop state file may hold"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			state := t.TempDir()
			if err := os.Mkdir(filepath.Join(state, "qostop"), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := tc.plant(filepath.Join(state, "qostop", "requests-"+sim.DemoAccountID+".json")); err != nil { // one file per account
				t.Fatal(err)
			}
			// Not a timed assertion: a hang is the failure, and a minute is
			// a hundred times what the snapshot takes.
			ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, "snapshot", "--format", "json", "--max-wait", "0s",
				sim.DemoMeetingID, sim.DemoParticipantID)
			cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+state, "ZOOM_API_URL="+base+"/v2",
				"ZOOM_OAUTH_URL="+base+"/oauth/token", "ZOOM_ACCOUNT_ID="+sim.DemoAccountID,
				"ZOOM_CLIENT_ID="+sim.DemoClientID, "ZOOM_CLIENT_SECRET="+sim.DemoClientSecret)
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			if ctx.Err() != nil {
				t.Fatalf("snapshot hung on the state file (killed after a minute); stderr:\n%s", stderr.String())
			}
			if err != nil || !strings.Contains(stdout.String(), `"meeting_id"`) {
				t.Fatalf("snapshot: %v\nstdout: %.300s\nstderr: %s", err, stdout.String(), stderr.String())
			}
			if e := stderr.String(); !strings.Contains(e, tc.want) || !strings.Contains(e, "in memory") {
				t.Errorf("stderr does not say why the count is kept in memory (want %q):\n%s", tc.want, e)
			}
		})
	}
}
