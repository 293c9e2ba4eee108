package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qostop/qostop/fetch/sim"
)

// The config file as a user meets it: a profile that holds the
// simulator's URLs and a client_secret_command runs qostop with no ZOOM_*
// variable set; flags and the environment override it; mistakes in it are
// reported at their file and line.

// configTree writes config.toml into a temporary XDG_CONFIG_HOME that
// qostop reads from then on, with no ZOOM_* variable set.
func configTree(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "qostop", "config.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CONFIG_HOME", dir)
	for _, k := range []string{"ZOOM_ACCOUNT_ID", "ZOOM_CLIENT_ID", "ZOOM_CLIENT_SECRET", "ZOOM_API_URL", "ZOOM_OAUTH_URL"} {
		t.Setenv(k, "")
	}
	return path
}

// simProfile is a config whose default profile reaches the simulator at
// base, its secret given by a command; extra is appended to the profile.
func simProfile(base, secret, extra string) string {
	return fmt.Sprintf(`default_profile = "sim"

[thresholds]
latency = "1:2"

[profiles.sim]
account_id = %q
client_id = %q
client_secret_command = "echo %s"
api_url = "%s/v2"
oauth_url = "%s/oauth/token"
%s
`, sim.DemoAccountID, sim.DemoClientID, secret, base, base, extra)
}

func TestConfigProfileRunsSnapshot(t *testing.T) {
	const secret = "cfg-e2e-secret-41c8"
	base, err := sim.Start(t.Context(), sim.Options{Seed: 5, ClientSecret: secret})
	if err != nil {
		t.Fatal(err)
	}
	configTree(t, simProfile(base, secret, ""))

	code, out, errs := runCLI(t, "snapshot", "--format", "table", sim.DemoMeetingID)
	if code != 0 || !strings.Contains(out, "Alice Chen") {
		t.Fatalf("snapshot with the profile: exit %d\n%s\n%s", code, out, errs)
	}
	// The file's latency threshold (1:2 ms) judges every reading critical.
	if !strings.Contains(out, "critical!") || strings.Contains(out, "good ↑") {
		t.Errorf("the file's thresholds were not used:\n%s", out)
	}
	// A flag wins over the file's thresholds.
	if _, out, _ := runCLI(t, "snapshot", "--format", "table", "--thresholds", "latency=900:1000", sim.DemoMeetingID); strings.Contains(out, "critical! ↑") {
		t.Errorf("--thresholds lost to the file:\n%s", out)
	}

	// A flag wins over the profile; so does the environment.
	_, _, errs = runCLI(t, "snapshot", "--api-url", "http://127.0.0.1:1/v2", sim.DemoMeetingID)
	if !strings.Contains(errs, "127.0.0.1:1") {
		t.Errorf("--api-url did not win over the profile: %s", errs)
	}
	t.Setenv("ZOOM_API_URL", "http://127.0.0.1:1/v2")
	_, _, errs = runCLI(t, "snapshot", sim.DemoMeetingID)
	if !strings.Contains(errs, "127.0.0.1:1") {
		t.Errorf("ZOOM_API_URL did not win over the profile: %s", errs)
	}
	_, out, _ = runCLI(t, "config")
	for _, want := range []string{"ZOOM_API_URL", "default_profile", "(command echo, run at each token request)", "config.toml:4"} {
		if !strings.Contains(out, want) {
			t.Errorf("'qostop config' lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, secret) {
		t.Errorf("'qostop config' shows the secret:\n%s", out)
	}
}

// A profile unknown, a key unknown, a threshold out of order: each stops
// the command before anything is sent, naming the file and line.
func TestConfigMistakesStopTheCommand(t *testing.T) {
	for _, c := range []struct {
		name, body string
		args       []string
		want       string
	}{
		{"unknown key", "[profiles.sim]\nacount_id = \"x\"\n", []string{"snapshot", "1"},
			`config.toml:2: profiles.sim.acount_id: unknown key; did you mean "account_id"?`},
		{"bad threshold", "\n[thresholds]\njitter = \"60:30\"\n", []string{"meetings"}, "config.toml:3: thresholds.jitter:"},
		{"unknown profile", "[profiles.work]\n", []string{"snapshot", "--profile", "wrok", "1"}, `did you mean "work"?`},
		// Only --notify knows its modes: the file's value is judged as the
		// flag takes it, and still named at its line.
		{"bad notify", "\nnotify = \"loud\"\n", []string{"meetings"}, `config.toml:2: notify: "loud": want off, bell, desktop`},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := configTree(t, c.body)
			code, _, errs := runCLI(t, c.args...)
			if code != 1 || !strings.Contains(errs, c.want) || (c.name != "unknown profile" && !strings.Contains(errs, path)) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, errs, c.want)
			}
			if c.name == "unknown profile" || c.name == "bad notify" {
				return // the file is right as TOML; only a command with the flag judges it
			}
			if code, _, errs = runCLI(t, "config", "check"); code != 1 || !strings.Contains(errs, c.want) {
				t.Errorf("config check: exit %d, %q", code, errs)
			}
		})
	}
}

// A world-readable file with the secret in it is refused, with the
// chmod that fixes it, and the secret is never quoted.
func TestConfigInlineSecretInAReadableFile(t *testing.T) {
	const secret = "inline-secret-9d2f"
	path := configTree(t, "[profiles.a]\naccount_id = \"a\"\nclient_id = \"c\"\nclient_secret = \""+secret+"\"\n")
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "snapshot", "1")
	if code != 1 || !strings.Contains(errs, "chmod 600 "+path) || strings.Contains(out+errs, secret) {
		t.Errorf("exit %d, stderr %q: want a refusal naming 'chmod 600 %s', without the secret", code, errs, path)
	}
}
