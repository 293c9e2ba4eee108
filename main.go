// Command qostop is a terminal monitor for the live quality of a Zoom call:
// it polls Zoom's Dashboard QoS API and draws latency, jitter, loss and
// bitrate per direction as sparklines.
//
// main does only wiring: flags and environment -> configs -> Validate ->
// a fetch.Client -> the UI or a one-shot printer. Everything else lives in
// model (domain), fetch (Zoom and its simulator), theme and ui.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui"
)

// errUsage marks a command-line mistake: exit status 2, as flag does.
var errUsage = errors.New("usage")

// usageErr is a command-line mistake with its explanation; it is errUsage
// to errors.Is, so it exits 2.
type usageErr string

func (e usageErr) Error() string        { return string(e) }
func (e usageErr) Is(target error) bool { return target == errUsage }

func usageError(format string, args ...any) error { return usageErr(fmt.Sprintf(format, args...)) }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
	case errors.Is(err, errUsage):
		if err != errUsage { // bare errUsage: flag or usage() already said why
			fmt.Fprintln(os.Stderr, "qostop:", err)
		}
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "qostop:", err)
		os.Exit(1)
	}
}

// command is one subcommand: its synopsis for help, and how it runs.
type command struct {
	name, args, summary string
	run                 func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"meetings", "[flags]", "list the live meetings; enter opens one (the default)", runList},
		{"demo", "[flags]", "browse simulated calls: no credentials needed", runDemo},
		{"meeting", "[flags] MEETING", "everyone in one meeting, worst first; enter watches one", runMeeting},
		{"watch", "[flags] MEETING PARTICIPANT", "monitor one participant's QoS live", runWatch},
		{"snapshot", "[flags] MEETING [PARTICIPANT]", "fetch QoS once and print it (JSON or a table)", runSnapshot},
		{"sim", "[flags]", "run the Zoom API simulator alone, for trying qostop", runSim},
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (strings.HasPrefix(args[0], "-") && !isHelp(args[0])) {
		return runList(ctx, args, stdout, stderr) // flags alone are the list's
	}
	name := args[0]
	if isHelp(name) {
		usage(stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "qostop: unknown command %q\n\n", name)
	usage(stderr)
	return errUsage
}

func isHelp(arg string) bool {
	return arg == "-h" || arg == "--help" || arg == "-help" || arg == "help"
}

func usage(w io.Writer) {
	fmt.Fprint(w, "qostop: a terminal monitor for the live quality of a Zoom call.\n\nUsage:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  qostop %-9s %-30s %s\n", c.name, c.args, c.summary)
	}
	fmt.Fprint(w, "\nRun 'qostop COMMAND --help' for a command's flags.\n"+envHelp)
}

const idHelp = `
MEETING is the meeting's numeric ID (85012345678) or its UUID; PARTICIPANT is
the participant's user_id, as 'qostop meeting MEETING' or
'qostop snapshot MEETING' lists it.
`

const envHelp = `
Environment:
  ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET
        credentials of a Server-to-Server OAuth app with the Dashboard scopes
        (dashboard_meetings:read:admin, or the granular dashboard:read:* ones)
  ZOOM_API_URL, ZOOM_OAUTH_URL
        override the API and token URLs (as --api-url, --oauth-url)
  NO_COLOR
        set to anything to draw without colour
`

// newFlagSet makes a FlagSet whose -h output names the command, its
// arguments and the environment it reads.
func newFlagSet(name, args, summary string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "qostop %s: %s\n\nUsage: qostop %s %s\n", name, summary, name, args)
		if strings.Contains(args, "MEETING") {
			fmt.Fprint(fs.Output(), idHelp)
		}
		fmt.Fprint(fs.Output(), "\nFlags:\n")
		fs.PrintDefaults()
		fmt.Fprint(fs.Output(), envHelp)
	}
	return fs
}

// parseArgs parses flags wherever they stand among the positional
// arguments ("snapshot 123 --format json" and "snapshot --format json
// 123" alike), which the standard flag package alone does not.
//
// Asked for, help goes to stdout (so `qostop snapshot --help | less`
// works); after a mistake it goes with the error to stderr.
func parseArgs(fs *flag.FlagSet, args []string, stdout io.Writer, minPos, maxPos int) ([]string, error) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(stdout)
			fs.Usage()
			return nil, flag.ErrHelp
		}
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if len(pos) < minPos || len(pos) > maxPos {
		want := fmt.Sprintf("%d", minPos)
		if maxPos != minPos {
			want = fmt.Sprintf("%d to %d", minPos, maxPos)
		}
		fmt.Fprintf(fs.Output(), "qostop %s: want %s arguments, have %d\n\n", fs.Name(), want, len(pos))
		fs.Usage()
		return nil, errUsage
	}
	return pos, nil
}

// apiFlags are the flags of every command that talks to Zoom.
type apiFlags struct {
	apiURL, oauthURL string
	gov              bool
	timeout          time.Duration
	meetingType      string
	debugLog         string
}

func (f *apiFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.apiURL, "api-url", "", "Zoom API base `URL` (default $ZOOM_API_URL, else "+fetch.DefaultAPIURL+")")
	fs.StringVar(&f.oauthURL, "oauth-url", "", "OAuth token `URL` (default $ZOOM_OAUTH_URL, else "+fetch.DefaultOAuthURL+")")
	fs.BoolVar(&f.gov, "gov", false, "use Zoom for Government hosts ("+fetch.GovAPIURL+")")
	fs.DurationVar(&f.timeout, "timeout", 10*time.Second, "time limit for each HTTP request")
	fs.StringVar(&f.meetingType, "type", "live", "live, or past for a meeting that has ended")
	fs.StringVar(&f.debugLog, "debug-log", "", "append one line per HTTP request to `FILE` (credentials and tokens are never written)")
}

// config turns the flags and the environment into a validated fetch
// config. The debug log file, if any, is returned for the caller to close.
func (f *apiFlags) config() (fetch.Config, io.Closer, error) {
	cfg := fetch.Config{
		APIURL:       orDefault(f.apiURL, os.Getenv("ZOOM_API_URL")),
		OAuthURL:     orDefault(f.oauthURL, os.Getenv("ZOOM_OAUTH_URL")),
		AccountID:    os.Getenv("ZOOM_ACCOUNT_ID"),
		ClientID:     os.Getenv("ZOOM_CLIENT_ID"),
		ClientSecret: os.Getenv("ZOOM_CLIENT_SECRET"),
		Timeout:      f.timeout,
	}
	if f.gov {
		cfg.APIURL, cfg.OAuthURL = orDefault(cfg.APIURL, fetch.GovAPIURL), orDefault(cfg.OAuthURL, fetch.GovOAuthURL)
	}
	cfg.APIURL, cfg.OAuthURL = orDefault(cfg.APIURL, fetch.DefaultAPIURL), orDefault(cfg.OAuthURL, fetch.DefaultOAuthURL)
	if err := cfg.Validate(); err != nil {
		return cfg, nil, err
	}
	if f.debugLog == "" {
		return cfg, io.NopCloser(nil), nil
	}
	file, err := os.OpenFile(f.debugLog, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return cfg, nil, fmt.Errorf("cannot open the debug log: %w", err)
	}
	cfg.DebugLog = file
	return cfg, file, nil
}

func (f *apiFlags) typ() (model.MeetingType, error) {
	switch t := model.MeetingType(strings.ToLower(f.meetingType)); t {
	case model.Live, model.Past:
		return t, nil
	}
	return "", usageError("--type %q: want live or past", f.meetingType)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// viewFlags are the flags of the screens.
type viewFlags struct {
	interval   time.Duration
	thresholds string
	theme      string
	ascii      bool
	redact     bool
}

func (f *viewFlags) register(fs *flag.FlagSet, interval time.Duration) {
	fs.DurationVar(&f.interval, "interval", interval, "time between polls, e.g. 5s (at least 2s; Zoom samples once a minute)")
	fs.StringVar(&f.thresholds, "thresholds", "", "health limits as name=warn:critical, e.g. latency=150:300,jitter=30:60,loss=1:5 (also maxloss, cpu, rssi)")
	fs.StringVar(&f.theme, "theme", "dark", "colours: "+strings.Join(theme.Names, ", "))
	fs.BoolVar(&f.ascii, "ascii", false, "draw sparklines and borders with ASCII only, for fonts without block glyphs")
	fs.BoolVar(&f.redact, "redact", false, redactHelp+" (key R toggles)")
}

func (f *viewFlags) uiConfig(src ui.Source, minInterval time.Duration) (ui.Config, error) {
	th, err := model.ParseThresholds(model.DefaultThresholds(), f.thresholds)
	if err != nil {
		return ui.Config{}, err
	}
	t, err := theme.ByName(f.theme)
	if err != nil {
		return ui.Config{}, err
	}
	return ui.Config{
		Source:      src,
		Interval:    f.interval,
		MinInterval: minInterval,
		Thresholds:  th,
		Theme:       t,
		ASCII:       f.ascii,
		Redact:      f.redact,
	}, nil
}

func runWatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return runScreen(ctx, args, stdout, stderr, "watch", "[flags] MEETING PARTICIPANT", "monitor one participant's QoS live", 2)
}

func runMeeting(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return runScreen(ctx, args, stdout, stderr, "meeting", "[flags] MEETING",
		"everyone in one meeting, worst first; enter watches one", 1)
}

// runList is `qostop meetings`, and `qostop` alone. Alone and without
// credentials it says what to set, since that is what a first run lacks.
func runList(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 && (os.Getenv("ZOOM_ACCOUNT_ID") == "" || os.Getenv("ZOOM_CLIENT_ID") == "" ||
		os.Getenv("ZOOM_CLIENT_SECRET") == "") {
		usage(stderr)
		fmt.Fprint(stderr, "\nqostop alone lists the live meetings of your Zoom account: set ZOOM_ACCOUNT_ID,\n"+
			"ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET first (see the README), or try 'qostop demo'.\n")
		return errUsage
	}
	return runScreen(ctx, args, stdout, stderr, "meetings", "[flags]", "list the live meetings; enter opens one", 0)
}

// runScreen runs the UI against Zoom, on the screen that npos IDs choose:
// none, the meeting list; a meeting, its overview; a meeting and a
// participant, the watch screen. The screens share their flags.
func runScreen(ctx context.Context, args []string, stdout, stderr io.Writer, name, synopsis, summary string, npos int) error {
	fs := newFlagSet(name, synopsis, summary, stderr)
	var af apiFlags
	var vf viewFlags
	af.register(fs)
	vf.register(fs, 10*time.Second)
	pos, err := parseArgs(fs, args, stdout, npos, npos)
	if err != nil {
		return err
	}
	typ, err := af.typ()
	if err != nil {
		return err
	}
	fcfg, closer, err := af.config()
	if err != nil {
		return err
	}
	defer closer.Close()
	client, err := fetch.New(fcfg)
	if err != nil {
		return err
	}
	cfg, err := vf.uiConfig(client, 2*time.Second)
	if err != nil {
		return err
	}
	cfg.Type = typ
	if npos > 0 {
		cfg.MeetingID = pos[0]
	}
	if npos > 1 {
		cfg.ParticipantID = pos[1]
	}
	return runUI(ctx, cfg)
}

func runUI(ctx context.Context, cfg ui.Config) error {
	m, err := ui.New(cfg)
	if err != nil {
		return err
	}
	_, err = tea.NewProgram(m, tea.WithContext(ctx), tea.WithFPS(10)).Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil // interrupted: a normal way out
	}
	return err
}

func runDemo(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("demo", "[flags]", "browse simulated calls: no credentials needed", stderr)
	var vf viewFlags
	vf.register(fs, time.Second)
	so := simFlags{sampleEvery: 3 * time.Second}
	so.register(fs)
	if _, err := parseArgs(fs, args, stdout, 0, 0); err != nil {
		return err
	}
	if err := so.validate(); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ready := make(chan string, 1)
	errc := make(chan error, 1)
	go func() {
		errc <- sim.New(so.options()).ListenAndServe(ctx, "127.0.0.1:0", func(b string) { ready <- b })
	}()
	var base string
	select {
	case base = <-ready:
	case err := <-errc:
		return err
	}
	client, err := fetch.New(fetch.Config{
		APIURL:       base + "/v2",
		OAuthURL:     base + "/oauth/token",
		AccountID:    sim.DemoAccountID,
		ClientID:     sim.DemoClientID,
		ClientSecret: sim.DemoClientSecret,
		Timeout:      5 * time.Second,
	})
	if err != nil {
		return err
	}
	cfg, err := vf.uiConfig(client, time.Second)
	if err != nil {
		return err
	}
	// The demo starts where `qostop` does, on the list of live meetings.
	cfg.Type = model.Live
	if so.hostile {
		cfg.MeetingID, cfg.ParticipantID = sim.DemoMeetingID, sim.HostileParticipantID // the one to prove harmless
	}
	return runUI(ctx, cfg)
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
}

func (f *simFlags) register(fs *flag.FlagSet) {
	fs.Int64Var(&f.seed, "seed", 1, "seed of the simulated calls: the same seed gives the same calls")
	fs.DurationVar(&f.sampleEvery, "sample-every", f.sampleEvery, "time between simulated QoS samples (Zoom: 1m)")
	fs.Float64Var(&f.faults, "faults", 0, "share of API requests (0 to 1) answered with a random failure")
	fs.Float64Var(&f.qps, "qps", 0, "answer requests beyond this many a second with 429, as Zoom does (0: no limit)")
	fs.BoolVar(&f.hostile, "hostile", false, "add participant "+sim.HostileParticipantID+
		", whose name carries terminal escape sequences (a window title, a screen clear, a clipboard write); demo watches them")
	fs.DurationVar(&f.endAfter, "end-after", 0, "end the meeting "+sim.DemoMeetingID+" this long after starting, e.g. 5m, to see a meeting end mid-watch (0: never)")
}

func (f *simFlags) validate() error {
	if f.faults < 0 || f.faults > 1 {
		return usageError("--faults %g: want a share from 0 to 1", f.faults)
	}
	return nil
}

func (f *simFlags) options() sim.Options {
	return sim.Options{Seed: f.seed, SampleEvery: f.sampleEvery, Faults: f.faults, QPS: f.qps, Hostile: f.hostile,
		EndAfter: f.endAfter}
}

func runSim(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("sim", "[flags]", "run the Zoom API simulator alone, for trying qostop", stderr)
	listen := fs.String("listen", "127.0.0.1:8080", "address to serve on")
	so := simFlags{sampleEvery: time.Minute}
	so.register(fs)
	if _, err := parseArgs(fs, args, stdout, 0, 0); err != nil {
		return err
	}
	if err := so.validate(); err != nil {
		return err
	}
	s := sim.New(so.options())
	err := s.ListenAndServe(ctx, *listen, func(base string) {
		fmt.Fprintf(stdout, "Zoom API simulator listening on %s\n\n", base)
		fmt.Fprintf(stdout, "  export ZOOM_API_URL=%s/v2\n  export ZOOM_OAUTH_URL=%s/oauth/token\n", base, base)
		fmt.Fprintf(stdout, "  export ZOOM_ACCOUNT_ID=%s ZOOM_CLIENT_ID=%s ZOOM_CLIENT_SECRET=%s\n\n",
			sim.DemoAccountID, sim.DemoClientID, sim.DemoClientSecret)
		fmt.Fprintln(stdout, "Meetings:")
		for _, m := range s.Meetings() {
			state := fmt.Sprintf("live, %d people", len(m.Participants))
			if !m.Live {
				state = "ended: use --type past"
			}
			fmt.Fprintf(stdout, "  %s  %-20s %s (UUID %s)\n", m.ID, m.Topic, state, m.UUID)
		}
		fmt.Fprintf(stdout, "\nTry:\n  qostop snapshot %s %s --format table\n  qostop watch %s %s\n",
			sim.DemoMeetingID, sim.DemoParticipantID, sim.DemoMeetingID, sim.DemoParticipantID)
		if so.hostile {
			fmt.Fprintf(stdout, "  qostop watch %s %s   (the hostile name)\n", sim.DemoMeetingID, sim.HostileParticipantID)
		}
		fmt.Fprint(stdout, "\nCtrl+C stops.\n")
	})
	if err != nil {
		return fmt.Errorf("the simulator cannot serve on %s: %w; choose another address with --listen", *listen, err)
	}
	return nil
}

func runSnapshot(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	const synopsis = "[flags] MEETING [PARTICIPANT]"
	fs := newFlagSet("snapshot", synopsis, "fetch QoS once and print it (JSON or a table)", stderr)
	var af apiFlags
	af.register(fs)
	format := fs.String("format", "", "json or table (default: table on a terminal, json otherwise)")
	maxWait := fs.Duration("max-wait", 30*time.Second, "when rate limited, wait up to this long for Retry-After before giving up")
	thresholds := fs.String("thresholds", "", "health limits for the table's markers, as for watch")
	redact := fs.Bool("redact", false, redactHelp)
	pos, err := parseArgs(fs, args, stdout, 1, 2)
	if err != nil {
		return err
	}
	typ, err := af.typ()
	if err != nil {
		return err
	}
	if *format == "" {
		*format = "json"
		if isTerminal(stdout) {
			*format = "table"
		}
	}
	if *format != "json" && *format != "table" {
		return usageError("--format %q: want json or table", *format)
	}
	th, err := model.ParseThresholds(model.DefaultThresholds(), *thresholds)
	if err != nil {
		return err
	}
	fcfg, closer, err := af.config()
	if err != nil {
		return err
	}
	defer closer.Close()
	fcfg.MaxWait = *maxWait
	client, err := fetch.New(fcfg)
	if err != nil {
		return err
	}
	meetingID := pos[0]
	if len(pos) == 1 {
		ps, err := client.MeetingQoS(ctx, meetingID, typ)
		if err != nil {
			return err
		}
		if *redact {
			for i := range ps {
				ps[i] = model.Redact(ps[i])
			}
		}
		snap := model.NewMeetingSnapshot(meetingID, typ, ps)
		if *format == "table" {
			return ui.WriteMeetingTable(stdout, snap, th)
		}
		return writeJSON(stdout, snap)
	}
	p, err := client.ParticipantQoS(ctx, meetingID, pos[1], typ)
	if err != nil {
		return err
	}
	if *redact {
		p = model.Redact(p)
	}
	snap := model.NewSnapshot(meetingID, typ, p)
	if *format == "table" {
		return ui.WriteTable(stdout, snap, th)
	}
	return writeJSON(stdout, snap)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
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
