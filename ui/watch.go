package ui

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/pane"
	"github.com/qostop/qostop/ui/poll"
)

// watchModel is the watch screen: one participant's QoS, polled. It is
// a view of the participant's feed (ui/feed), which holds the history,
// the event log and the one polling chain; the chart and event log
// screens it opens are views of the same feed.
//
// Drawing is cached in layers: panes cache their own strings; body holds
// everything above the status bar and is rebuilt only by rebuild (new
// data, size, theme, focus, window, help); View adds the status bar,
// which is all that the once-a-second clock changes.
type watchModel struct {
	c        *common
	t        target // whose QoS, and the way here
	keys     KeyMap
	helpView help.Model
	loc      *time.Location // where times are shown

	// Data: the feed, and its history (read only, the feed's own).
	feed        *feed.Feed
	hist        *model.History
	drawn       uint64        // feed.Version() the body was last built from
	dataVersion uint64        // hist.Version() the panes were last given
	rewrites    uint64        // hist.Rewrites() then
	fedUpTo     time.Time     // the newest sample the panes hold
	fedSpan     time.Duration // the window they hold
	firstSample time.Time     // the oldest sample seen, kept when the history drops it

	// order is the overview's, for n, N and w; nil without one. replacing:
	// this screen took the place of the one n, N or w was pressed on.
	order     personOrder
	replacing bool
	alias     string // the overview's pseudonym for them, shown under R

	// View.
	// chosen is the window [, ] or --window chose; 0 until then, so the
	// window fits the call (see span). whole: a showed the whole call.
	chosen     time.Duration
	whole      bool
	focus      int
	panes      [3]pane.Model
	geo        pane.Geometry // every sparkline's grid and label width
	lay        layout
	headerText string
	body       string
	footer     string
	builds     int // body rebuilds, so tests can prove the clock does none
	frameCache *frameCache
	helpLine   helpLineMemo
}

// newWatch builds the watch screen of participant t, whose feed polls
// Zoom every interval; who is the participant as the screen that led
// here knew them (zero: just their ID).
func newWatch(c *common, t target, interval time.Duration, who model.Participant) *watchModel {
	if who.UserID == "" && who.UserName == "" {
		who = model.Participant{UserName: "participant " + t.participantID, UserID: t.participantID}
	}
	ft := feed.Target{MeetingID: t.meetingID, ParticipantID: t.participantID, Type: t.typ}
	zoom := feed.NewZoom(c.ctx, c.cfg.Source, c.cfg.Now, ft, func(request func(poll.Envelope) tea.Cmd) poll.Chain {
		return newPoller(c, interval, request)
	})
	var src feed.Source = zoom
	if c.cfg.Push.On() && t.typ == model.Live {
		// Zoom pushes only what is live; a past call is fetched once.
		src = feed.NewPush(c.ctx, zoom, c.cfg.Push, ft, c.cfg.Now, c.clk.Schedule)
	}
	f := feed.New(ft, src, who, c.cfg.Thresholds, c.clk.Now.Location(), c.marksOf(t.meetingID))
	if c.cfg.listen != nil {
		f.Listen(c.cfg.listen(t.meetingID))
	}
	m := &watchModel{
		c:        c,
		t:        t,
		keys:     DefaultKeyMap(),
		helpView: help.New(),
		feed:     f,
		hist:     f.History(),
		loc:      c.clk.Now.Location(),
		chosen:   c.choices.Window, // last run's [ and ]
	}
	if c.cfg.Window > 0 {
		m.chosen = c.cfg.Window // --window over the remembered one
	}
	m.keys.nameArrows(c.st.Glyphs())
	for i, md := range model.Medias {
		m.panes[i] = pane.New(md)
		m.panes[i].SetThresholds(c.cfg.Thresholds)
		m.panes[i].SetLocation(m.loc)
	}
	m.panes[0].SetFocused(true)
	m.restyle()
	return m
}

func (m *watchModel) name() string       { return "watch" }
func (m *watchModel) chain() *poll.Chain { return m.feed.Chain() }
func (m *watchModel) close()             { m.feed.Close() }
func (m *watchModel) captures() bool     { return false }

// opens is the chart screen of the focused pane's medium on enter, the
// event log screen on l, or, on n, N and w, the watch screen of another
// participant in the overview's order, which replaces this one
// (people.go).
func (m *watchModel) opens(msg tea.KeyPressMsg) screen {
	switch {
	case key.Matches(msg, m.keys.Expand):
		return newChartScreen(m.c, m.feed, m.alias, model.Medias[m.focus], m.span())
	case key.Matches(msg, m.keys.Log):
		return newEventLogScreen(m.c, m.feed, m.t, m.alias)
	}
	return m.otherPerson(msg)
}

// atRest reports whether esc has nothing left to close here, so it
// means going back.
func (m *watchModel) atRest() bool { return !m.helpView.ShowAll }

// help is the one-line help, with esc after quit when there is a screen
// to go back to, and the full help that ? shows.
func (m *watchModel) help() (short []key.Binding, full [][]key.Binding) {
	short = m.keys.ShortHelp()
	if len(m.t.trail) > 0 || m.order != nil {
		short = append([]key.Binding{short[0], m.keys.Back}, short[1:]...)
	}
	return short, m.keys.FullHelp()
}

// restyle applies the common styles to everything drawn.
func (m *watchModel) restyle() {
	chrome.StyleHelp(&m.helpView, m.c.st)
	m.helpLine.forget()
	for i := range m.panes {
		m.panes[i].SetStyles(m.c.st)
	}
	m.rebuild()
}

func (m *watchModel) setSize() {
	m.helpView.SetWidth(m.c.width)
	m.rebuild()
}

func (m *watchModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case poll.TickMsg, feed.FetchedMsg, feed.PushMsg:
		next, changed := m.feed.Update(msg)
		if changed {
			m.rebuild()
		}
		if at, ok := landed(msg, changed); ok {
			if alert := m.c.alertCmd(m.t, at, m.standing()); alert != nil {
				return tea.Batch(next, alert)
			}
		}
		return next
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return nil
}

// landed is when an answer or a push brought data, for the alerts.
func landed(msg tea.Msg, changed bool) (time.Time, bool) {
	switch msg := msg.(type) {
	case feed.FetchedMsg:
		return msg.At, msg.Err == nil
	case feed.PushMsg:
		return msg.At(), changed && msg.Landed()
	}
	return time.Time{}, false
}

func (m *watchModel) key(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, ok, redraw := sharedKey(msg, &m.keys, &m.helpView, m.chain()); ok {
		if redraw {
			m.rebuild()
		}
		return cmd
	}
	if cmd := m.fetchOrder(msg); cmd != nil {
		return cmd
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.ShorterSpan), key.Matches(msg, k.LongerSpan), key.Matches(msg, k.WholeCall):
		m.windowKey(msg)
		return m.c.remember(func(ch *model.Choices) { ch.Window = m.chosen })
	case key.Matches(msg, k.NextPane):
		m.setFocus(m.focus + 1)
	case key.Matches(msg, k.PrevPane):
		m.setFocus(m.focus + len(m.panes) - 1)
	case key.Matches(msg, k.Back) && m.helpView.ShowAll:
		showAllHelp(&m.helpView, &m.keys, false)
		m.rebuild()
	}
	return nil
}

// standing is the watched participant's worst reading now, for the
// alerts; none once they left. An answer that was superseded changed
// nothing here, so judging again finds nothing new.
func (m *watchModel) standing() []model.Standing {
	latest, ok := m.hist.Latest()
	if !ok || m.feed.Gone() != "" || m.feed.Who().Left() {
		return nil
	}
	worst, has := m.c.cfg.Thresholds.WorstReading(latest)
	return []model.Standing{{Key: m.t.participantID, Name: model.DisplayName(m.shownWho()), Worst: worst, HasRead: has}}
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
