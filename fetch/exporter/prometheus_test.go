package exporter_test

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch/exporter"
	"github.com/qostop/qostop/fetch/sim"
)

// tool finds a Prometheus binary: a test that needs it skips where it is
// missing, but fails in CI (CI set, as the e2e tests read it), where
// .ci/run installs it.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed; .ci/run installs Debian's prometheus package", name)
		}
		t.Skipf("%s is not installed (apt-get install prometheus); CI runs this test", name)
	}
	return p
}

// The exporter's exposition passes Prometheus' own linter.
func TestPromtoolChecksMetrics(t *testing.T) {
	promtool := tool(t, "promtool")
	z := frozenZoom(t, sim.Options{})
	r := startExporter(t, exporter.Options{Config: z.Config(), Budget: budget(t, 1000, nil), Names: true})
	waitFor(t, r, "serving the demo meeting", func(all []series) bool {
		return len(find(all, "zoom_qos_sample_timestamp_seconds", map[string]string{"meeting_id": sim.DemoMeetingID})) == 7
	})
	_, body := r.get(t, "/metrics")
	cmd := exec.Command(promtool, "check", "metrics")
	cmd.Stdin = strings.NewReader(body)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("promtool check metrics: %v\n%s", err, out)
	}
}

// A real Prometheus scrapes the `qostop exporter` binary, which polls the simulator; its
// HTTP API holds every simulated participant's series with the values
// the simulator served, and no series for a stream it did not send.
func TestPrometheusScrapesTheExporter(t *testing.T) {
	bin := tool(t, "prometheus")
	z := frozenZoom(t, sim.Options{Seed: 9})
	r := startBinary(t, z, "--budget", "1000")
	live := []string{sim.DemoMeetingID, sim.ReviewMeetingID, sim.AllHandsMeetingID}
	want, absent, _ := expected(t, z, live...)
	waitFor(t, r, "serving 52 participants", func(all []series) bool {
		return len(find(all, "zoom_qos_sample_timestamp_seconds", nil)) == 52
	})
	api := startPrometheus(t, bin, r.addr)

	deadline := time.Now().Add(90 * time.Second)
	for len(query(t, api, "zoom_qos_sample_timestamp_seconds")) < 52 {
		if time.Now().After(deadline) {
			t.Fatalf("Prometheus has %d of 52 participants after 90s", len(query(t, api, "zoom_qos_sample_timestamp_seconds")))
		}
		time.Sleep(250 * time.Millisecond)
	}
	got := map[string]map[string]float64{} // metric -> label set -> value
	for _, w := range want {
		if got[w.name] == nil {
			got[w.name] = map[string]float64{}
			for _, s := range query(t, api, w.name) {
				got[w.name][key(s.labels)] = s.value
			}
		}
		v, ok := got[w.name][key(w.labels)]
		if !ok || !same(v, w.value) {
			t.Errorf("Prometheus: want %v, got %v (present %v)", w, v, ok)
		}
	}
	t.Logf("%d readings found in Prometheus as the simulator served them", len(want))
	for _, l := range absent {
		if v, ok := got["zoom_qos_latency_seconds"][key(l)]; ok {
			t.Errorf("Prometheus holds %v = %g for a stream the simulator did not send", l, v)
		}
	}
	if up := query(t, api, `up{job="qostop"}`); len(up) != 1 || up[0].value != 1 {
		t.Errorf("up: %v", up)
	}
}

// key is a label set as Prometheus returns it, less what the scrape adds.
func key(l map[string]string) string {
	var parts []string
	for k, v := range l {
		if k != "__name__" && k != "job" && k != "instance" {
			parts = append(parts, k+"="+v)
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, ",")
}

// startPrometheus runs Prometheus on a free loopback port with a
// throwaway config and storage, scraping target every second, and
// returns its base URL. The package's own service, if any, is left alone.
func startPrometheus(t *testing.T, bin, target string) string {
	t.Helper()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "prometheus.yml")
	yml := fmt.Sprintf("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"+
		"scrape_configs:\n  - job_name: qostop\n    static_configs:\n      - targets: [%q]\n", target)
	if err := os.WriteFile(cfg, []byte(yml), 0o600); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	logf, err := os.Create(filepath.Join(dir, "prometheus.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--config.file="+cfg, "--storage.tsdb.path="+filepath.Join(dir, "data"),
		"--web.listen-address="+addr, "--log.level=warn")
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
		logf.Close()
		if t.Failed() {
			log, _ := os.ReadFile(logf.Name())
			t.Logf("prometheus log:\n%s", log)
		}
	})
	base := "http://" + addr
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/-/ready")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return base
			}
		}
		select {
		case <-exited:
			t.Fatal("prometheus exited at start")
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("prometheus not ready after 30s")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// freeAddr is a loopback address with a port free a moment ago:
// Prometheus takes no listener from us.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// query runs an instant query on Prometheus' HTTP API.
func query(t *testing.T, base, q string) []series {
	t.Helper()
	resp, err := http.Get(base + "/api/v1/query?" + url.Values{"query": {q}}.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Status string `json:"status"`
		Error  string `json:"error"`
		Data   struct {
			Result []struct {
				Metric map[string]string `json:"metric"`
				Value  [2]any            `json:"value"`
			} `json:"result"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.Status != "success" {
		t.Fatalf("query %q: %v %s", q, err, out.Error)
	}
	var ss []series
	for _, r := range out.Data.Result {
		s, _ := r.Value[1].(string)
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("query %q: value %v", q, r.Value)
		}
		ss = append(ss, series{name: r.Metric["__name__"], labels: r.Metric, value: v})
	}
	return ss
}
