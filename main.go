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
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui"
	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := exitCode(run(ctx, os.Args[1:], os.Stdout, os.Stderr), os.Stderr)
	stop()
	os.Exit(code)
}

// usageErr is a command-line mistake: exit status 2, with its reason on
// one line.
type usageErr struct{ msg string }

func (e usageErr) Error() string { return e.msg }

// usageError says what is wrong with the command line of cmd and where
// its flags are explained.
func usageError(cmd *cobra.Command, format string, args ...any) error {
	return usageErr{fmt.Sprintf(format, args...) + fmt.Sprintf(" (see '%s --help')", cmd.CommandPath())}
}

// exitCode prints err and turns it into the exit status: 0 for success
// and asked-for help, 2 for a command-line mistake, 1 for anything else.
func exitCode(err error, stderr io.Writer) int {
	var u usageErr
	switch {
	case err == nil:
		return 0
	case errors.As(err, &u):
		// One line, so a script's log or a terminal shows the whole reason.
		fmt.Fprintln(stderr, "qostop:", strings.ReplaceAll(u.msg, "\n", "; "))
		return 2
	}
	fmt.Fprintln(stderr, "qostop:", err)
	return 1
}

// run executes the command line args. Errors cobra finds before a
// command runs (an unknown flag or command, a malformed value, the wrong
// number of IDs) are usage errors.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	root, ran := newRoot(stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	var u usageErr
	if err != nil && !*ran && !errors.As(err, &u) {
		return usageErr{err.Error() + " (see 'qostop --help')"}
	}
	return err
}

// newRoot builds the command tree, writing to stdout and stderr. ran
// becomes true once a command's own code starts, after cobra has parsed
// and checked the command line.
//
// cobra (rather than the standard flag package) because qostop needs
// what it does out of the box: flags before or after the IDs, help per
// command, shell completion and a --version flag.
func newRoot(stdout, stderr io.Writer) (*cobra.Command, *bool) {
	ran := new(bool)
	cobra.EnableCommandSorting = false // the list reads in the order a newcomer needs it
	root := newScreenCmd("qostop", "list the live meetings of your Zoom account; enter opens one", 0)
	root.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		hint := ""
		if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
			hint = fmt.Sprintf("; did you mean %q?", s[0])
		} else if strings.Trim(args[0], "0123456789") == "" {
			hint = "; to open a meeting by its ID, run 'qostop meeting " + args[0] + "'"
		}
		return usageError(cmd, "unknown command %q%s", args[0], hint)
	}
	root.Version = versionText(debug.ReadBuildInfo())
	root.SetVersionTemplate("{{.Version}}\n")
	root.Long = "qostop: a terminal monitor for the live quality of a Zoom call."
	// One template, as cobra's own commands (completion, help) inherit
	// the root's.
	root.SetUsageTemplate("{{if .HasParent}}" + cmdUsage + "{{else}}" + rootUsage + "{{end}}")
	root.PersistentPreRun = func(*cobra.Command, []string) { *ran = true }
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return usageError(cmd, "%v", err) })
	root.SilenceErrors, root.SilenceUsage = true, true
	root.AddCommand(
		newScreenCmd("meetings [flags]", "list the live meetings; enter opens one (the default)", 0),
		newDemoCmd(),
		newScreenCmd("meeting [flags] MEETING", "everyone in one meeting, worst first; enter watches one", 1),
		newScreenCmd("watch [flags] MEETING PARTICIPANT", "monitor one participant's QoS live", 2),
		newSnapshotCmd(),
		newSimCmd(),
		newCmd("version", "print the version and the commit qostop was built from", "", "", noArgs,
			func(cmd *cobra.Command, _ []string) error {
				_, err := fmt.Fprintln(cmd.OutOrStdout(), cmd.Root().Version)
				return err
			}),
	)
	root.SuggestionsMinimumDistance = 2
	root.SetOut(stdout)
	root.SetErr(stderr)
	completionCmd(root) // after SetOut: cobra's completion command keeps the writer it finds
	return root, ran
}

// completionCmd makes cobra's `completion` command say which shells
// there are when given none or another, as a usage error: by itself it
// prints its help and exits 0.
func completionCmd(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	const shells = "bash, zsh, fish or powershell"
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Short = "print the shell completion script for " + shells
		c.Args = func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError(cmd, "unknown shell %q: want %s", args[0], shells)
			}
			return nil
		}
		c.RunE = func(cmd *cobra.Command, _ []string) error {
			return usageError(cmd, "want a shell: %s, e.g. 'source <(qostop completion bash)'", shells)
		}
	}
}

// rootUsage lists the commands with their arguments, which cobra's
// default leaves to each command's help.
const rootUsage = `Usage:{{range .Commands}}{{if .IsAvailableCommand}}
  qostop {{rpad .Use 39}} {{.Short}}{{end}}{{end}}
  qostop --version

'qostop' alone lists the live meetings and takes the flags of 'qostop meetings'.
Run 'qostop COMMAND --help' for a command's flags.
` + envHelp

// cmdUsage is every command's help below its summary: the synopsis, the
// flags, then the environment it reads (the "env" annotation).
const cmdUsage = `Usage:
  {{.UseLine}}{{if .HasAvailableSubCommands}}

Commands:{{range .Commands}}{{if .IsAvailableCommand}}
  {{rpad .Name .NamePadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flags:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}
{{index .Annotations "env"}}`

const idHelp = `MEETING is the meeting's numeric ID (85012345678) or its UUID, as 'qostop
meetings' lists it.`

const participantHelp = `
PARTICIPANT is the participant's user_id, as 'qostop meeting MEETING' or
'qostop snapshot MEETING' lists it.`

const envHelp = `
Environment:
  ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET
        credentials of a Server-to-Server OAuth app with the Dashboard scopes
        (dashboard_meetings:read:admin, or the granular dashboard:read:* ones)
  ZOOM_API_URL, ZOOM_OAUTH_URL
        override the API and token URLs (as --api-url, --oauth-url)
` + colourLine

// colourEnv is all the demo reads of the environment.
const colourEnv = "\nEnvironment:\n" + colourLine

const colourLine = "  NO_COLOR\n        set to anything to draw without colour\n"

// newCmd is a command with qostop's help layout; env is the environment
// section of its help.
func newCmd(use, short, long, env string, args cobra.PositionalArgs, run func(*cobra.Command, []string) error) *cobra.Command {
	c := &cobra.Command{Use: use, Short: short, Long: "qostop " + strings.Fields(use)[0] + ": " + short + long,
		Args: args, RunE: run, Annotations: map[string]string{"env": env}}
	return c
}

// wantArgs checks the number of IDs against the synopsis of cmd.
func wantArgs(lo, hi int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) >= lo && len(args) <= hi {
			return nil
		}
		want := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(cmd.Use, cmd.Name()), " [flags]"))
		if want == "" {
			want = "no arguments"
		}
		return usageError(cmd, "want %s, got %d: %q", want, len(args), args)
	}
}

var noArgs = wantArgs(0, 0)

// apiFlags are the flags of every command that talks to Zoom.
type apiFlags struct {
	apiURL, oauthURL string
	gov              bool
	timeout          time.Duration
	meetingType      string
	debugLog         string
}

func (f *apiFlags) register(c *cobra.Command) {
	fs := c.Flags()
	fs.StringVar(&f.apiURL, "api-url", "", "Zoom API base `URL` (default $ZOOM_API_URL, else "+fetch.DefaultAPIURL+")")
	fs.StringVar(&f.oauthURL, "oauth-url", "", "OAuth token `URL` (default $ZOOM_OAUTH_URL, else "+fetch.DefaultOAuthURL+")")
	fs.BoolVar(&f.gov, "gov", false, "use Zoom for Government hosts ("+fetch.GovAPIURL+")")
	fs.DurationVar(&f.timeout, "timeout", 10*time.Second, "time limit for each HTTP request")
	fs.StringVar(&f.meetingType, "type", "live", "live, or past for a meeting that has ended")
	fs.StringVar(&f.debugLog, "debug-log", "", "append one line per HTTP request to `FILE` (credentials and tokens are never written)")
	complete(c, "type", string(model.Live), string(model.Past))
}

// check reports the mistakes in the flags themselves, before anything
// reads the environment or the network.
func (f *apiFlags) check(cmd *cobra.Command) (model.MeetingType, error) {
	if f.timeout <= 0 {
		return "", usageError(cmd, "--timeout %s: want a positive duration, e.g. 10s", f.timeout)
	}
	switch t := model.MeetingType(strings.ToLower(f.meetingType)); t {
	case model.Live, model.Past:
		return t, nil
	}
	return "", usageError(cmd, "--type %q: want live or past", f.meetingType)
}

// client is a Zoom client from the flags and the environment, and a
// function that closes the debug log, if any.
func (f *apiFlags) client(maxWait time.Duration) (*fetch.Client, func() error, error) {
	cfg := fetch.ConfigFromEnv(os.Getenv)
	cfg.APIURL, cfg.OAuthURL = orDefault(f.apiURL, cfg.APIURL), orDefault(f.oauthURL, cfg.OAuthURL)
	cfg.Timeout, cfg.MaxWait = f.timeout, maxWait
	if f.gov {
		cfg.APIURL, cfg.OAuthURL = orDefault(cfg.APIURL, fetch.GovAPIURL), orDefault(cfg.OAuthURL, fetch.GovOAuthURL)
	}
	if err := cfg.Validate(); err != nil {
		if cfg.MissingCredentials() {
			err = fmt.Errorf("%w\n(to try qostop without a Zoom account, run 'qostop demo')", err)
		}
		return nil, nil, err
	}
	closeLog := func() error { return nil }
	if f.debugLog != "" {
		file, err := os.OpenFile(f.debugLog, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot open the debug log: %w", err)
		}
		cfg.DebugLog, closeLog = file, file.Close
	}
	c, err := fetch.New(cfg)
	return c, closeLog, err
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// complete offers fixed values for a flag in shell completion.
func complete(c *cobra.Command, flag string, values ...string) {
	_ = c.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// viewFlags are the flags of the screens.
type viewFlags struct {
	interval   time.Duration
	thresholds string
	theme      string
	ascii      bool
	redact     bool
}

func (f *viewFlags) register(c *cobra.Command, interval, floor time.Duration, why string) {
	fs := c.Flags()
	fs.DurationVar(&f.interval, "interval", interval, fmt.Sprintf("time between polls, e.g. 5s (at least %s; %s)", floor, why))
	fs.StringVar(&f.thresholds, "thresholds", "", "health limits as name=warn:critical, e.g. latency=150:300,jitter=30:60,loss=1:5 (also maxloss, cpu, rssi)")
	fs.StringVar(&f.theme, "theme", "dark", "colours: "+strings.Join(theme.Names, ", "))
	fs.BoolVar(&f.ascii, "ascii", false, "draw sparklines and borders with ASCII only, for fonts without block glyphs")
	fs.BoolVar(&f.redact, "redact", false, redactHelp+" (key R toggles)")
	complete(c, "theme", theme.Names...)
}

// uiConfig is the screens' config from the flags, without its Source.
// An interval of 0 is refused here: ui.Config would take it for "the
// default".
func (f *viewFlags) uiConfig(cmd *cobra.Command, minInterval time.Duration) (ui.Config, error) {
	if f.interval <= 0 {
		return ui.Config{}, usageError(cmd, "--interval %s: want a positive duration, at least %s", f.interval, minInterval)
	}
	th, err := model.ParseThresholds(model.DefaultThresholds(), f.thresholds)
	if err != nil {
		return ui.Config{}, usageError(cmd, "--thresholds: %v", err)
	}
	t, err := theme.ByName(f.theme)
	if err != nil {
		return ui.Config{}, usageError(cmd, "--theme: %v", err)
	}
	return ui.Config{Interval: f.interval, MinInterval: minInterval, Thresholds: th, Theme: t, ASCII: f.ascii,
		Redact: f.redact}, nil
}

// newScreenCmd is a command that runs the UI against Zoom, on the screen
// that npos IDs choose: none, the meeting list; a meeting, its overview;
// a meeting and a participant, the watch screen. They share their flags.
func newScreenCmd(use, short string, npos int) *cobra.Command {
	var af apiFlags
	var vf viewFlags
	long := ""
	if npos > 0 {
		long = "\n\n" + idHelp
	}
	if npos > 1 {
		long += participantHelp
	}
	c := newCmd(use, short, long, envHelp, wantArgs(npos, npos), func(cmd *cobra.Command, pos []string) error {
		typ, err := af.check(cmd)
		if err != nil {
			return err
		}
		if npos == 0 && typ == model.Past {
			// The list screen asks Zoom for live meetings only; taking
			// --type past here showed live meetings as if ended.
			return usageError(cmd, "--type past: the meeting list shows live meetings only; open an ended meeting "+
				"with 'qostop meeting MEETING --type past' or 'qostop snapshot MEETING --type past'")
		}
		cfg, err := vf.uiConfig(cmd, ui.DefaultMinInterval)
		if err != nil {
			return err
		}
		client, closeLog, err := af.client(0)
		if err != nil {
			return err
		}
		defer closeLog()
		cfg.Source, cfg.Type = client, typ
		if npos > 0 {
			cfg.MeetingID = pos[0]
		}
		if npos > 1 {
			cfg.ParticipantID = pos[1]
		}
		return runUI(cmd, cmd.Context(), cfg)
	})
	af.register(c)
	if npos == 0 {
		c.Flags().Lookup("type").Usage = "live: the list shows meetings in progress (an ended one opens with 'qostop meeting MEETING --type past')"
	}
	vf.register(c, ui.DefaultInterval, ui.DefaultMinInterval, "Zoom samples once a minute")
	return c
}

// runUI runs the screens. cfg, now with its Source, is checked first:
// what is still wrong with it came from the flags.
func runUI(cmd *cobra.Command, ctx context.Context, cfg ui.Config) error {
	if err := cfg.Validate(); err != nil {
		return usageError(cmd, "%v", err)
	}
	if err := cursorTerminal(os.Getenv("TERM")); err != nil {
		return err
	}
	m, err := ui.New(cfg)
	if err != nil {
		return err
	}
	_, err = tea.NewProgram(m, tea.WithAltScreen(), tea.WithContext(ctx), tea.WithFPS(20)).Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // interrupted: a normal way out
	}
	return err
}

func newDemoCmd() *cobra.Command {
	var vf viewFlags
	so := simFlags{sampleEvery: 3 * time.Second, hostileNote: "; the demo opens their watch screen"}
	c := newCmd("demo [flags]", "browse simulated calls: no credentials needed", "", colourEnv, noArgs,
		func(cmd *cobra.Command, _ []string) error {
			cfg, err := vf.uiConfig(cmd, time.Second)
			if err != nil {
				return err
			}
			if err := so.validate(cmd); err != nil {
				return err
			}
			ctx, cancel := context.WithCancel(cmd.Context())
			defer cancel()
			base, err := sim.Start(ctx, so.options())
			if err != nil {
				return err
			}
			client, err := fetch.New(fetch.Config{APIURL: base + "/v2", OAuthURL: base + "/oauth/token",
				AccountID: sim.DemoAccountID, ClientID: sim.DemoClientID, ClientSecret: sim.DemoClientSecret,
				Timeout: 5 * time.Second})
			if err != nil {
				return err
			}
			// The demo starts where `qostop` does, on the list of live meetings.
			cfg.Source, cfg.Type = client, model.Live
			if so.hostile {
				cfg.MeetingID, cfg.ParticipantID = sim.DemoMeetingID, sim.HostileParticipantID // the one to prove harmless
			}
			return runUI(cmd, ctx, cfg)
		})
	vf.register(c, time.Second, time.Second, "the simulator samples every --sample-every")
	so.register(c)
	return c
}

// redactHelp says what --redact hides: model.Redact's fields.
const redactHelp = "hide user names, emails, IP and MAC addresses, PC names and locations, for sharing the screen"

// simFlags shape the simulator for `sim` and `demo`.
type simFlags struct {
	seed        int64
	sampleEvery time.Duration
	faults      float64
	qps         float64
	hostile     bool
	endAfter    time.Duration
	hostileNote string // what --hostile adds in this command
}

func (f *simFlags) register(c *cobra.Command) {
	fs := c.Flags()
	fs.Int64Var(&f.seed, "seed", 1, "seed of the simulated calls: the same seed gives the same calls")
	fs.DurationVar(&f.sampleEvery, "sample-every", f.sampleEvery, "time between simulated QoS samples (Zoom: 1m)")
	fs.Float64Var(&f.faults, "faults", 0, "share of API requests (0 to 1) answered with a random failure")
	fs.Float64Var(&f.qps, "qps", 0, "answer requests beyond this many a second with 429, as Zoom does (0: no limit)")
	fs.BoolVar(&f.hostile, "hostile", false, "add participant "+sim.HostileParticipantID+
		", whose name carries terminal escape sequences (a window title, a screen clear, a clipboard write)"+f.hostileNote)
	fs.DurationVar(&f.endAfter, "end-after", 0, "end the meeting "+sim.DemoMeetingID+" this long after starting, e.g. 5m, to see a meeting end mid-watch (0: never)")
}

func (f *simFlags) validate(cmd *cobra.Command) error {
	if f.faults < 0 || f.faults > 1 {
		return usageError(cmd, "--faults %g: want a share from 0 to 1", f.faults)
	}
	return nil
}

func (f *simFlags) options() sim.Options {
	return sim.Options{Seed: f.seed, SampleEvery: f.sampleEvery, Faults: f.faults, QPS: f.qps, Hostile: f.hostile,
		EndAfter: f.endAfter}
}

func newSimCmd() *cobra.Command {
	var listen string
	so := simFlags{sampleEvery: time.Minute}
	c := newCmd("sim [flags]", "run the Zoom API simulator alone, for trying qostop",
		"\n\nIt prints the environment to export for the other commands, and its meetings.", "", noArgs,
		func(cmd *cobra.Command, _ []string) error {
			if err := so.validate(cmd); err != nil {
				return err
			}
			s := sim.New(so.options())
			if err := s.ListenAndServe(cmd.Context(), listen, func(base string) { s.Banner(cmd.OutOrStdout(), base) }); err != nil {
				return fmt.Errorf("the simulator cannot serve on %s: %w; choose another address with --listen", listen, err)
			}
			return nil
		})
	c.Flags().StringVar(&listen, "listen", "127.0.0.1:8080", "address to serve on")
	so.register(c)
	return c
}

func newSnapshotCmd() *cobra.Command {
	var af apiFlags
	var format, thresholds string
	var maxWait time.Duration
	var redact bool
	c := newCmd("snapshot [flags] MEETING [PARTICIPANT]", "fetch QoS once and print it (JSON or a table)",
		"\n\n"+idHelp+participantHelp, envHelp, wantArgs(1, 2), func(cmd *cobra.Command, pos []string) error {
			typ, err := af.check(cmd)
			if err != nil {
				return err
			}
			if format == "" {
				format = "json"
				if isTerminal(cmd.OutOrStdout()) {
					format = "table"
				}
			}
			if format != "json" && format != "table" {
				return usageError(cmd, "--format %q: want json or table", format)
			}
			if maxWait < 0 {
				return usageError(cmd, "--max-wait %s: want 0 (do not wait) or more", maxWait)
			}
			th, err := model.ParseThresholds(model.DefaultThresholds(), thresholds)
			if err != nil {
				return usageError(cmd, "--thresholds: %v", err)
			}
			client, closeLog, err := af.client(maxWait)
			if err != nil {
				return err
			}
			defer closeLog()
			return snapshot(cmd.Context(), cmd.OutOrStdout(), client, pos, typ, format, th, redact)
		})
	af.register(c)
	fs := c.Flags()
	fs.StringVar(&format, "format", "", "json or table (default: table on a terminal, json otherwise)")
	fs.DurationVar(&maxWait, "max-wait", 30*time.Second, "when rate limited, wait up to this long for Retry-After before giving up")
	fs.StringVar(&thresholds, "thresholds", "", "health limits for the table's markers, as for watch")
	fs.BoolVar(&redact, "redact", false, redactHelp)
	complete(c, "format", "json", "table")
	return c
}

// snapshot prints one meeting (pos: MEETING) or one participant (MEETING
// PARTICIPANT) once.
func snapshot(ctx context.Context, w io.Writer, client *fetch.Client, pos []string, typ model.MeetingType,
	format string, th model.Thresholds, redact bool) error {
	var snap any
	var table func() error
	if len(pos) == 1 {
		ps, err := client.MeetingQoS(ctx, pos[0], typ)
		if err != nil {
			return err
		}
		for i := range ps {
			ps[i] = redacted(ps[i], redact)
		}
		s := model.NewMeetingSnapshot(pos[0], typ, ps)
		snap, table = s, func() error { return ui.WriteMeetingTable(w, s, th) }
	} else {
		p, err := client.ParticipantQoS(ctx, pos[0], pos[1], typ)
		if err != nil {
			return err
		}
		s := model.NewSnapshot(pos[0], typ, redacted(p, redact))
		snap, table = s, func() error { return ui.WriteTable(w, s, th) }
	}
	if format == "table" {
		return table()
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(snap)
}

func redacted(p model.Participant, on bool) model.Participant {
	if on {
		return model.Redact(p)
	}
	return p
}

// cursorTerminal refuses a terminal that cannot address the cursor (TERM
// dumb or unset, as in Emacs shells or some CI logs), where the screens
// would print a mess of escape sequences. Windows consoles set no TERM.
func cursorTerminal(term string) error {
	if (term == "" && runtime.GOOS != "windows") || term == "dumb" {
		return fmt.Errorf("this terminal (TERM=%q) cannot move the cursor, which the live screens need; "+
			"for a printout, run 'qostop snapshot MEETING --format table'", term)
	}
	return nil
}

// isTerminal reports whether w is a character device, the cue for
// human-readable output.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// versionText is what --version and `qostop version` print: the module
// version, the commit (and whether the tree had uncommitted changes) and
// the Go release, as the build recorded them.
func versionText(info *debug.BuildInfo, ok bool) string {
	if !ok {
		return "qostop (version unknown: built without module information), " + runtime.Version()
	}
	vcs := map[string]string{}
	for _, s := range info.Settings {
		vcs[s.Key] = s.Value
	}
	commit := "commit unknown (built without VCS information)"
	if rev := vcs["vcs.revision"]; rev != "" {
		commit = "commit " + rev
		if t := vcs["vcs.time"]; t != "" {
			commit += " of " + t
		}
		if vcs["vcs.modified"] == "true" {
			commit += ", with uncommitted changes"
		}
	}
	return fmt.Sprintf("qostop %s, %s, %s", orDefault(info.Main.Version, "(devel)"), commit, info.GoVersion)
}
