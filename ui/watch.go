package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/pane"
)

// intervalSteps are the polling intervals that + and - step through,
// within the configured floor and MaxInterval.
var intervalSteps = []time.Duration{
	time.Second, 2 * time.Second, 5 * time.Second, 10 * time.Second, 15 * time.Second, 30 * time.Second,
	time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute,
}

// watchModel is the watch screen: one participant's QoS, polled.
//
// Polling is the poller's chain (poller.go): one timer, at most one
// request in flight.
//
// Drawing is cached in layers: panes cache their own strings; body holds
// everything above the status bar and is rebuilt only by rebuild (new
// data, size, theme, focus, window, help); View adds the status bar,
// which is all that the once-a-second clock changes.
type watchModel struct {
	cfg  Config
	keys KeyMap
	st   theme.Styles
	ss   statusStyles
	help help.Model
	ctx  context.Context // cancelled on quit; parent of every fetch
	loc  *time.Location  // where times are shown

	// Data.
	hist        *model.History
	who         model.Participant // identity from the newest answer, samples dropped
	live        bool              // Zoom has answered for this live call (lifecycle.go)
	gone        string            // why it no longer does: goneMeeting, goneParticipant or ""
	events      eventLog
	dataVersion uint64        // hist.Version() the panes were last given
	rewrites    uint64        // hist.Rewrites() then
	fedUpTo     time.Time     // the newest sample the panes hold
	fedSpan     time.Duration // the window they hold
	cadence     time.Duration

	poller

	// View.
	width, height int
	// chosen is the window [ and ] chose; 0 until then, so the window
	// follows the cadence and the width (see span).
	chosen       time.Duration
	focus        int
	chart        *chartScreen // the focused pane's medium as charts; nil on the panes
	chartVersion uint64       // hist.Version() the chart was last given
	panes        [3]pane.Model
	geo          pane.Geometry // every sparkline's grid and label width
	lay          layout
	headerText   string
	body         string
	footer       string
	builds       int // body rebuilds, so tests can prove the clock does none
	frameCache   *frameCache
	helpLine     struct {
		key helpKey
		s   string
	}
}

func newWatch(ctx context.Context, cfg Config, st theme.Styles, keys KeyMap) watchModel {
	now := cfg.Now()
	m := watchModel{
		cfg:     cfg,
		keys:    keys,
		help:    help.New(),
		ctx:     ctx,
		loc:     now.Location(),
		hist:    model.NewHistory(0),
		who:     model.Participant{UserName: "participant " + cfg.ParticipantID, UserID: cfg.ParticipantID},
		events:  newEventLog(),
		cadence: time.Minute,
	}
	if cfg.ASCII {
		m.keys.asciiHelp()
	}
	m.poller = newPoller(screenWatch, cfg, cfg.Interval, func(seq uint64) tea.Cmd {
		return fetchCmd(ctx, cfg.Source, cfg.Now, seq, cfg.MeetingID, cfg.ParticipantID, cfg.Type)
	})
	// The header says whose QoS this is; without the operation and its
	// IDs, the two error lines have room for what to do.
	m.poller.explain = withoutOp
	for i, md := range model.Medias {
		m.panes[i] = pane.New(md)
		m.panes[i].SetThresholds(cfg.Thresholds)
	}
	m.panes[0].SetFocused(true)
	m.setStyles(st)
	return m
}

// setStyles applies a theme to everything drawn.
func (m *watchModel) setStyles(st theme.Styles) {
	m.st = st
	m.ss = newStatusStyles(st)
	styleHelp(&m.help, st)
	m.helpLine.s = ""
	for i := range m.panes {
		m.panes[i].SetStyles(st)
	}
	if m.chart != nil {
		m.chart.setStyles(st)
	}
	m.rebuild()
}

func (m *watchModel) setSize(width, height int) {
	m.width, m.height = width, height
	m.help.SetWidth(width)
	m.rebuild()
}

func (m *watchModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pollTickMsg:
		return m.tick(msg)
	case fetchedMsg:
		return m.fetched(msg)
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return nil
}

func (m *watchModel) key(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, ok, redraw := sharedKey(msg, &m.keys, &m.help, &m.poller); ok {
		if redraw {
			m.rebuild()
		}
		return cmd
	}
	k := m.keys
	if m.chart != nil && m.chart.key(msg, k) {
		m.rebuild()
		return nil
	}
	switch {
	case key.Matches(msg, k.ShorterSpan):
		m.setSpan(model.PrevWindow(m.span(), m.defaultSpan()))
	case key.Matches(msg, k.LongerSpan):
		m.setSpan(model.NextWindow(m.span()))
	case key.Matches(msg, k.NextPane):
		m.setFocus(m.focus + 1)
		m.switchChart()
	case key.Matches(msg, k.PrevPane):
		m.setFocus(m.focus + len(m.panes) - 1)
		m.switchChart()
	case key.Matches(msg, k.Expand) && m.chart == nil:
		m.openChart()
	case key.Matches(msg, k.Back):
		switch {
		case m.help.ShowAll:
			showAllHelp(&m.help, &m.keys, false)
			m.rebuild()
		case m.chart != nil:
			m.chart = nil
			m.rebuild()
		}
	}
	return nil
}

// setSpan sets the window the sparklines show.
func (m *watchModel) setSpan(d time.Duration) {
	if d == m.span() {
		return
	}
	m.chosen = d
	m.dataVersion = 0 // the window moved: give the panes their samples again
	m.rebuild()
}

// span is the window the sparklines show: the one chosen with [ and ],
// else the default for the cadence and the sparklines' width, which puts
// about one sample in each column.
func (m *watchModel) span() time.Duration { return m.spanFor(m.gridWidth()) }

func (m *watchModel) spanFor(width int) time.Duration {
	if m.chosen > 0 {
		return m.chosen
	}
	return model.DefaultWindow(m.cadence, width)
}

// defaultSpan is also the shortest window [ goes to: a shorter one
// would leave a gap between every two samples.
func (m *watchModel) defaultSpan() time.Duration {
	return model.DefaultWindow(m.cadence, m.gridWidth())
}

func (m *watchModel) setFocus(i int) {
	i %= len(m.panes)
	if i == m.focus {
		return
	}
	m.panes[m.focus].SetFocused(false)
	m.focus = i
	m.panes[i].SetFocused(true)
	m.rebuild()
}

// window is the samples the panes draw: the span up to the newest
// sample, not up to now, so a past meeting shows its last half hour.
func (m *watchModel) window() []model.Sample {
	latest, ok := m.hist.Latest()
	if !ok {
		return nil
	}
	return m.hist.Since(latest.Time.Add(-m.span() + time.Nanosecond))
}
