package exporter_test

import (
	"bufio"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// The exporter as operations run it: the `qostop exporter` binary, its
// credentials from ZOOM_* and its state in a throwaway XDG_STATE_HOME.

var (
	buildOnce sync.Once
	built     string
	buildErr  error
)

// TestMain removes the binary qostopBinary built, if it did.
func TestMain(m *testing.M) {
	code := m.Run()
	if built != "" {
		os.RemoveAll(filepath.Dir(built))
	}
	os.Exit(code)
}

// qostopBinary builds the qostop command once for the package's tests.
func qostopBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "qostop-exporter-test")
		if err != nil {
			buildErr = err
			return
		}
		built = filepath.Join(dir, "qostop")
		if out, err := exec.Command("go", "build", "-o", built, "github.com/qostop/qostop").CombinedOutput(); err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("go build qostop: %v", buildErr)
	}
	return built
}

// listening is the address in the exporter's "exporter listening" log line.
var listening = regexp.MustCompile(`msg="exporter listening" addr=(\S+)`)

// startBinary runs `qostop exporter --listen 127.0.0.1:0 args...` against
// z. Its stop sends SIGTERM; done gets the exit error (nil: status 0).
func startBinary(t *testing.T, z *simtest.Rig, args ...string) *running {
	t.Helper()
	cmd := exec.Command(qostopBinary(t), append([]string{"exporter", "--listen", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(append(os.Environ(), "XDG_STATE_HOME="+t.TempDir()), z.Env()...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := &running{logs: &syncBuffer{}, done: make(chan error, 1),
		stop: func() { _ = cmd.Process.Signal(syscall.SIGTERM) }}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			io.WriteString(r.logs, sc.Text()+"\n")
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
		r.done <- cmd.Wait() // after the pipe is drained, as Wait wants
	}()
	select {
	case r.addr = <-addr:
	case err := <-r.done:
		t.Fatalf("qostop exporter exited at start (%v):\n%s", err, r.logs.String())
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("qostop exporter not listening after 30s:\n%s", r.logs.String())
	}
	t.Cleanup(func() {
		if r.done != nil {
			r.shutdown(t)
		}
	})
	return r
}

// The binary serves /metrics and /healthz for the simulator's meetings,
// logs structured lines to stderr, and on SIGTERM stops cleanly: exit
// status 0 and a last log line, within seconds.
func TestExporterBinaryServesAndStopsOnSIGTERM(t *testing.T) {
	z := frozenZoom(t, sim.Options{Seed: 3})
	r := startBinary(t, z, "--budget", "1000", "--meetings", sim.DemoMeetingID)
	waitFor(t, r, "serving the demo meeting's 7 participants", func(all []series) bool {
		return len(find(all, "zoom_qos_sample_timestamp_seconds", map[string]string{"meeting_id": sim.DemoMeetingID})) == 7
	})
	if code, body := r.get(t, "/healthz"); code != 200 || strings.TrimSpace(body) != "ok" {
		t.Errorf("/healthz: %d %q", code, body)
	}
	r.stop()
	select {
	case err := <-r.done:
		if err != nil {
			t.Errorf("after SIGTERM: %v (want exit status 0)\n%s", err, r.logs.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("still running 10s after SIGTERM:\n%s", r.logs.String())
	}
	r.done = nil // collected: no second shutdown
	if logs := r.logs.String(); !strings.Contains(logs, `msg="exporter stopped"`) || !strings.Contains(logs, "level=INFO") {
		t.Errorf("stderr lacks the structured stop line:\n%s", logs)
	}
}
