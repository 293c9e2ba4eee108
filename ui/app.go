package ui

import (
	"context"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/qostop/qostop/theme"
)

// screen names one of the app's screens. Screens sit on a stack: the top
// one gets keys and draws; a screen that opens another pushes it, and
// going back pops it.
type screen int

const (
	// screenWatch follows one participant's QoS.
	screenWatch screen = iota
)

func (s screen) String() string {
	switch s {
	case screenWatch:
		return "watch"
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
}

// New validates cfg and builds the UI, on the watch screen.
func New(cfg Config) (tea.Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return newApp(cfg.withDefaults()), nil
}

func newApp(cfg Config) app {
	ctx, cancel := context.WithCancel(context.Background())
	keys := DefaultKeyMap()
	st := theme.NewStyles(cfg.Renderer, cfg.Theme, cfg.ASCII)
	return app{
		stack:  []screen{screenWatch},
		watch:  newWatch(ctx, cfg, st, keys),
		keys:   keys,
		cfg:    cfg,
		theme:  cfg.Theme,
		cancel: cancel,
	}
}

func (a app) Init() tea.Cmd { return a.watch.init() }

func (a app) top() screen { return a.stack[len(a.stack)-1] }

func (a app) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		// Laid out once here, for every screen, so a screen pushed later
		// starts at the right size.
		a.width, a.height = msg.Width, msg.Height
		a.watch.setSize(msg.Width, msg.Height)
		return a, nil
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, a.keys.Quit):
			a.cancel() // ends a hung request now; Bubble Tea does not wait for it
			a.quit = true
			return a, tea.Quit
		case key.Matches(msg, a.keys.Theme):
			a.theme = theme.Next(a.theme)
			a.watch.setStyles(theme.NewStyles(a.cfg.Renderer, a.theme, a.cfg.ASCII))
			return a, nil
		}
		switch a.top() {
		case screenWatch:
			return a, a.watch.update(msg)
		}
		return a, nil
	}
	// Timers and answers belong to the screen that asked for them, even
	// when another screen is on top.
	return a, a.watch.update(msg)
}

func (a app) View() string {
	if a.quit {
		return "" // leave a clean terminal behind
	}
	switch a.top() {
	case screenWatch:
		return a.watch.view()
	}
	return ""
}
