package settings

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/spf13/pflag"
)

const twoAccounts = `theme = "light"
utc = true
default_profile = "work"

[thresholds]
latency = "100:200"
jitter = "20:40"

[profiles.work]
account_id = "work-acct"
client_id = "work-client"
client_secret_env = "WORK_SECRET"
theme = "dark"
budget = 500
thresholds = { jitter = "25:50" }

[profiles.client-b]
account_id = "b-acct"
client_id = "b-client"
client_secret_command = "pass show zoom/b"
gov = true
accent = "#ff8700"
`

// screenFlags are the flags the settings default, as main registers them.
func screenFlags() *pflag.FlagSet {
	fs := pflag.NewFlagSet("qostop", pflag.ContinueOnError)
	fs.String("theme", "auto", "")
	fs.Bool("utc", false, "")
	fs.Bool("ascii", false, "")
	fs.Duration("interval", 10*time.Second, "")
	fs.Int("budget", 0, "")
	fs.String("thresholds", "", "")
	fs.Duration("window", 0, "")
	fs.String("notify", "desktop", "")
	fs.String("notify-cmd", "", "")
	fs.String("api-url", "", "")
	fs.Bool("gov", false, "")
	fs.SetOutput(io.Discard)
	return fs
}

func resolve(t *testing.T, args []string, env map[string]string, profile string) (*Resolved, *pflag.FlagSet) {
	t.Helper()
	_, getenv := writeConfig(t, twoAccounts)
	lookup := func(k string) string {
		if v, ok := env[k]; ok {
			return v
		}
		return getenv(k)
	}
	f, err := Load(Options{Getenv: lookup, Themes: themes})
	if err != nil {
		t.Fatal(err)
	}
	fs := screenFlags()
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	r, err := f.Resolve(fs, profile, lookup)
	if err != nil {
		t.Fatal(err)
	}
	return r, fs
}

// profile > file defaults > built-in, key by key and, for thresholds,
// metric by metric.
func TestPrecedence(t *testing.T) {
	get := func(fs *pflag.FlagSet, name string) string { return fs.Lookup(name).Value.String() }
	r, fs := resolve(t, nil, map[string]string{"WORK_SECRET": "work-secret-value"}, "")
	if r.Profile != "work" || r.ProfileFrom != "default_profile" {
		t.Errorf("profile %q from %q, want work from default_profile", r.Profile, r.ProfileFrom)
	}
	for name, want := range map[string]string{"theme": "dark", "utc": "true", "ascii": "false", "budget": "500",
		"interval": "10s", "thresholds": "jitter=20:40,latency=100:200,jitter=25:50"} {
		if got := get(fs, name); got != want {
			t.Errorf("--%s = %q, want %q (profile over file over built-in)", name, got, want)
		}
	}
	if fs.Lookup("theme").Changed || fs.Lookup("thresholds").Changed {
		t.Error("a value from the file reads as typed on the command line")
	}
	if r.Account.ClientSecret != "work-secret-value" || r.Account.AccountID != "work-acct" || r.Account.Secret != nil {
		t.Errorf("account %+v: want work's, its secret from $WORK_SECRET", r.Account)
	}
}

// The command line wins over both; QOSTOP_PROFILE over default_profile,
// and --profile over QOSTOP_PROFILE.
func TestPrecedenceOfTheCommandLine(t *testing.T) {
	get := func(fs *pflag.FlagSet, name string) string { return fs.Lookup(name).Value.String() }
	r, fs := resolve(t, []string{"--theme", "high-contrast", "--budget", "7", "--thresholds", "latency=1:2"},
		map[string]string{EnvProfile: "client-b"}, "")
	if r.Profile != "client-b" || r.ProfileFrom != EnvProfile || r.Accent != "#ff8700" {
		t.Errorf("profile %q from %q accent %q, want client-b from QOSTOP_PROFILE", r.Profile, r.ProfileFrom, r.Accent)
	}
	if get(fs, "theme") != "high-contrast" || get(fs, "budget") != "7" || !strings.HasSuffix(get(fs, "thresholds"), ",latency=1:2") {
		t.Errorf("flags lost to the file: theme %s budget %s thresholds %s", get(fs, "theme"), get(fs, "budget"), get(fs, "thresholds"))
	}
	if r.origins["theme"] != "--theme" || r.origins["thresholds.latency"] != "--thresholds" ||
		r.origins["thresholds.jitter"] != "config.toml:7" || r.origins["utc"] != "config.toml:2" {
		t.Errorf("origins %v", r.origins)
	}
	if src, ok := r.Account.Secret.(commandSource); !ok || strings.Join(src.argv, " ") != "pass show zoom/b" || !r.Account.Gov {
		t.Errorf("client-b's account %+v: want its command and gov", r.Account)
	}
	// --profile wins over QOSTOP_PROFILE.
	if r, _ = resolve(t, nil, map[string]string{EnvProfile: "client-b"}, "work"); r.Profile != "work" {
		t.Errorf("--profile work with QOSTOP_PROFILE=client-b: %q", r.Profile)
	}
}

// The environment's credentials and URLs win over the profile's; the
// profile fills what the environment leaves unset.
func TestEnvironmentOverProfile(t *testing.T) {
	r, fs := resolve(t, nil, map[string]string{"WORK_SECRET": "work-secret-value"}, "")
	env := map[string]string{fetch.EnvAccountID: "env-acct", fetch.EnvAPIURL: "http://127.0.0.1:9/v2"}
	cfg, _, err := fetch.ConfigFromEnv(func(k string) string { return env[k] }, fetch.Overrides{Profile: r.Account})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.AccountID != "env-acct" || cfg.ClientID != "work-client" || cfg.ClientSecret != "work-secret-value" ||
		cfg.APIURL != "http://127.0.0.1:9/v2" || cfg.OAuthURL != "" {
		t.Errorf("config %+v: want the environment's account and URL, the profile's client", cfg)
	}
	var out strings.Builder
	if err := r.Print(&out, fs, func(k string) string { return env[k] }); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"account_id          env-acct", "ZOOM_ACCOUNT_ID", "client_id           work-client",
		"profile work (config.toml:11)", "client_secret       ($WORK_SECRET)", "theme               dark"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("config output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "work-secret-value") {
		t.Errorf("config output shows the secret:\n%s", out.String())
	}
}

func TestUnknownProfile(t *testing.T) {
	_, getenv := writeConfig(t, twoAccounts)
	f, err := Load(Options{Getenv: getenv, Themes: themes})
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.Resolve(screenFlags(), "clientb", getenv)
	if err == nil || !strings.Contains(err.Error(), `--profile clientb`) || !strings.Contains(err.Error(), `did you mean "client-b"?`) {
		t.Errorf("--profile clientb: %v", err)
	}
}

// The window and the alerts default like the other screen flags: the
// profile over the file's top level, the command line over both.
func TestWindowAndNotifyFromTheFile(t *testing.T) {
	const body = "window = \"30m\"\nnotify = \"bell\"\nnotify_cmd = \"pager --json\"\n" +
		"[profiles.a]\naccount_id = \"a\"\nclient_id = \"c\"\nclient_secret_env = \"S\"\nwindow = \"1h\"\n"
	for _, c := range []struct {
		args                      []string
		window, notify, notifyCmd string
	}{
		{nil, "1h0m0s", "bell", "pager --json"},
		{[]string{"--window", "15m", "--notify", "off"}, "15m0s", "off", "pager --json"},
	} {
		_, getenv := writeConfig(t, body)
		f, err := Load(Options{Getenv: getenv, Themes: themes})
		if err != nil {
			t.Fatal(err)
		}
		fs := screenFlags()
		if err := fs.Parse(c.args); err != nil {
			t.Fatal(err)
		}
		if _, err := f.Resolve(fs, "a", getenv); err != nil {
			t.Fatal(err)
		}
		for name, want := range map[string]string{"window": c.window, "notify": c.notify, "notify-cmd": c.notifyCmd} {
			if got := fs.Lookup(name).Value.String(); got != want {
				t.Errorf("%v: --%s is %q, want %q", c.args, name, got, want)
			}
		}
	}
}
