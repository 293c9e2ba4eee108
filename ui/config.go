package ui

import (
	"errors"
	"fmt"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/notify"
	"github.com/qostop/qostop/ui/poll"
)

// Polling limits. Zoom samples once a minute, so polling faster than every
// few seconds only spends the account's shared rate limit.
const (
	DefaultInterval    = 10 * time.Second
	DefaultMinInterval = 2 * time.Second
)

// Config is what the UI needs from main: where to fetch, what to watch
// and how to draw it. Zero values of the optional fields pick defaults.
//
// The IDs choose the first screen: none, the list of live meetings; a
// meeting, its overview; a meeting and a participant, the watch screen.
type Config struct {
	Source        Source
	MeetingID     string
	ParticipantID string
	Type          model.MeetingType // "" means live
	// From and To are the dates the meeting list of past meetings spans
	// (qostop meetings --type past --from --to); zero means today (UTC).
	From, To time.Time

	// Interval is the time between polls (DefaultInterval when zero);
	// it may not be below MinInterval (DefaultMinInterval when zero; the
	// demo lowers it) nor above poll.MaxInterval.
	Interval, MinInterval time.Duration
	// Fixed polls every Interval (--interval given); otherwise polling
	// follows Zoom's minute (model.Cadence), at Interval while answers
	// bring change.
	Fixed bool
	// Budget is the day's request budget the Source counts against, for
	// the status bar and to slow polling near its end; nil is none.
	Budget *fetch.Budget
	// Push subscribes to Zoom's QoS push (QSS) for a live watch, beside
	// the poll (--push qss --subscription ID); the zero value is off.
	Push feed.PushSettings

	// Window is the time the watch screen's sparklines show (--window);
	// zero fits it to the call (model.FitWindow).
	Window time.Duration

	Thresholds model.Thresholds // zero value means model.DefaultThresholds
	Theme      theme.Theme      // zero value means theme.Dark
	ASCII      bool             // ASCII-only borders and sparklines

	// Profile is the colour profile styles are built for. Unknown (the
	// zero value) starts in true colour, which Bubble Tea's renderer
	// downsamples, until the program reports the terminal's profile
	// (tea.ColorProfileMsg, which honours NO_COLOR); tests fix it.
	Profile colorprofile.Profile
	// Now is the clock (time.Now when nil). Times are shown in the
	// location of the times it returns, so a test clock in UTC draws UTC.
	Now func() time.Time
	// UTC shows every time in UTC (--utc) rather than in Now's location.
	UTC bool
	// Rooms starts on the Zoom Rooms (qostop rooms) rather than the
	// meeting list.
	Rooms bool
	// Topic is the meeting topic for the header, if known.
	Topic string
	// Trail names the screens that led to this one, for the header's
	// breadcrumbs, e.g. ["Meetings", "Incident bridge"].
	Trail []string
	// Notify is how an alert sounds when someone newly turns critical
	// (--notify); "" is notify.Desktop. NotifyCmd also runs with the
	// alert as JSON (--notify-cmd). Terminal says how to write a desktop
	// notification to this terminal.
	Notify    notify.Mode
	NotifyCmd notify.Command
	Terminal  notify.Terminal
	// Redact starts with names, emails, addresses and locations hidden
	// (--redact); the R key toggles it.
	Redact bool
	// Choices are the window and overview order the user chose last
	// time (the theme arrives chosen, in Theme); Remember, if set, keeps
	// them again after each change, from a tea.Cmd. nil keeps nothing
	// (--no-state).
	Choices  model.Choices
	Remember func(model.Choices) error
	// Account is the config file's profile in use (--profile), named in
	// every screen's header so two accounts' screens are told apart;
	// Accent is its colour (#rrggbb, #rgb or an ANSI number), "" the theme's.
	Account, Accent string
	// Record is where StartRecording records what the screens fetch:
	// "" the ring of recordings in the state directory, a file's path
	// (--record FILE), or RecordOff.
	Record string
	// Replay, for `qostop replay`, runs the screens on a recording's
	// clock rather than the wall clock (ReplayConfig); nil live.
	Replay *Replay

	schedule poll.Scheduler // how timers are made; tests record them instead
	// listen is who hears what the screens make of a meeting's answers
	// (StartRecording's recorder); nil when nobody does.
	listen func(meetingID string) feed.Listener
}

// withDefaults fills the optional fields.
func (c Config) withDefaults() Config {
	if c.Type == "" {
		c.Type = model.Live
	}
	if c.MinInterval <= 0 {
		c.MinInterval = DefaultMinInterval
	}
	if c.Interval == 0 {
		c.Interval = max(DefaultInterval, c.MinInterval)
	}
	if c.Thresholds == (model.Thresholds{}) {
		c.Thresholds = model.DefaultThresholds()
	}
	if c.Notify == "" {
		c.Notify = notify.Desktop
	}
	if c.Terminal.Title == "" {
		c.Terminal.Title = "qostop"
	}
	if c.Theme.Name == "" {
		c.Theme = theme.Dark()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Replay != nil { // the recording's time is the screens' now, local as the wall clock's
		clk := c.Replay.Clock
		c.Now = func() time.Time { return clk.Now().Local() }
		if c.schedule == nil { // tests record the timers instead
			c.schedule = clk.Schedule
		}
	}
	if c.UTC {
		// Every screen shows times in the clock's location.
		now := c.Now
		c.Now = func() time.Time { return now().UTC() }
	}
	if c.schedule == nil {
		c.schedule = poll.TickScheduler
	}
	return c
}

// Validate says what is wrong with c, in terms of the flags that set it.
func (c Config) Validate() error {
	c = c.withDefaults()
	var errs []error
	if c.Source == nil {
		errs = append(errs, errors.New("no data source"))
	}
	if c.MeetingID == "" && c.ParticipantID != "" {
		errs = append(errs, fmt.Errorf("no meeting ID for participant %s", c.ParticipantID))
	}
	if c.MeetingID == "" && c.Record != "" && c.Record != RecordOff {
		errs = append(errs, errors.New("--record FILE records one meeting: give its MEETING (or record into the ring, without --record)"))
	}
	if c.Type != model.Live && c.Type != model.Past {
		errs = append(errs, fmt.Errorf("meeting type %q: want live or past", c.Type))
	}
	errs = append(errs, c.intervalErrors()...)
	if _, err := notify.ParseMode(string(c.Notify)); err != nil {
		errs = append(errs, fmt.Errorf("--notify %w", err))
	}
	if err := c.Thresholds.Validate(); err != nil {
		errs = append(errs, err)
	}
	if longest := model.WindowSteps[len(model.WindowSteps)-1]; c.Window < 0 || c.Window > longest {
		errs = append(errs, fmt.Errorf("--window %s: want a duration up to %s, e.g. 15m (0: fitted to the call)", c.Window, chrome.FmtDur(longest)))
	}
	return errors.Join(errs...)
}

// intervalErrors says what is wrong with the polling intervals.
func (c Config) intervalErrors() []error {
	var errs []error
	if c.MinInterval > poll.MaxInterval {
		errs = append(errs, fmt.Errorf("minimum interval %s is above the maximum of %s", c.MinInterval, poll.MaxInterval))
	}
	switch {
	case c.Interval < c.MinInterval:
		errs = append(errs, fmt.Errorf("--interval %s is too short: at least %s (Zoom samples once a minute, "+
			"and every request counts against the account's shared rate limit)", c.Interval, c.MinInterval))
	case c.Interval > poll.MaxInterval:
		errs = append(errs, fmt.Errorf("--interval %s is too long: at most %s", c.Interval, poll.MaxInterval))
	}
	return errs
}

// startProfile is the colour profile of the first frame's styles.
func (c Config) startProfile() colorprofile.Profile {
	if c.Profile == colorprofile.Unknown {
		return colorprofile.TrueColor
	}
	return c.Profile
}
