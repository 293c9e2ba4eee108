package ui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/theme"
)

// screen names one of the app's screens. Screens sit on a stack: the top
// one gets keys and draws; a screen that opens another pushes it, and
// going back pops it.
type screen int

const (
	// screenWatch follows one participant's QoS.
	screenWatch screen = iota
	// screenMeetings lists the live meetings.
	screenMeetings
	// screenOverview shows everyone in one meeting, worst first.
	screenOverview
)

func (s screen) String() string {
	switch s {
	case screenWatch:
		return "watch"
	case screenMeetings:
		return "meetings"
	case screenOverview:
		return "overview"
	}
	return "unknown"
}

// app is the root model. It owns what every screen shares: the terminal
// size, the theme, the keys that work everywhere (quit, theme) and the
// context whose cancellation stops every request on quit.
type app struct {
	stack  []screen
	watch  watchModel
	keys   KeyMap
	cfg    Config
	theme  theme.Theme
	cancel context.CancelFunc
	width  int
	height int
	quit   bool
	// autoTheme: no theme was chosen, so the terminal's background picks
	// dark or light.
	autoTheme bool
	// clockAt is when the pending clock tick fires; zero when none is.
	clockAt time.Time
	redact  bool // names, emails, addresses and locations hidden (R)
	navigation

	notice string // what y did, in the help line's place until the next key
}

// New validates cfg and builds the UI, on the screen cfg's IDs choose.
func New(cfg Config) (tea.Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	a := newApp(cfg.withDefaults())
	a.autoTheme = cfg.Theme.Name == ""
	return a, nil // a pointer: the model is ~70 KB, too big to copy per message
}

func newApp(cfg Config) *app {
	ctx, cancel := context.WithCancel(context.Background())
	keys := DefaultKeyMap()
	st := theme.NewStyles(cfg.startProfile(), cfg.Theme, cfg.ASCII)
	a := app{
		keys:       keys,
		cfg:        cfg,
		theme:      cfg.Theme,
		cancel:     cancel,
		redact:     cfg.Redact,
		navigation: navigation{ctx: ctx, st: st},
	}
	a.start()
	return &a
}

// Init starts the first fetch and, unless a theme was chosen, asks the
// terminal for its background colour: the answer arrives as a message
// (or never, from a terminal that answers no queries), so nothing waits.
func (a *app) Init() tea.Cmd {
	if a.autoTheme {
		return tea.Batch(a.initScreen(), tea.RequestBackgroundColor)
	}
	return a.initScreen()
}

func (a *app) top() screen { return a.stack[len(a.stack)-1] }

// Update handles msg, then arms the clock for the status bar's next
// change, which msg may have brought nearer.
func (a *app) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := a.update(msg)
	if clk := a.armClock(); clk != nil {
		cmd = tea.Batch(cmd, clk)
	}
	return a, cmd
}

func (a *app) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		// Laid out once here, for every screen, so a screen pushed later
		// starts at the right size.
		a.width, a.height = msg.Width, msg.Height
		a.resize(msg.Width, msg.Height)
		return a, nil
	case clockMsg:
		a.tickClock(msg.now)
		return a, nil
	case topicMsg:
		a.setTopic(msg)
		return a, nil
	case tea.BackgroundColorMsg:
		if a.autoTheme && !msg.IsDark() && a.theme.Name == theme.Dark().Name {
			a.theme = theme.Light()
			a.restyle(theme.NewStyles(a.st.Profile(), a.theme, a.cfg.ASCII))
		}
		return a, nil
	case tea.ColorProfileMsg:
		// The terminal's profile, as Bubble Tea detected it (NO_COLOR
		// included): styles written in it leave the renderer nothing to
		// convert.
		if msg.Profile != a.st.Profile() {
			a.restyle(theme.NewStyles(msg.Profile, a.theme, a.cfg.ASCII))
		}
		return a, nil
	case tea.KeyPressMsg:
		a.notice = ""
		if a.width < minWidth || a.height < minHeight {
			// "terminal too small" hides the screen: keys behind it would
			// act unseen (three enters opened a participant's pane).
			if key.Matches(msg, a.keys.Quit) {
				a.cancel()
				a.quit = true
				return a, tea.Quit
			}
			return a, nil
		}
		if cmd, ok := a.navKey(msg); ok {
			return a, cmd
		}
		switch {
		case key.Matches(msg, a.keys.Quit):
			a.cancel() // ends a hung request now; Bubble Tea does not wait for it
			a.quit = true
			return a, tea.Quit
		case key.Matches(msg, a.keys.Theme):
			a.theme = theme.Next(a.theme)
			a.restyle(theme.NewStyles(a.st.Profile(), a.theme, a.cfg.ASCII))
			a.notice = "theme " + a.theme.Name + " (t cycles " + strings.Join(theme.Names, ", ") + ")"
			return a, nil
		case key.Matches(msg, a.keys.Copy):
			return a, a.copyScreen()
		case key.Matches(msg, a.keys.Redact):
			a.redact = !a.redact // every screen hides the same things
			a.setRedact(a.redact)
			return a, nil
		}
		switch a.top() {
		case screenWatch:
			return a, a.watch.update(msg)
		}
		return a, a.screenKey(msg)
	}
	return a, a.route(msg)
}

// View is the frame, on the alternate screen so the terminal's own
// scrollback is left as it was.
func (a *app) View() tea.View {
	v := tea.NewView(withNotice(a.content(), a.notice, a.width))
	v.AltScreen = true
	return v
}

// content is the top screen's drawing.
func (a *app) content() string {
	if a.quit {
		return "" // leave a clean terminal behind
	}
	switch a.top() {
	case screenWatch:
		return a.watch.view()
	}
	return a.viewTop()
}
