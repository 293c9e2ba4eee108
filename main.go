// Command qostop is a terminal monitor for the live quality of a Zoom call:
// it polls Zoom's Dashboard QoS API and draws latency, jitter, loss and
// bitrate per direction as sparklines.
//
// main does only wiring: cobra commands turn flags and the environment
// into configs -> Validate -> a fetch.Client -> the UI or a one-shot
// printer. Everything else lives in model (domain), fetch (Zoom and its
// simulator), theme and ui.
package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/exporter"
	"github.com/qostop/qostop/fetch/settings"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui"
	"github.com/qostop/qostop/ui/report"
	"github.com/spf13/cobra"
)

func main() {
	// Every signal that ends qostop cancels ctx, so the screens restore the terminal: SIGHUP (the
	// terminal or ssh went away) and SIGQUIT (ctrl-\) used to kill it raw, the shell echoing nothing.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT)
	code := exitCode(run(ctx, os.Args[1:], os.Stdout, os.Stderr), os.Stderr)
	stop()
	os.Exit(code)
}

// usageErr is a command-line mistake: exit status 2, its reason on one line.
type usageErr struct{ msg string }

func (e usageErr) Error() string { return e.msg }

// usageError says what is wrong with cmd's command line and where its
// flags are explained.
func usageError(cmd *cobra.Command, format string, args ...any) error {
	return usageErr{fmt.Sprintf(format, args...) + fmt.Sprintf(" (see '%s --help')", cmd.CommandPath())}
}

// exitCode prints err and turns it into the exit status: 0 for success
// and asked-for help, 2 for a command-line mistake, 1 for anything else.
func exitCode(err error, stderr io.Writer) int {
	if u := (usageErr{}); errors.As(err, &u) {
		// One line, so a script's log or a terminal shows the whole reason.
		fmt.Fprintln(stderr, "qostop:", model.HideQueries(strings.ReplaceAll(u.msg, "\n", "; "))) // a join link's password
		return 2
	} else if err != nil {
		fmt.Fprintln(stderr, "qostop:", model.HideQueries(err.Error()))
		return 1
	}
	return 0
}

// run executes the command line args. What cobra refuses before a
// command runs (an unknown flag or command, a malformed value) is a
// usage error.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	root, ran := newRoot(stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err != nil && !*ran && !errors.As(err, new(usageErr)) {
		return usageErr{err.Error() + " (see 'qostop --help')"}
	}
	return err
}

// newRoot builds the command tree, writing to stdout and stderr. ran
// becomes true once a command's own code starts, after cobra has parsed
// and checked the command line.
func newRoot(stdout, stderr io.Writer) (*cobra.Command, *bool) {
	ran := new(bool)
	cobra.EnableCommandSorting = false // the list reads in the order a newcomer needs it
	root := newScreenCmd("qostop", "list the live meetings of your Zoom account; enter opens one", 0)
	root.Long = "qostop: a terminal monitor for the live quality of a Zoom call."
	root.Args = unknownCommand
	root.Version = "qostop (version unknown: built without module information)"
	if info, ok := debug.ReadBuildInfo(); ok {
		root.Version = versionText(info)
	}
	root.SetVersionTemplate("{{.Version}}\n")
	// One template, as cobra's own commands (completion, help) inherit the root's.
	root.SetUsageTemplate("{{if .HasParent}}" + cmdUsage + "{{else}}" + rootUsage + "{{end}}")
	root.PersistentPreRun = func(*cobra.Command, []string) { *ran = true }
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usageError(cmd, "%v", err) })
	root.SilenceErrors, root.SilenceUsage, root.SuggestionsMinimumDistance = true, true, 2
	root.AddCommand(
		newScreenCmd("meetings [flags]", "list the live meetings; enter opens one (the default)", 0),
		newDemoCmd(),
		newScreenCmd("meeting [flags] MEETING", "everyone in one meeting, worst first; enter watches one", 1),
		newScreenCmd("watch [flags] MEETING PARTICIPANT", "monitor one participant's QoS live", 2),
		newSnapshotCmd(),
		newScreenCmd("rooms [flags]", "the Zoom Rooms, worst first; enter on one in a meeting opens it", 0),
		newReportCmd(),
		newExporterCmd(),
		newSimCmd(),
		newConfigCmd(),
		newCmd("version", "print the version and the commit qostop was built from", "", "", 0, 0,
			func(cmd *cobra.Command, _ []string) error {
				_, err := fmt.Fprintln(cmd.OutOrStdout(), cmd.Root().Version)
				return err
			}),
	)
	root.SetOut(stdout)
	root.SetErr(stderr)
	completionCmd(root) // after SetOut: cobra's completion command keeps the writer it finds
	return root, ran
}

// newCmd is a command with qostop's help layout that takes lo to hi IDs;
// env is the environment section of its help.
func newCmd(use, short, long, env string, lo, hi int, run func(*cobra.Command, []string) error) *cobra.Command {
	c := &cobra.Command{Use: use, Short: short, Long: "qostop " + strings.Fields(use)[0] + ": " + short + long, RunE: run,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) >= lo && len(args) <= hi {
				return nil
			}
			want := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(cmd.Use, cmd.Name()), " [flags]"))
			if len(args) < lo {
				return missingIDs(cmd, want, args)
			}
			return usageError(cmd, "want %s, got %d: %q", orDefault(want, "no arguments"), len(args), args)
		}}
	c.SetUsageTemplate(cmdUsage + env)
	return c
}

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

// complete offers fixed values for a flag in shell completion.
func complete(c *cobra.Command, flag string, values ...string) {
	_ = c.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// check finds the mistakes in cmd's flags before anything reads the environment or the
// network, and gives the screens' config, without its Source. An interval of 0 is refused:
// ui.Config takes it for "the default".
func (f *flags) check(cmd *cobra.Command) (ui.Config, error) {
	has := func(name string) bool { return cmd.Flags().Lookup(name) != nil }
	bad := func(format string, args ...any) (ui.Config, error) {
		return ui.Config{}, usageError(cmd, format, args...)
	}
	set, err := settings.Apply(cmd.Flags(), f.cf, theme.Choices(), cmd.ErrOrStderr())
	if f.set = set; err != nil {
		return ui.Config{}, err
	}
	typ := model.MeetingType(strings.ToLower(f.meetingType))
	switch {
	case has("timeout") && f.timeout <= 0:
		return bad("--timeout %s: want a positive duration, e.g. 10s", f.timeout)
	case has("type") && typ != model.Live && typ != model.Past:
		return bad("--type %q: want live or past", f.meetingType)
	case has("interval") && f.interval <= 0:
		return bad("--interval %s: want a positive duration, at least %s", f.interval, f.floor)
	case has("format") && f.format != "" && f.format != "json" && f.format != "table":
		return bad("--format %q: want json or table", f.format)
	case has("max-wait") && f.maxWait < 0:
		return bad("--max-wait %s: want 0 (do not wait) or more", f.maxWait)
	case has("budget") && f.budget < 0:
		return bad("--budget %d: want 0 (no cap of qostop's own) or a number of requests per day", f.budget)
	case has("faults") && (f.sim.Faults < 0 || f.sim.Faults > 1):
		return bad("--faults %g: want a share from 0 to 1", f.sim.Faults)
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

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// newScreenCmd is a command that runs the UI against Zoom, on the screen
// that npos IDs choose: none, the meeting list; a meeting, its overview;
// a meeting and a participant, the watch screen.
func newScreenCmd(use, short string, npos int) *cobra.Command {
	var f flags
	var from, to string                      // the past meeting list's dates (meetings only)
	rooms := strings.HasPrefix(use, "rooms") // the Zoom Rooms: no meeting type, no dates
	long := []string{"", idHelp, idHelp + participantHelp}[npos]
	c := newCmd(use, short, long, envHelp, npos, npos, func(cmd *cobra.Command, pos []string) error {
		cfg, err := f.check(cmd)
		if err != nil {
			return err
		}
		if cfg.From, cfg.To, err = model.ParseDays(cfg.Type, from, to); npos == 0 && err != nil {
			return usageError(cmd, "%v", err)
		}
		client, closer, err := f.client(cmd.ErrOrStderr())
		if err != nil {
			return err
		}
		defer closer.Close()
		if err := f.args(cmd, client, pos, min(npos, 1), &cfg); err != nil {
			return err
		}
		cfg.Source, cfg.Budget, cfg.Rooms = client, client.Budget(), rooms
		return runUI(cmd.Context(), cmd, cfg, func(c *ui.Config) error { return f.args(cmd, client, pos, npos, c) })
	})
	if rooms {
		f.reach(c, 0, "0: no cap of qostop's own; counted all the same")
	} else if f.zoom(c, npos > 0); npos == 0 {
		c.Flags().Lookup("type").Usage = "live: the meetings in progress; past: the meetings that ended, started --from to --to"
		c.Flags().StringVar(&from, "from", "", "with --type past: the first day (`yyyy-mm-dd`, UTC) the meetings started (default today)")
		c.Flags().StringVar(&to, "to", "", "with --type past: the last day (`yyyy-mm-dd`, UTC) (default --from, or today)")
	}
	f.screens(c, ui.DefaultInterval, ui.DefaultMinInterval, "Zoom samples once a minute")
	return c
}

func newDemoCmd() *cobra.Command {
	var f flags
	c := newCmd("demo [flags]", "browse simulated calls: no credentials needed", "", colourEnv, 0, 0,
		func(cmd *cobra.Command, _ []string) error {
			cfg, err := f.check(cmd)
			if err != nil {
				return err
			}
			var debugLog io.Writer // nil, not a nil *os.File, when not asked for
			if f.debugLog != "" {
				file, err := fetch.OpenDebugLog(f.debugLog)
				if err != nil {
					return err
				}
				defer file.Close()
				debugLog = file
			}
			ctx, cancel := context.WithCancel(cmd.Context())
			defer cancel()
			base, err := sim.Start(ctx, f.sim)
			if err != nil {
				return err
			}
			client, err := fetch.New(fetch.Config{APIURL: base + "/v2", OAuthURL: base + "/oauth/token",
				AccountID: sim.DemoAccountID, ClientID: sim.DemoClientID, ClientSecret: sim.DemoClientSecret,
				Timeout: 5 * time.Second, DebugLog: debugLog, Simulated: true})
			if err != nil {
				return err
			}
			// The demo starts where `qostop` does, on the list of live meetings; it records only when asked.
			cfg.Source, cfg.Type, cfg.Record = client, model.Live, cmp.Or(cfg.Record, ui.RecordOff)
			if f.sim.Hostile {
				cfg.MeetingID, cfg.ParticipantID = sim.DemoMeetingID, sim.HostileParticipantID // the one to prove harmless
			}
			return runUI(ctx, cmd, cfg, nil)
		})
	f.screens(c, time.Second, time.Second, "the simulator samples every --sample-every")
	f.debugLogFlag(c)
	f.sim.RegisterFlags(c.Flags(), 3*time.Second)
	c.Flags().Lookup("hostile").Usage += "; the demo opens their watch screen"
	return c
}

func newSimCmd() *cobra.Command {
	var f flags
	var listen string
	c := newCmd("sim [flags]", "run the Zoom API simulator alone, for trying qostop",
		"\n\nIt prints the environment to export for the other commands, and its meetings.", "", 0, 0,
		func(cmd *cobra.Command, _ []string) error {
			if _, err := f.check(cmd); err != nil {
				return err
			}
			s := sim.New(f.sim)
			if err := s.ListenAndServe(cmd.Context(), listen, func(base string) { s.Banner(cmd.OutOrStdout(), base) }); err != nil {
				return fmt.Errorf("the simulator cannot serve on %s: %w; choose another address with --listen", listen, err)
			}
			return nil
		})
	c.Flags().StringVar(&listen, "listen", "127.0.0.1:8080", "address to serve on")
	f.sim.RegisterFlags(c.Flags(), time.Minute)
	return c
}

func newConfigCmd() *cobra.Command {
	var f flags
	c := newCmd("config [flags]", "print the settings in effect and where each came from", configHelp, settingsEnv, 0, 0,
		func(cmd *cobra.Command, _ []string) error {
			if _, err := f.check(cmd); err != nil {
				return err
			}
			return f.set.Print(cmd.OutOrStdout(), cmd.Flags(), os.Getenv)
		})
	f.reach(c, 0, "0: no cap of qostop's own")
	f.screens(c, ui.DefaultInterval, ui.DefaultMinInterval, "as for the screens")
	c.AddCommand(settings.Subcommands(&f.cf.Config, theme.Choices())...)
	return c
}

func newExporterCmd() *cobra.Command {
	f, o := flags{}, exporter.Options{}
	c := newCmd("exporter [flags]", "serve every live meeting's QoS as Prometheus metrics, within --budget",
		"\n\nIt serves /metrics and /healthz, logs to stderr and stops on SIGTERM. See docs/exporter.md.", "\nEnvironment:\n"+fetch.EnvHelp, 0, 0,
		func(cmd *cobra.Command, _ []string) error {
			if _, err := f.check(cmd); err != nil || f.interval < f.floor || o.Keep <= 0 {
				return cmp.Or(err, usageError(cmd, "--interval %s, --keep %s: want at least %s and a positive duration", f.interval, o.Keep, f.floor))
			}
			cfg, closer, err := f.config(io.Discard) // the exporter logs it
			if err != nil {
				return err
			}
			defer closer.Close()
			o.Config, o.Budget, o.Interval, o.Fixed = cfg, cfg.Budget, f.interval, cmd.Flags().Changed("interval")
			o.Logger = slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
			return exporter.Run(cmd.Context(), o)
		})
	f.reach(c, exporter.DefaultBudget, "leave the rest of the account's daily cap to people's own tools")
	o.RegisterFlags(c.Flags())
	f.floor = ui.DefaultMinInterval
	c.Flags().DurationVar(&f.interval, "interval", model.DefaultPollInterval, "poll every D while answers bring change; given, poll every D always")
	c.Flags().DurationVar(&f.maxWait, "max-wait", 30*time.Second, "when rate limited, wait up to this long for Retry-After before giving up")
	return c
}

func newSnapshotCmd() *cobra.Command {
	var f flags
	c := newCmd("snapshot [flags] MEETING [PARTICIPANT]", "fetch QoS once and print it (JSON or a table)",
		idHelp+participantHelp, envHelp, 1, 2, func(cmd *cobra.Command, pos []string) error {
			cfg, err := f.check(cmd)
			if err != nil {
				return err
			}
			client, closer, err := f.client(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer closer.Close()
			order, err := model.ParseSortColumn(f.sort)
			if err != nil {
				return usageError(cmd, "--sort %v", err)
			}
			if err := f.args(cmd, client, pos, len(pos), &cfg); err != nil {
				return err
			}
			ids := []string{cfg.MeetingID, cfg.ParticipantID}[:len(pos)]
			opts := report.Options{Type: cfg.Type, Thresholds: cfg.Thresholds, Redact: cfg.Redact, ASCII: cfg.ASCII, Sort: order}
			return report.PrintSnapshot(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), client, ids, opts, f.format)
		})
	f.zoom(c, true)
	fs := c.Flags()
	fs.StringVar(&f.format, "format", "", "json or table (default: table on a terminal, json otherwise)")
	fs.DurationVar(&f.maxWait, "max-wait", 30*time.Second, "when rate limited, wait up to this long for Retry-After before giving up")
	fs.StringVar(&f.thresholds, "thresholds", "", "health limits for the table's markers, as for watch")
	fs.BoolVar(&f.redact, "redact", false, redactHelp)
	fs.BoolVar(&f.ascii, "ascii", false, "mark the table's send and receive with ^ and v rather than arrows")
	fs.StringVar(&f.sort, "sort", "worst", "a meeting's order: worst (first, as the overview), name, or join (earliest first)")
	complete(c, "format", "json", "table")
	complete(c, "sort", model.SortChoices...)
	return c
}

func newReportCmd() *cobra.Command {
	f, o := flags{}, report.ReportOptions{}
	c := newCmd("report [flags] {MEETING | --from FILE}", "write an incident report: Markdown and a self-contained HTML page with charts",
		idHelp+"\nWith --from, the report is on a recording (--record) and asks Zoom nothing.", envHelp, 0, 1,
		func(cmd *cobra.Command, pos []string) error {
			cfg, err := f.check(cmd)
			if err != nil || (len(pos) == 1) == (o.From != "") {
				return cmp.Or(err, usageError(cmd, "want a MEETING or --from FILE: one of the two"))
			}
			o.ThresholdsGiven, o.Options = cmd.Flags().Changed("thresholds"), report.Options{Type: cfg.Type, Thresholds: cfg.Thresholds, Redact: cfg.Redact}
			var src report.MeetingSource
			if o.From == "" {
				client, closer, err := f.client(cmd.ErrOrStderr())
				if err != nil {
					return err
				}
				defer closer.Close()
				if err := f.args(cmd, client, pos, 1, &cfg); err != nil {
					return err
				}
				src, o.MeetingID = client, cfg.MeetingID
			}
			return report.WriteReport(cmd.Context(), cmd.OutOrStdout(), src, o)
		})
	f.zoom(c, true)
	fs := c.Flags()
	fs.StringVar(&o.From, "from", "", "report on the recording `FILE` rather than asking Zoom")
	fs.StringVar(&o.Out, "out", "", "write `PATH`.md and PATH.html (default qostop-report-MEETING in this directory)")
	fs.StringVar(&f.thresholds, "thresholds", "", "health limits, as for watch (default: a recording's own, else the defaults)")
	fs.BoolVar(&f.redact, "redact", false, redactHelp+", and the meeting's topic and host")
	return c
}
