package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// runReport runs the real binary's `qostop report` with env added to a
// clean state directory.
func runReport(t *testing.T, bin string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"report"}, args...)...)
	cmd.Env = append(append(os.Environ(), env...), "XDG_STATE_HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("qostop report %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// `qostop report` on the simulator's past meeting writes Markdown and a
// self-contained HTML page. Opened in Chromium, the page draws its charts
// (pixels of the data, warn and critical colours on the screenshot) and
// asks the network for nothing; a control page with one image proves the
// browser's requests do reach the test.
func TestReportOnThePastMeetingInChromium(t *testing.T) {
	bin := buildBinary(t)
	z := simtest.Start(t, sim.Options{Seed: 1})
	dir := t.TempDir()
	out := runReport(t, bin, z.Env(), "--type", "past", "--out", filepath.Join(dir, "ops"), sim.EndedMeetingID)
	if !strings.Contains(out, "wrote "+filepath.Join(dir, "ops.md")) || !strings.Contains(out, "ops.html") {
		t.Errorf("output: %q", out)
	}
	md, _ := os.ReadFile(filepath.Join(dir, "ops.md"))
	page, _ := os.ReadFile(filepath.Join(dir, "ops.html"))
	for _, want := range []string{"# QoS report: Weekly ops sync", "## Participants, worst first", "## Timeline",
		"Rule applied:", "Trouble started", "## Thresholds used", "| latency (ms) | 150 | 300 |", "est. MOS", "joined", "left"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	// Self-contained: no script, no URL, nothing to load, and a policy
	// that would refuse it if there were.
	for _, bad := range []*regexp.Regexp{regexp.MustCompile(`(?i)https?:`), regexp.MustCompile(`(?i)<script`),
		regexp.MustCompile(`(?i)\s(src|href|xlink:href|srcset|action)=`), regexp.MustCompile(`(?i)url\(`), regexp.MustCompile(`(?i)@import`)} {
		if loc := bad.FindIndex(page); loc != nil {
			t.Errorf("the page holds %q: %q", bad, page[max(loc[0]-40, 0):min(loc[1]+40, len(page))])
		}
	}
	if !strings.Contains(string(page), `http-equiv="Content-Security-Policy" content="default-src 'none'`) {
		t.Error("the page has no Content-Security-Policy forbidding loads")
	}
	if n := strings.Count(string(page), "<svg"); n < 6 {
		t.Errorf("%d charts in the page, want latency, jitter and loss of each degraded stream", n)
	}

	b := newBrowser(t)
	control := filepath.Join(dir, "control.html")
	os.WriteFile(control, []byte(`<!DOCTYPE html><p>control</p><img src="http://report-test.invalid/pixel.png">`), 0o600)
	if _, reqs := b.screenshot(control, 400, 300); len(reqs) == 0 {
		t.Fatal("the control page's image request never reached the proxy: this test could not see a request")
	}
	// The page's policy alone stops a load: the same image under it is never asked for.
	guarded := filepath.Join(dir, "guarded.html")
	os.WriteFile(guarded, []byte(`<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="`+cspOf(string(page))+
		`"><p>guarded</p><img src="http://report-test.invalid/pixel.png">`), 0o600)
	if _, reqs := b.screenshot(guarded, 400, 300); len(reqs) > 0 {
		t.Errorf("under the report's Content-Security-Policy an image was still fetched: %v", reqs)
	}
	img, reqs := b.screenshot(filepath.Join(dir, "ops.html"), 1200, 5000)
	if len(reqs) > 0 {
		t.Errorf("the report made network requests: %v", reqs)
	}
	for _, c := range []struct {
		name   string
		colour uint32
		least  int
	}{{"data lines", 0x1f5fbf, 300}, {"warn lines", 0xb7791f, 200}, {"critical lines", 0xc53030, 200}} {
		if n := inkPixels(img, c.colour); n < c.least {
			t.Errorf("the screenshot has %d pixels of the charts' %s, want at least %d: charts not drawn", n, c.name, c.least)
		}
	}
}

// cspOf is the Content-Security-Policy a page declares.
func cspOf(page string) string {
	_, after, _ := strings.Cut(page, `http-equiv="Content-Security-Policy" content="`)
	policy, _, _ := strings.Cut(after, `"`)
	return policy
}

// report takes a meeting or a recording, exactly one: anything else is a
// usage error (status 2) that says so, before anything is read or asked.
func TestReportWantsAMeetingOrARecording(t *testing.T) {
	bin := buildBinary(t)
	for _, args := range [][]string{{"report"}, {"report", "85012345678", "--from", "call.jsonl"}} {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+t.TempDir())
		out, err := cmd.CombinedOutput()
		if ee := (*exec.ExitError)(nil); !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(string(out), "want a MEETING or --from FILE") {
			t.Errorf("qostop %v: %v\n%s", args, err, out)
		}
	}
}
