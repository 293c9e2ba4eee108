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
		newReplayCmd(),
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
		if cfg.Push, err = f.pushSettings(cmd, client, false); err != nil {
			return err
		}
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
	f.pushFlags(c, false)
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
			if cfg.Push, err = f.pushSettings(cmd, client, true); err != nil {
				return err
			}
			if f.sim.Hostile {
				cfg.MeetingID, cfg.ParticipantID = sim.DemoMeetingID, sim.HostileParticipantID // the one to prove harmless
			}
			if cfg.Record != ui.RecordOff && cfg.MeetingID == "" {
				cfg.MeetingID = f.sim.MainMeeting() // --record FILE records one meeting: the demo opens it
			}
			return runUI(ctx, cmd, cfg, nil)
		})
	f.screens(c, time.Second, time.Second, "the simulator samples every --sample-every")
	f.debugLogFlag(c)
	f.sim.RegisterFlags(c.Flags(), 3*time.Second)
	f.pushFlags(c, true)
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
			ps, err := f.pushSettings(cmd, nil, false)
			if err != nil {
				return err
			}
			cfg, closer, err := f.config(io.Discard) // the exporter logs it
			if err != nil {
				return err
			}
			defer closer.Close()
			o.Config, o.Budget, o.Interval, o.Fixed = cfg, cfg.Budget, f.interval, cmd.Flags().Changed("interval")
			o.Subscription = ps.Subscription
			o.Logger = slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
			return exporter.Run(cmd.Context(), o)
		})
	f.reach(c, exporter.DefaultBudget, "leave the rest of the account's daily cap to people's own tools")
	o.RegisterFlags(c.Flags())
	f.pushFlags(c, false)
	c.Flags().Lookup("push").Usage = "qss: take participants' QoS from Zoom's QSS WebSocket (a paid add-on; needs no inbound port), " +
		"subscribing again after a drop; REST then only lists the meetings and polls one push has been silent about for 2m30s"
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
