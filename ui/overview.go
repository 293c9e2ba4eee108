package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// qosPageSize is how many participants one request of
// /participants/qos brings: Zoom's maximum, which the client always asks.
const qosPageSize = 10

// overviewModel is the meeting overview: one row per participant, worst
// first, polled at the watch interval, every page per refresh.
type overviewModel struct {
	tableScreen
	cfg     Config // MeetingID, Topic, Type and Trail say which meeting
	roster  model.Roster
	order   model.SortOrder
	pages   int // requests the last refresh took; 0 before the first
	redact  bool
	newest  time.Time     // the newest sample of anyone
	cadence time.Duration // how often samples come
}

var overviewColumns = []column{
	{title: "participant", width: 16, flex: true, most: 28},
	{title: "device", width: 9, drop: 3},
	{title: "network", width: 8},
	{title: "location", width: 14, drop: 4},
	{title: "audio", width: 11},
	{title: "video", width: 11},
	{title: "share", width: 11},
	{title: "health", width: 10, drop: 1},
	{title: "recent", width: 9, drop: 2},
}

// newOverview builds the overview of cfg.MeetingID; its fetches are
// numbered after prev's, the overview it replaces, if any.
func newOverview(ctx context.Context, cfg Config, st theme.Styles, keys KeyMap, prev poller) overviewModel {
	p := newPoller(screenOverview, cfg, cfg.Interval, func(seq uint64) tea.Cmd {
		return overviewCmd(ctx, cfg.Source, cfg.Now, seq, cfg.MeetingID, cfg.Type)
	})
	p.follow(prev)
	p.explain = explainMeeting(cfg.MeetingID, cfg.Type)
	m := overviewModel{cfg: cfg, redact: cfg.Redact, cadence: time.Minute,
		tableScreen: newTableScreen(ctx, p, keys, overviewColumns, true, len(cfg.Trail) > 0)}
	m.waiting = "asking Zoom for everyone's QoS in this meeting"
	m.table.nothing = "Zoom lists nobody in this meeting yet"
	m.setStyles(st)
	return m
}

func (m *overviewModel) setStyles(st theme.Styles) {
	m.tableScreen.setStyles(st)
	m.refill()
}

func (m *overviewModel) setRedact(on bool) {
	m.redact = on
	m.refill()
}

func (m *overviewModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pollTickMsg:
		return m.tick(msg)
	case overviewFetchedMsg:
		ok, next := m.take(msg.answer, m.cfg.Type == model.Past)
		switch {
		case ok:
			m.roster.Merge(msg.participants, msg.at, m.cfg.Thresholds)
			m.pages = max(1, (len(msg.participants)+qosPageSize-1)/qosPageSize)
			m.judge(msg.participants)
		}
		m.refill()
		return next
	case tea.KeyPressMsg:
		interval := m.interval
		cmd, handled := m.key(msg)
		switch {
		case !handled && key.Matches(msg, m.tkeys.Sort):
			m.order = (m.order + 1) % model.NumSorts
			m.refill()
		case m.interval != interval: // the cost a minute changed
			m.header = m.headerText()
			m.rebuild()
		}
		return cmd
	}
	return nil
}

// judge notes the newest sample and the cadence, for the status bar.
func (m *overviewModel) judge(ps []model.Participant) {
	m.newest = time.Time{}
	for _, p := range ps {
		if n := len(p.Samples); n > 0 && p.Samples[n-1].Time.After(m.newest) {
			m.newest = p.Samples[n-1].Time
			m.cadence = cadence(p.Samples)
		}
	}
}

// explainMeeting says a missing meeting in plain words, with what to
// try; other errors in their own words.
func explainMeeting(meetingID string, typ model.MeetingType) func(error) string {
	return func(err error) string { return explainMissing(err, meetingID, typ) }
}

func explainMissing(err error, meetingID string, typ model.MeetingType) string {
	var ae *fetch.APIError
	if !errors.As(err, &ae) || ae.Kind != fetch.NotFound {
		return model.Sanitize(err.Error())
	}
	id := tableText(meetingID)
	if typ == model.Past {
		return "Zoom has no ended meeting " + id + ". Check the ID; Zoom keeps QoS for 12 months."
	}
	return "Meeting " + id + " is not live: it has ended, or Zoom knows no meeting with this ID. " +
		"For an ended meeting: qostop meeting --type past " + id
}

// selected is the participant under the cursor.
func (m *overviewModel) selected() (model.Participant, bool) {
	r, ok := m.table.selected()
	if !ok {
		return model.Participant{}, false
	}
	mb, ok := m.roster.Members[r.key]
	return mb.P, ok
}

// crumbs are the breadcrumbs up to this meeting.
func (m *overviewModel) crumbs() []string {
	name := m.cfg.Topic
	if strings.TrimSpace(name) == "" {
		name = "meeting " + m.cfg.MeetingID
	}
	return append(m.cfg.Trail[:len(m.cfg.Trail):len(m.cfg.Trail)], name)
}

// refill rebuilds the rows and the header from the members.
func (m *overviewModel) refill() {
	st := m.st
	ms := m.roster.Sorted(m.order)
	rows := make([]row, 0, len(ms))
	for _, mb := range ms {
		p := mb.P
		if m.redact {
			p = model.Redact(p)
		}
		name, dev, net, loc := displayName(p), tableText(p.Device), tableText(p.NetworkType), tableText(p.Location)
		text := st.Text
		if mb.Left() {
			text = st.Muted
		}
		cells := []cell{{name, text}, {tableDash(dev), text}, {tableDash(net), text}, {tableDash(loc), text}}
		for i, r := range mb.Media {
			switch {
			case !mb.Has[i]:
				cells = append(cells, cell{"-", st.Muted})
			case mb.Left():
				cells = append(cells, cell{readingText(r), st.Muted})
			default:
				cells = append(cells, cell{readingText(r), st.Level(r.Level)})
			}
		}
		cells = append(cells, m.healthCell(mb), m.recentCell(mb))
		rows = append(rows, row{key: model.MemberKey(mb.P), cells: cells,
			search: strings.ToLower(strings.Join([]string{name, p.UserID, dev, net, loc}, "\n"))})
	}
	m.table.setRows(rows)
	m.header = m.headerText()
	m.rebuild()
}

// healthCell is Zoom's health word with its marker, or when they left.
func (m *overviewModel) healthCell(mb model.Member) cell {
	switch {
	case mb.P.Left():
		return cell{"left " + mb.P.LeaveTime.In(m.now.Location()).Format("15:04"), m.st.Muted}
	case mb.Gone:
		return cell{"left", m.st.Muted}
	}
	h := tableText(mb.P.Health)
	if h == "" {
		return cell{"-", m.st.Muted}
	}
	lv := healthLevel(h)
	return cell{h + theme.Marker(lv), m.st.Level(lv)}
}

// recentCell is the worst level over the recent samples, which the worst
// sort breaks ties by: it says why two "good" rows are in their order.
func (m *overviewModel) recentCell(mb model.Member) cell {
	if mb.Newest.IsZero() {
		return cell{"-", m.st.Muted}
	}
	st := m.st.Level(mb.Recent)
	if mb.Left() {
		st = m.st.Muted
	}
	return cell{mb.Recent.String() + theme.Marker(mb.Recent), st}
}

func (m *overviewModel) headerText() string {
	st := m.st
	first := renderTrail(m.crumbs(), st)
	if m.cfg.Type == model.Past {
		first += "  " + st.Muted.Render("PAST")
	} else {
		first += "  " + st.Accent.Render("LIVE")
	}
	if strings.TrimSpace(m.cfg.Topic) != "" { // else the crumb is the ID
		first += "  " + st.Muted.Render("meeting ") + st.Text.Render(tableText(m.cfg.MeetingID))
	}

	var info []string
	if m.loaded {
		gone := 0
		for _, mb := range m.roster.Members {
			if mb.Left() {
				gone++
			}
		}
		count := plural(len(m.roster.Members), "participant", "participants")
		if gone > 0 {
			count += fmt.Sprintf(", %d left", gone)
		}
		if d := m.roster.Dropped; d > 0 {
			// Those who left long ago are forgotten, so memory stays bounded.
			count += fmt.Sprintf(", %d who left earlier not shown", d)
		}
		info = append(info, count, costText(m.pages, m.lastMinute(), m.cfg.Type == model.Past), m.order.String())
	}
	if len(info) == 0 {
		return first
	}
	return first + "\n" + st.Muted.Render(strings.Join(info, m.ss.sep))
}

// costText is what one refresh spends of the account's shared rate
// limit, and what the client measured in the last minute (every screen's
// requests, retries included): "4 req/refresh, 5 in last minute", short
// enough for 80 columns beside the count, the sort and the position.
func costText(pages, lastMinute int, once bool) string {
	s := strconv.Itoa(pages) + " req/refresh"
	if once {
		return s
	}
	return s + ", " + strconv.Itoa(lastMinute) + " in last minute"
}

func (m *overviewModel) statusInfo() statusInfo {
	si := m.pollStatus()
	si.newest, si.redacted = m.newest, m.redact
	if m.cfg.Type == model.Live {
		si.staleAt = model.StaleAt(m.newest, m.interval, m.cadence)
	}
	return si
}

func (m *overviewModel) view() string { return m.tableScreen.view(m.statusInfo()) }

// overviewFetchedMsg is the answer to the overview's fetch number seq.
type overviewFetchedMsg struct {
	answer
	participants []model.Participant
}

// overviewCmd asks for everyone's QoS in the meeting: one request per
// ten participants, the pages one after another, in one Cmd, so that a
// refresh is one request in flight at a time and never two refreshes.
func overviewCmd(ctx context.Context, src Source, now func() time.Time, seq uint64, meetingID string, typ model.MeetingType) tea.Cmd {
	return func() tea.Msg {
		ps, err := src.MeetingQoS(ctx, meetingID, typ)
		a := stamp(src, now, seq, err)
		a.seen = seenInAll(ps)
		return overviewFetchedMsg{answer: a, participants: ps}
	}
}
