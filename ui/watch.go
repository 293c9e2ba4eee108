package ui

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// spans are the history windows that [ and ] step through; 0 is all.
var spans = []struct {
	d     time.Duration
	label string
}{
	{15 * time.Minute, "15m"}, {30 * time.Minute, "30m"}, {time.Hour, "1h"}, {3 * time.Hour, "3h"}, {0, "all"},
}

const defaultSpan = 1 // 30m: thirty of Zoom's per-minute samples

// intervalSteps are the polling intervals that + and - step through,
// within the configured floor and MaxInterval.
var intervalSteps = []time.Duration{
	time.Second, 2 * time.Second, 5 * time.Second, 10 * time.Second, 15 * time.Second, 30 * time.Second,
	time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute,
}

// watchModel is the watch screen: one participant's QoS, polled.
//
// Polling runs on one timer and at most one request: a poll tick starts a
// fetch; its answer schedules the next tick (after the interval, a
// backoff, or a rate limit's Retry-After). Each schedule bumps gen and
// each fetch bumps seq, so a superseded tick or answer is recognised and
// dropped rather than starting a second chain.
//
// Drawing is cached in layers: panes cache their own strings; body holds
// everything above the status bar and is rebuilt only by rebuild (new
// data, size, theme, focus, window, help); View adds the status bar,
// which is all that the once-a-second clock changes.
type watchModel struct {
	cfg      Config
	keys     KeyMap
	st       theme.Styles
	ss       statusStyles
	help     help.Model
	schedule scheduler
	ctx      context.Context // cancelled on quit; parent of every fetch
	loc      *time.Location  // where times are shown

	// Data.
	hist        *model.History
	who         model.Participant // identity from the newest answer, samples dropped
	events      eventLog
	dataVersion uint64 // hist.Version() the panes were last given
	cadence     time.Duration

	// Polling.
	interval  time.Duration
	seq       uint64 // number of the latest fetch
	inflight  bool
	gen       uint64    // number of the latest scheduled poll tick
	nextPoll  time.Time // when that tick fires; zero when none is pending
	resumeAt  time.Time // while paused: when polling would have been due
	paused    bool
	done      bool // a past meeting was fetched: no more polling
	failures  int  // errors in a row
	lastPoll  time.Time
	limited   bool // the last answer was a rate limit
	retryAt   time.Time
	limitType string
	errText   string // the last error in plain words; "" after a success
	requests  int64
	now       time.Time

	// View.
	width, height int
	span          int
	focus         int
	expanded      bool
	panes         [3]mediaPane
	lay           layout
	headerText    string
	body          string
	footer        string
	builds        int // body rebuilds, so tests can prove the clock does none
}

func newWatch(ctx context.Context, cfg Config, st theme.Styles, keys KeyMap) watchModel {
	now := cfg.Now()
	m := watchModel{
		cfg:      cfg,
		keys:     keys,
		help:     help.New(),
		schedule: tickScheduler,
		ctx:      ctx,
		loc:      now.Location(),
		hist:     model.NewHistory(0),
		who:      model.Participant{UserName: "participant " + cfg.ParticipantID, UserID: cfg.ParticipantID},
		events:   newEventLog(),
		cadence:  time.Minute,
		interval: cfg.Interval,
		span:     defaultSpan,
		now:      now,
	}
	for i, md := range model.Medias {
		m.panes[i] = newMediaPane(md)
		m.panes[i].setThresholds(cfg.Thresholds)
	}
	m.panes[0].setFocused(true)
	m.setStyles(st)
	// The first fetch is numbered here, not in init: Init cannot return
	// a changed model.
	m.seq, m.inflight = 1, true
	return m
}

// init starts the first fetch and the clock.
func (m *watchModel) init() tea.Cmd {
	return tea.Batch(m.fetch(), clockCmd(m.schedule, m.cfg.Now, m.now))
}

func (m *watchModel) fetch() tea.Cmd {
	c := m.cfg
	return fetchCmd(m.ctx, c.Source, c.Now, m.seq, c.MeetingID, c.ParticipantID, c.Type)
}

// setStyles applies a theme to everything drawn.
func (m *watchModel) setStyles(st theme.Styles) {
	m.st = st
	m.ss = newStatusStyles(st)
	m.help.Styles = help.Styles{
		ShortKey: st.Key, ShortDesc: st.Muted, ShortSeparator: st.Muted, Ellipsis: st.Muted,
		FullKey: st.Key, FullDesc: st.Muted, FullSeparator: st.Muted,
	}
	m.help.ShortSeparator, m.help.Ellipsis = " · ", "…"
	if st.ASCII() {
		m.help.ShortSeparator, m.help.Ellipsis = " | ", "~"
	}
	for i := range m.panes {
		m.panes[i].setStyles(st)
	}
	m.rebuild()
}

func (m *watchModel) setSize(width, height int) {
	m.width, m.height = width, height
	m.help.Width = width
	m.rebuild()
}

func (m *watchModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case clockMsg:
		m.now = msg.now
		return clockCmd(m.schedule, m.cfg.Now, msg.now)
	case pollTickMsg:
		if msg.gen != m.gen {
			return nil
		}
		m.nextPoll = time.Time{}
		if m.paused || m.inflight {
			return nil
		}
		return m.startFetch()
	case fetchedMsg:
		return m.fetched(msg)
	case tea.KeyMsg:
		return m.key(msg)
	}
	return nil
}

func (m *watchModel) key(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.keys.Help.SetHelp("?", map[bool]string{false: "more keys", true: "fewer keys"}[m.help.ShowAll])
		m.rebuild()
	case key.Matches(msg, k.Pause):
		return m.togglePause()
	case key.Matches(msg, k.Refresh):
		// One request at a time, and never against a rate limit: the
		// answer on its way is the refresh.
		if m.inflight || (m.limited && m.now.Before(m.retryAt)) {
			return nil
		}
		return m.startFetch()
	case key.Matches(msg, k.SlowerPoll):
		return m.setInterval(+1)
	case key.Matches(msg, k.FasterPoll):
		return m.setInterval(-1)
	case key.Matches(msg, k.ShorterSpan):
		m.setSpan(m.span - 1)
	case key.Matches(msg, k.LongerSpan):
		m.setSpan(m.span + 1)
	case key.Matches(msg, k.NextPane):
		m.setFocus(m.focus + 1)
	case key.Matches(msg, k.PrevPane):
		m.setFocus(m.focus + len(m.panes) - 1)
	case key.Matches(msg, k.Expand):
		m.expanded = !m.expanded
		m.rebuild()
	case key.Matches(msg, k.Back):
		switch {
		case m.expanded:
			m.expanded = false
			m.rebuild()
		case m.help.ShowAll:
			m.help.ShowAll = false
			m.keys.Help.SetHelp("?", "more keys")
			m.rebuild()
		}
	}
	return nil
}

func (m *watchModel) togglePause() tea.Cmd {
	m.paused = !m.paused
	if m.paused {
		m.resumeAt = m.nextPoll
		m.gen++ // void the pending tick
		m.nextPoll = time.Time{}
		return nil
	}
	if m.inflight || m.done {
		return nil // the answer on its way schedules the next poll
	}
	due := m.resumeAt
	if m.limited {
		due = later(due, m.retryAt)
	}
	if d := due.Sub(m.now); d > 0 {
		return m.scheduleIn(d, m.now)
	}
	return m.startFetch()
}

// setInterval steps the interval up (dir > 0) or down within the floor
// and MaxInterval, and moves a pending regular poll to match. A backoff
// or rate-limit wait stays as it is.
func (m *watchModel) setInterval(dir int) tea.Cmd {
	next := m.interval
	if dir > 0 {
		for _, s := range intervalSteps {
			if s > m.interval {
				next = s
				break
			}
		}
	} else {
		for i := len(intervalSteps) - 1; i >= 0; i-- {
			if s := intervalSteps[i]; s < m.interval {
				next = s
				break
			}
		}
	}
	next = min(max(next, m.cfg.MinInterval), MaxInterval)
	if next == m.interval {
		return nil
	}
	m.interval = next
	if m.failures > 0 || m.lastPoll.IsZero() || m.done {
		return nil
	}
	due := m.lastPoll.Add(next)
	if m.paused {
		m.resumeAt = due
		return nil
	}
	if m.inflight || m.nextPoll.IsZero() {
		return nil
	}
	return m.scheduleIn(max(0, due.Sub(m.now)), m.now)
}

func (m *watchModel) setSpan(i int) {
	i = min(max(i, 0), len(spans)-1)
	if i == m.span {
		return
	}
	m.span = i
	m.dataVersion = 0 // the window moved: give the panes their samples again
	m.rebuild()
}

func (m *watchModel) setFocus(i int) {
	i %= len(m.panes)
	if i == m.focus {
		return
	}
	m.panes[m.focus].setFocused(false)
	m.focus = i
	m.panes[i].setFocused(true)
	m.rebuild()
}

// window is the samples the panes draw: the span up to the newest
// sample, not up to now, so a past meeting shows its last half hour.
func (m *watchModel) window() []model.Sample {
	latest, ok := m.hist.Latest()
	if !ok || spans[m.span].d == 0 {
		return m.hist.Samples()
	}
	return m.hist.Since(latest.Time.Add(-spans[m.span].d + time.Nanosecond))
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
