package settings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

var themes = []string{"auto", "dark", "light", "high-contrast"}

// writeConfig writes a config file of mode 0600 in a temporary XDG tree
// and returns its path and a getenv that points there.
func writeConfig(t *testing.T, body string) (string, func(string) string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "qostop", "config.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"XDG_CONFIG_HOME": dir}
	return path, func(k string) string { return env[k] }
}

func load(t *testing.T, body string) (*File, error) {
	t.Helper()
	_, getenv := writeConfig(t, body)
	return Load(Options{Getenv: getenv, Themes: themes})
}

// Each mistake is reported at the file, line and key where the user wrote
// it, with the right spelling when one is close.
func TestMistakesNameFileLineAndKey(t *testing.T) {
	for _, c := range []struct {
		name, body string
		want       []string // in the error, after "config.toml:"
	}{
		{"misspelt key", "theme = \"dark\"\n\n[profiles.work]\nacount_id = \"a\"\n",
			[]string{`:4: profiles.work.acount_id: unknown key; did you mean "account_id"?`}},
		{"misspelt top key", "utc = true\nthme = \"dark\"\n", []string{`:2: thme: unknown key; did you mean "theme"?`}},
		{"account key at the top", "account_id = \"a\"\n", []string{":1: account_id: unknown key; an account's setting belongs in a profile"}},
		{"wrong type", "[profiles.work]\nbudget = \"lots\"\n", []string{":2: profiles.work.budget: want a whole number"}},
		{"wrong type of bool", "ascii = \"yes\"\n", []string{":1: ascii: want true or false"}},
		{"bad threshold", "[thresholds]\njitter = \"30:60\"\nlatency = \"300:150\"\n",
			[]string{":3: thresholds.latency:", "warn (300) must be below critical (150)"}},
		{"bad threshold inline in a profile", "[profiles.w]\nthresholds = { loss = \"a:b\" }\n", []string{":2: profiles.w.thresholds.loss:"}},
		{"misspelt metric", "[thresholds]\nlatncy = \"1:2\"\n", []string{`:2: thresholds.latncy:`, `did you mean "latency"?`}},
		{"unknown theme", "\ntheme = \"drak\"\n", []string{`:2: theme: unknown theme "drak"`, `did you mean "dark"?`}},
		{"bad interval", "interval = \"fast\"\n", []string{`:1: interval: "fast": want a positive duration`}},
		{"bad window", "window = \"soon\"\n", []string{`:1: window: "soon": want a positive duration`}},
		{"interval as a number", "interval = 10\n", []string{`:1: interval: want a duration in quotes`}},
		{"unknown default profile", "default_profile = \"wrok\"\n[profiles.work]\n", []string{`:1: default_profile: no profile "wrok"; did you mean "work"?`}},
		{"two secret sources", "[profiles.w]\nclient_secret_env = \"A\"\nclient_secret_command = \"pass x\"\n",
			[]string{":2: profiles.w.client_secret_env: give one of client_secret_command, client_secret_env"}},
		{"unclosed quote", "[profiles.w]\nclient_secret_command = \"pass 'x\"\n", []string{":2: profiles.w.client_secret_command: unclosed quote"}},
		{"bad accent", "[profiles.w]\naccent = \"pink\"\n", []string{`:2: profiles.w.accent: "pink"`}},
		{"not TOML", "theme = \n", []string{":1:"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := load(t, c.body)
			if err == nil {
				t.Fatal("loaded: want an error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), "config.toml"+w) && !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if !strings.Contains(err.Error(), "config.toml:") {
				t.Errorf("error %q does not name the file and line", err)
			}
		})
	}
}

// A secret written in the file is refused while group or others can read
// it, with the command that fixes it; once private it is accepted.
func TestInlineSecretOnlyInAPrivateFile(t *testing.T) {
	path, getenv := writeConfig(t, "[profiles.w]\naccount_id = \"a\"\nclient_id = \"c\"\nclient_secret = \"s3cret-inline-value\"\n")
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(Options{Getenv: getenv, Themes: themes})
	if err == nil || !strings.Contains(err.Error(), "'chmod 600 "+path+"'") || !strings.Contains(err.Error(), ":4: profiles.w.client_secret") {
		t.Fatalf("world-readable: %v, want a refusal naming line 4 and the chmod", err)
	}
	if strings.Contains(err.Error(), "s3cret-inline-value") {
		t.Errorf("the refusal quotes the secret: %v", err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := Load(Options{Getenv: getenv, Themes: themes})
	if err != nil {
		t.Fatalf("private: %v", err)
	}
	r, err := f.Resolve(pflag.NewFlagSet("x", pflag.ContinueOnError), "", getenv)
	if err != nil || r.Account.ClientSecret != "s3cret-inline-value" || r.Profile != "w" {
		t.Errorf("private: %+v, %v: want the only profile with its secret", r, err)
	}
}

// No file at the XDG place is no error; a file the user named that is
// missing is one.
func TestMissingFile(t *testing.T) {
	dir := t.TempDir()
	getenv := func(k string) string { return map[string]string{"XDG_CONFIG_HOME": dir}[k] }
	f, err := Load(Options{Getenv: getenv, Themes: themes})
	if err != nil || f.Path != "" {
		t.Errorf("default place, no file: %+v, %v; want no file and no error", f, err)
	}
	if _, err := Load(Options{Path: filepath.Join(dir, "nope.toml"), Getenv: getenv}); err == nil {
		t.Error("--config naming a missing file: no error")
	}
	env := func(k string) string { return map[string]string{EnvConfig: filepath.Join(dir, "gone.toml")}[k] }
	if _, err := Load(Options{Getenv: env}); err == nil || !strings.Contains(err.Error(), "gone.toml") {
		t.Errorf("QOSTOP_CONFIG naming a missing file: %v", err)
	}
	if _, err := f.Resolve(pflag.NewFlagSet("x", pflag.ContinueOnError), "work", getenv); err == nil ||
		!strings.Contains(err.Error(), "config init") {
		t.Errorf("--profile without a file: %v, want the way to write one", err)
	}
}

// The template 'config init' writes is valid as it is, and with every
// setting uncommented (but one secret source) too.
func TestTemplateLoads(t *testing.T) {
	if _, err := load(t, Template); err != nil {
		t.Fatalf("template as written: %v", err)
	}
	var lines []string
	for _, l := range strings.Split(Template, "\n") {
		if strings.HasPrefix(l, "# ") && strings.Contains(l, "=") || strings.HasPrefix(l, "# [") {
			l = strings.TrimPrefix(l, "# ")
		}
		if strings.HasPrefix(l, "client_secret_env") || strings.HasPrefix(l, "client_secret =") {
			continue
		}
		lines = append(lines, l)
	}
	path, getenv := writeConfig(t, strings.Join(lines, "\n"))
	f, err := Load(Options{Getenv: getenv, Themes: themes})
	if err != nil {
		t.Fatalf("template uncommented: %v\n%s", err, lines)
	}
	if f.Path != path || f.doc.Profiles["work"].ClientSecretCommand == "" || f.doc.Thresholds["latency"] != "150:300" {
		t.Errorf("template uncommented decoded as %+v", f.doc)
	}
}

func TestInitNeverReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "config.toml")
	if err := Init(path); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("written with %v, %v: want 0600", st.Mode().Perm(), err)
	}
	if err := os.WriteFile(path, []byte("theme = \"dark\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Init(path); err == nil || !strings.Contains(err.Error(), "exists already") {
		t.Errorf("second init: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "theme = \"dark\"\n" {
		t.Errorf("the file was replaced: %q", b)
	}
}
