package main

// The flags every command shares and how they become the screens' and
// the Zoom client's configs; main.go keeps the command tree.

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/fetch/settings"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui"
	"github.com/qostop/qostop/ui/feed"
	"github.com/spf13/cobra"
)

// flags are every command's flags; each command registers the groups it
// takes, and check looks at those.
type flags struct {
	apiURL, oauthURL, meetingType, debugLog, format    string
	gov                                                bool
	timeout, maxWait                                   time.Duration
	interval, floor, window                            time.Duration
	thresholds, theme, record, notify, notifyCmd, sort string
	ascii, redact, utc, webinar                        bool
	sim                                                sim.Options
	budget                                             int
	push, subscription                                 string
	cf                                                 settings.Flags
	set                                                *settings.Resolved // the config file's, once check ran
}

// zoom registers the flags of a command that asks Zoom about one type of
// meeting, and with webinar those of one that takes MEETING.
func (f *flags) zoom(c *cobra.Command, webinar bool) {
	if webinar {
		c.Flags().BoolVar(&f.webinar, "webinar", false, "MEETING is a webinar (a /w/ link says so itself)")
	}
	f.reach(c, 0, "0: no cap of qostop's own; counted all the same")
	c.Flags().StringVar(&f.meetingType, "type", "live", "live, or past for a meeting that has ended")
	complete(c, "type", string(model.Live), string(model.Past))
}

// args reads MEETING PARTICIPANT into c (ui.ReadArgs); a mistyped one is a usage error.
func (f *flags) args(cmd *cobra.Command, client *fetch.Client, pos []string, n int, c *ui.Config) error {
	err := ui.ReadArgs(cmd.Context(), client, pos, n, f.webinar, c)
	if ui.Mistyped(err) {
		return usageError(cmd, "%v", err)
	}
	return err
}

// reach registers how to reach Zoom and how much to spend there.
func (f *flags) reach(c *cobra.Command, budget int, why string) {
	fs := c.Flags()
	fs.StringVar(&f.apiURL, "api-url", "", "Zoom API base `URL` (default $ZOOM_API_URL, else "+fetch.DefaultAPIURL+")")
	fs.StringVar(&f.oauthURL, "oauth-url", "", "OAuth token `URL` (default $ZOOM_OAUTH_URL, else "+fetch.DefaultOAuthURL+")")
	fs.BoolVar(&f.gov, "gov", false, "use Zoom for Government hosts ("+fetch.GovAPIURL+")")
	fs.DurationVar(&f.timeout, "timeout", 10*time.Second, "time limit for each HTTP request")
	f.debugLogFlag(c)
	fs.IntVar(&f.budget, "budget", budget, "cap of API requests per UTC day, `N`, all qostop processes of the user together ("+why+")")
	settings.RegisterFlags(fs, &f.cf)
}

// debugLogFlag registers --debug-log, which every command that asks Zoom
// (or the demo's simulator) takes: the errors that cannot say which
// request failed point at it.
func (f *flags) debugLogFlag(c *cobra.Command) {
	c.Flags().StringVar(&f.debugLog, "debug-log", "", "append one line per HTTP request to `FILE` (credentials and tokens are never written)")
}

// screens registers the flags of a command that draws the screens, which
// poll at interval by default and at floor at most.
func (f *flags) screens(c *cobra.Command, interval, floor time.Duration, why string) {
	fs := c.Flags()
	f.floor = floor
	fs.DurationVar(&f.interval, "interval", interval, fmt.Sprintf("time between polls, e.g. 5s (at least %s; %s)", floor, why))
	fs.DurationVar(&f.window, "window", 0, "time the watch screen's sparklines show, e.g. 15m, up to 24h "+
		"(default: the participant's time in the call, or a sample a column once that is longer; keys [ ] a)")
	fs.StringVar(&f.thresholds, "thresholds", "", "health limits as name=warn:critical, e.g. latency=150:300,jitter=30:60,loss=1:5 (also maxloss, cpu, rssi)")
	fs.StringVar(&f.theme, "theme", "auto", "colours: auto (dark or light, from the terminal's background), "+strings.Join(theme.Names, ", "))
	fs.BoolVar(&f.ascii, "ascii", false, "draw sparklines, charts and borders with ASCII only, for fonts without block glyphs or braille")
	fs.BoolVar(&f.redact, "redact", false, redactHelp+" (key R toggles)")
	fs.BoolVar(&f.utc, "utc", false, "show times in UTC rather than local time")
	f.alertFlags(c)
	fs.StringVar(&f.record, "record", "", recordHelp)
	complete(c, "theme", theme.Choices()...)
}

// pushFlags registers --push and --subscription; the demo's --push needs
// no value (its simulator pushes, its subscription is any).
func (f *flags) pushFlags(c *cobra.Command, demo bool) {
	fs := c.Flags()
	fs.StringVar(&f.push, "push", "", "qss: take each sample the moment Zoom pushes it (QoS Subscription Service, a paid add-on), "+
		"over a WebSocket, with polling as a backstop that fills any gap")
	if demo {
		fs.Lookup("push").NoOptDefVal = "qss"
		fs.Lookup("push").Usage = "the watch screen takes each sample from the simulator's QSS WebSocket (--push-every), with polling as a backstop"
		return
	}
	fs.StringVar(&f.subscription, "subscription", "", "with --push qss: the QSS subscription `ID` (or subscription in the profile)")
	complete(c, "push", "qss")
}

// pushSettings turns --push into the watch screen's push source; a
// mistake is a usage error.
func (f *flags) pushSettings(cmd *cobra.Command, client *fetch.Client, demo bool) (feed.PushSettings, error) {
	switch {
	case f.push == "":
		return feed.PushSettings{}, nil
	case f.push != "qss":
		return feed.PushSettings{}, usageError(cmd, "--push %q: want qss (Zoom's QoS Subscription Service)", f.push)
	case demo:
		return feed.PushSettings{API: client, Subscription: "demo"}, nil
	case strings.TrimSpace(f.subscription) == "":
		return feed.PushSettings{}, usageError(cmd, "--push qss needs the subscription: --subscription ID, or subscription in the profile")
	}
	return feed.PushSettings{API: client, Subscription: strings.TrimSpace(f.subscription)}, nil
}

// complete offers fixed values for a flag in shell completion.
func complete(c *cobra.Command, flag string, values ...string) {
	_ = c.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// check finds the mistakes in cmd's flags before anything reads the environment or the
// network, and gives the screens' config, without its Source. An interval of 0 is refused:
// ui.Config takes it for "the default".
func (f *flags) check(cmd *cobra.Command) (ui.Config, error) {
	bad := func(format string, args ...any) (ui.Config, error) {
		return ui.Config{}, usageError(cmd, format, args...)
	}
	set, err := settings.Apply(cmd.Flags(), f.cf, theme.Choices(), cmd.ErrOrStderr())
	if f.set = set; err != nil {
		return ui.Config{}, err
	}
	typ := model.MeetingType(strings.ToLower(f.meetingType))
	if err := f.firstValueError(cmd, typ); err != nil {
		return ui.Config{}, err
	}
	if err := f.loadReplay(); err != nil {
		return ui.Config{}, err
	}
	th, err := model.ParseThresholds(model.DefaultThresholds(), f.thresholds)
	if err != nil {
		return bad("--thresholds: %v", err)
	}
	t, err := theme.ByName(f.theme)
	if err != nil {
		return bad("--theme: %v", err)
	}
	return f.alerts(cmd, ui.Config{Type: typ, Interval: f.interval, MinInterval: f.floor, Thresholds: th, Theme: t, ASCII: f.ascii, Redact: f.redact,
		UTC: f.utc, Fixed: cmd.Flags().Changed("interval"), Record: f.set.RecordTo(f.record, ui.RecordOff),
		Account: f.set.Profile, Accent: f.set.Accent, Choices: f.set.Choices, Remember: f.set.Remember,
		Window: f.window})
}

// firstValueError is a usage error for the first flag given a value out of its range, in
// the order timeout, type, interval, format, max-wait, budget, faults; nil when none is.
// A flag the command does not take is not checked.
func (f *flags) firstValueError(cmd *cobra.Command, typ model.MeetingType) error {
	for _, c := range []struct {
		flag   string
		bad    bool
		format string
		args   []any
	}{
		{"timeout", f.timeout <= 0, "--timeout %s: want a positive duration, e.g. 10s", []any{f.timeout}},
		{"type", typ != model.Live && typ != model.Past, "--type %q: want live or past", []any{f.meetingType}},
		{"interval", f.interval <= 0, "--interval %s: want a positive duration, at least %s", []any{f.interval, f.floor}},
		{"format", f.format != "" && f.format != "json" && f.format != "table", "--format %q: want json or table", []any{f.format}},
		{"max-wait", f.maxWait < 0, "--max-wait %s: want 0 (do not wait) or more", []any{f.maxWait}},
		{"budget", f.budget < 0, "--budget %d: want 0 (no cap of qostop's own) or a number of requests per day", []any{f.budget}},
		{"faults", f.sim.Faults < 0 || f.sim.Faults > 1, "--faults %g: want a share from 0 to 1", []any{f.sim.Faults}},
	} {
		if c.bad && cmd.Flags().Lookup(c.flag) != nil {
			return usageError(cmd, c.format, c.args...)
		}
	}
	return nil
}

// config is the Zoom client's config from flags and environment, with the budget, and its log's closer.
// A budget state file that cannot be used is said on warn; counting goes on in memory.
func (f *flags) config(warn io.Writer) (fetch.Config, io.Closer, error) {
	cfg, closer, err := fetch.ConfigFromEnv(os.Getenv, fetch.Overrides{APIURL: f.apiURL, OAuthURL: f.oauthURL, Gov: f.gov,
		Timeout: f.timeout, MaxWait: f.maxWait, DebugLog: f.debugLog, Profile: f.set.Account, // check set f.set
		Budget: &fetch.BudgetOptions{Cap: f.budget, InMemory: f.cf.NoState}}) // the budget is the account's
	if err != nil && cfg.MissingCredentials() {
		err = fmt.Errorf("%w\n(to try qostop without a Zoom account, run 'qostop demo')", err)
	}
	if err := cfg.Budget.Status().Err; err != nil {
		fmt.Fprintf(warn, "qostop: warning: %s; counting today's requests in memory only\n", model.Sanitize(err.Error()))
	}
	return cfg, closer, err
}

// client is a Zoom client from config, and what closes its debug log.
func (f *flags) client(warn io.Writer) (*fetch.Client, io.Closer, error) {
	cfg, closer, err := f.config(warn)
	if err != nil {
		return nil, nil, err
	}
	c, err := fetch.New(cfg)
	return c, closer, err
}

// loadReplay reads --replay's recording (sim and demo) for the simulator
// to serve, as every recording is read: a regular file reached without a
// link, capped in size; a file cut mid-line loads, marked incomplete.
func (f *flags) loadReplay() error {
	if f.sim.ReplayFile == "" {
		return nil
	}
	rec, err := record.Load(f.sim.ReplayFile)
	if err != nil {
		return err
	}
	f.sim.Replay = &rec
	return nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
