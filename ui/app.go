package ui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/poll"
)

// app is the root model: a stack of screens over one common context. It
// owns what reaches every screen: the terminal size, the theme, the
// redact switch, the keys that work everywhere (quit, theme, redact, and
// moving between screens) and the context whose cancellation stops every
// request on quit.
type app struct {
	c     *common
	stack []screen // the top one gets keys and draws
	keys  KeyMap
	// replayedMarks counts the recorded markers the replay has dropped.
	replayedMarks int
	theme         theme.Theme
	cancel        context.CancelFunc
	quit          bool
	// autoTheme: no theme was chosen, so the terminal's background picks
	// dark or light.
	autoTheme bool
	// clockAt is when the pending clock tick fires; zero when none is.
	clockAt time.Time

	notice string  // what y or t did, in the help line's place until the next key
	prompt *prompt // the ":" line being typed (prompt.go); nil when closed
}

// New validates cfg and builds the UI, on the screen cfg's IDs choose.
func New(cfg Config) (tea.Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	a := newApp(cfg.withDefaults())
	a.autoTheme = cfg.Theme.Name == ""
	return a, nil // a pointer: the model is too big to copy per message
}

func newApp(cfg Config) *app {
	ctx, cancel := context.WithCancel(context.Background())
	c := &common{cfg: cfg, ctx: ctx, rkeys: DefaultReplayKeyMap(), redact: cfg.Redact, clk: poll.Clock{Schedule: cfg.schedule}, choices: cfg.Choices.Valid()}
	c.setStyles(theme.NewStyles(cfg.startProfile(), cfg.Theme, cfg.ASCII))
	a := &app{c: c, keys: DefaultKeyMap(), theme: cfg.Theme, cancel: cancel}
	a.stack = firstScreens(c)
	return a
}

// Init starts the first fetch and, unless a theme was chosen, asks the
// terminal for its background colour: the answer arrives as a message
// (or never, from a terminal that answers no queries), so nothing waits.
func (a *app) Init() tea.Cmd {
	first := a.top().chain().First()
	if t := topicCmd(a.c.ctx, a.c.cfg.Source, firstTarget(a.c.cfg)); t != nil {
		first = tea.Batch(first, t)
	}
	if a.c.cfg.Replay != nil {
		first = tea.Batch(first, replayTickCmd())
	}
	if a.autoTheme {
		return tea.Batch(first, tea.RequestBackgroundColor)
	}
	return first
}

func (a *app) top() screen { return a.stack[len(a.stack)-1] }

// Update handles msg, then arms the clock for the status bar's next
// change, which msg may have brought nearer.
func (a *app) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := a.update(msg)
	if clk := a.armClock(); clk != nil {
		cmd = tea.Batch(cmd, clk)
	}
	return a, cmd
}

func (a *app) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		// Laid out once here, for every screen, so a screen pushed later
		// starts at the right size.
		a.c.width, a.c.height = msg.Width, msg.Height
		a.each(screen.setSize)
	case clockMsg:
		a.tickClock(msg.now)
	case replayTickMsg:
		a.c.clk.Now = a.c.cfg.Now()
		a.replayMarkers(false)
		return replayTickCmd()
	case topicMsg:
		for _, s := range a.stack {
			if t, ok := s.(titled); ok {
				t.setTopic(msg.meetingID, msg.topic)
			}
		}
	case tea.BackgroundColorMsg, tea.ColorProfileMsg:
		a.terminalColours(msg)
	case tea.KeyPressMsg:
		a.looked()
		return a.key(msg)
	case notifiedMsg, noticeMsg, rememberFailedMsg:
		a.noteOf(msg)
	case poll.Addressed:
		return a.route(msg)
	case markedMsg:
		a.takeMarker(msg)
	}
	return nil
}

// terminalColours follows what the terminal says of its colours: a light
// background under --theme auto, and the profile Bubble Tea detected.
func (a *app) terminalColours(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		if a.autoTheme && !msg.IsDark() && a.theme.Name == theme.Dark().Name {
			a.theme = theme.Light()
			a.restyle(theme.NewStyles(a.c.st.Profile(), a.theme, a.c.cfg.ASCII))
		}
	case tea.ColorProfileMsg:
		// The terminal's profile, as Bubble Tea detected it (NO_COLOR
		// included): styles written in it leave the renderer nothing to
		// convert.
		if msg.Profile != a.c.st.Profile() {
			a.restyle(theme.NewStyles(msg.Profile, a.theme, a.c.cfg.ASCII))
		}
	}
}

// noteOf shows what a command running beside the screens reported: an
// alert that could not be sent, a notice, a choice that was not kept.
func (a *app) noteOf(msg tea.Msg) {
	switch msg := msg.(type) {
	case notifiedMsg:
		if msg.err != nil {
			a.notice = msg.err.Error()
		}
	case noticeMsg:
		a.notice = string(msg)
	case rememberFailedMsg:
		a.notice = "choices not kept: " + msg.err.Error()
	}
}

// key handles the keys of the app, then passes the rest to the top
// screen. A screen typing into a filter gets every key but ctrl+c, so q
// and t type rather than quit and restyle.
func (a *app) key(msg tea.KeyPressMsg) tea.Cmd {
	top := a.top()
	a.notice = ""
	if a.c.width < minWidth || a.c.height < minHeight {
		// "terminal too small" hides the screen: keys behind it would act
		// unseen (three enters opened a participant's pane).
		if !key.Matches(msg, a.keys.Quit) {
			return nil
		}
		a.cancel()
		a.quit = true
		return tea.Quit
	}
	if msg.String() != "ctrl+c" {
		if cmd, taken := a.beforeScreen(top, msg); taken {
			return cmd
		}
	}
	switch {
	case key.Matches(msg, a.keys.Quit):
		a.cancel() // ends a hung request now; Bubble Tea does not wait for it
		a.quit = true
		return tea.Quit
	case key.Matches(msg, a.keys.Theme):
		if p := a.c.st.Profile(); p == colorprofile.Ascii || p == colorprofile.NoTTY { // every theme draws alike
			a.notice = "no colours to change: NO_COLOR is set, or the terminal shows none"
			return nil
		}
		a.theme = theme.Next(a.theme)
		a.restyle(theme.NewStyles(a.c.st.Profile(), a.theme, a.c.cfg.ASCII))
		a.notice = "theme " + a.theme.Name + " (t cycles " + strings.Join(theme.Names, ", ") + ")"
		return a.c.remember(func(ch *model.Choices) { ch.Theme = a.theme.Name })
	case key.Matches(msg, a.keys.Copy):
		return a.copyScreen()
	case key.Matches(msg, a.keys.Redact):
		a.c.redact = !a.c.redact // every screen hides the same things
		a.each(screen.restyle)
		return nil
	}
	return top.update(msg)
}

// beforeScreen gives a key to what stands before the screen's own keys:
// an open prompt, the keys that open one, a replay's clock and the
// navigation between screens. taken says one of them used it.
func (a *app) beforeScreen(top screen, msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if a.prompt != nil {
		return a.promptKey(msg), true
	}
	if a.openPrompt(top, msg) {
		return nil, true
	}
	if !top.captures() {
		if cmd, ok := a.replayKey(msg); ok {
			return cmd, true
		}
	}
	return a.navKey(top, msg)
}

// looked takes a key as proof the user looked at the screen: rows marked
// as worse since the last look are not any more, on every screen.
func (a *app) looked() {
	if !a.c.alerts.Look() {
		return
	}
	for _, s := range a.stack {
		if l, ok := s.(looker); ok {
			l.looked()
		}
	}
}

// navKey gives a typing screen its key, or moves between screens: the
// screen the key opens, or back on esc. moved is false for any other key.
func (a *app) navKey(top screen, msg tea.KeyPressMsg) (cmd tea.Cmd, moved bool) {
	if top.captures() {
		return top.update(msg), true
	}
	if next := top.opens(msg); next != nil {
		if r, ok := next.(replacer); ok && r.replacesOpener() {
			return a.replace(next), true
		}
		return a.push(next), true
	}
	if key.Matches(msg, a.keys.Back) && top.atRest() && len(a.stack) > 1 {
		return a.back(), true
	}
	return nil, false
}

// View is the frame, on the alternate screen so the terminal's own
// scrollback is left as it was.
func (a *app) View() tea.View {
	notice := a.notice
	if a.prompt != nil {
		notice = a.promptLine()
	}
	v := tea.NewView(withNotice(a.content(), notice, a.c.width))
	v.AltScreen = true
	return v
}

// content is the top screen's drawing.
func (a *app) content() string {
	if a.quit {
		return "" // leave a clean terminal behind
	}
	return chrome.WithProfileTag(a.top().view(), a.c.profileTag, a.c.width)
}
