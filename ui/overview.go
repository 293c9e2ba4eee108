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
	"github.com/qostop/qostop/ui/report"
	"github.com/qostop/qostop/ui/table"
)

// qosPageSize is how many participants one request of
// /participants/qos brings: Zoom's maximum, which the client always asks.
const qosPageSize = 10

// overviewModel is the meeting overview: one row per participant, worst
// first, polled at the watch interval, every page per refresh.
type overviewModel struct {
	tableScreen
	t       target // which meeting, and the way here
	roster  model.Roster
	order   model.SortOrder
	pages   int                // requests the last refresh took; 0 before the first
	newest  time.Time          // the newest sample of anyone
	cadence time.Duration      // how often samples come
	memo    map[string]rowMemo // the rows built, by member key (overview_memo.go)
}

var overviewColumns = []table.Column{
	{Title: "participant", Width: 16, Flex: true, Most: 28},
	{Title: "device", Width: 9, Drop: 3},
	{Title: "network", Width: 8},
	{Title: "location", Width: 14, Drop: 4},
	{Title: "audio", Width: 11},
	{Title: "video", Width: 11},
	{Title: "share", Width: 11},
	{Title: "health", Width: 10, Drop: 1},
	{Title: "recent", Width: 9, Drop: 2},
}

// newOverview builds the overview of meeting t, polled at the program's
// interval.
func newOverview(c *common, t target) *overviewModel {
	m := &overviewModel{t: t, cadence: time.Minute,
		tableScreen: newTableScreen(c, overviewColumns, true, len(t.trail) > 0)}
	src, now, ctx := c.cfg.Source, c.cfg.Now, m.ctx
	m.poll = newPoller(c, c.cfg.Interval, func(env envelope) tea.Cmd {
		return overviewCmd(ctx, src, now, env, t.meetingID, t.typ)
	})
	m.poll.explain = explainMeeting(t.meetingID, t.typ)
	m.waiting = "asking Zoom for everyone's QoS in this meeting"
	m.table.Nothing = "Zoom lists nobody in this meeting yet"
	m.restyle()
	return m
}

func (m *overviewModel) name() string { return "overview" }

func (m *overviewModel) restyle() {
	m.styled()
	m.memo = nil // every kept row has the old styles or names
	m.refill()
}

// opens is the watch screen of the participant under the cursor, at this
// screen's interval, fixed if it is fixed here.
func (m *overviewModel) opens(msg tea.KeyPressMsg) screen {
	p, ok := m.selected()
	if !key.Matches(msg, m.tkeys.Open) || !ok || p.UserID == "" {
		return nil // nobody there, or nobody Zoom can be asked about alone
	}
	t := m.t
	t.participantID, t.trail = p.UserID, m.crumbs()
	w := newWatch(m.c, t, m.poll.interval)
	w.who = p // the header is right before the first answer
	w.poll.sched.Fixed = m.poll.sched.Fixed
	return w
}

func (m *overviewModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pollTickMsg:
		return m.poll.tick(msg)
	case overviewFetchedMsg:
		next := m.take(msg.answer, m.t.typ == model.Past, func() {
			m.roster.Merge(msg.participants, msg.at, m.c.cfg.Thresholds)
			m.pages = max(1, (len(msg.participants)+qosPageSize-1)/qosPageSize)
			m.judge(msg.participants)
		})
		m.refill()
		return next
	case tea.KeyPressMsg:
		interval := m.poll.interval
		cmd, handled := m.key(msg)
		switch {
		case !handled && key.Matches(msg, m.tkeys.Sort):
			m.order = (m.order + 1) % model.NumSorts
			m.refill()
		case m.poll.interval != interval: // the cost a minute changed
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
	id := report.Text(meetingID)
	if typ == model.Past {
		return "Zoom has no ended meeting " + id + ". Check the ID; Zoom keeps QoS for 12 months."
	}
	return "Meeting " + id + " is not live: it has ended, or Zoom knows no meeting with this ID. " +
		"For an ended meeting: qostop meeting --type past " + id
}

// selected is the participant under the cursor.
func (m *overviewModel) selected() (model.Participant, bool) {
	r, ok := m.table.Selected()
	if !ok {
		return model.Participant{}, false
	}
	mb, ok := m.roster.Members[r.Key]
	return mb.P, ok
}

// crumbs are the breadcrumbs up to this meeting.
func (m *overviewModel) crumbs() []string {
	name := m.t.topic
	if strings.TrimSpace(name) == "" {
		name = "meeting " + m.t.meetingID
	}
	return append(m.t.trail[:len(m.t.trail):len(m.t.trail)], name)
}

// refill rebuilds the rows and the header from the members.
func (m *overviewModel) refill() {
	st := m.c.st
	ms := m.roster.Sorted(m.order)
	rows := make([]table.Row, 0, len(ms))
	// One array holds every row's cells: a cell carries a lipgloss.Style
	// (hundreds of bytes), and growing each row's slice from four cells
	// copied them two or three times a row, 6 MB a refresh at 300 people.
	ncol := len(overviewColumns)
	var all []table.Cell
	memo := make(map[string]rowMemo, len(ms))
	for i, mb := range ms {
		k, sig := model.MemberKey(mb.P), sigOf(mb, m.c.redact)
		if old, ok := m.memo[k]; ok && old.sig == sig {
			rows, memo[k] = append(rows, old.row), old
			continue
		}
		if all == nil {
			all = make([]table.Cell, 0, (len(ms)-i)*ncol) // enough for every row from here
		}
		p := mb.P
		if m.c.redact {
			p = model.Redact(p)
		}
		name, dev, net, loc := displayName(p), report.Text(p.Device), report.Text(p.NetworkType), report.Text(p.Location)
		text := st.Text
		if mb.Left() {
			text = st.Muted
		}
		n := len(all)
		all = all[:n+ncol]
		cells := append(all[n:n:n+ncol], table.Cell{Text: name, Style: text}, table.Cell{Text: report.Dash(dev), Style: text},
			table.Cell{Text: report.Dash(net), Style: text}, table.Cell{Text: report.Dash(loc), Style: text})
		for i, r := range mb.Media {
			switch {
			case !mb.Has[i]:
				cells = append(cells, table.Cell{Text: "-", Style: st.Muted})
			case mb.Left():
				cells = append(cells, table.Cell{Text: readingText(r), Style: st.Muted})
			default:
				cells = append(cells, table.Cell{Text: readingText(r), Style: st.Level(r.Level)})
			}
		}
		cells = append(cells, m.healthCell(mb), m.recentCell(mb))
		row := table.Row{Key: k, Cells: cells,
			Search: strings.ToLower(strings.Join([]string{name, p.UserID, dev, net, loc}, "\n"))}
		rows, memo[k] = append(rows, row), rowMemo{sig, row}
	}
	m.memo = memo
	m.table.SetRows(rows)
	m.header = m.headerText()
	m.rebuild()
}

// healthCell is Zoom's health word with its marker, or when they left.
func (m *overviewModel) healthCell(mb model.Member) table.Cell {
	switch {
	case mb.P.Left():
		return table.Cell{Text: "left " + mb.P.LeaveTime.In(m.c.now.Location()).Format("15:04"), Style: m.c.st.Muted}
	case mb.Gone:
		return table.Cell{Text: "left", Style: m.c.st.Muted}
	}
	h := report.Text(mb.P.Health)
	if h == "" {
		return table.Cell{Text: "-", Style: m.c.st.Muted}
	}
	lv := healthLevel(h)
	return table.Cell{Text: h + theme.Marker(lv), Style: m.c.st.Level(lv)}
}

// recentCell is the worst level over the recent samples, which the worst
// sort breaks ties by: it says why two "good" rows are in their order.
func (m *overviewModel) recentCell(mb model.Member) table.Cell {
	if mb.Newest.IsZero() {
		return table.Cell{Text: "-", Style: m.c.st.Muted}
	}
	st := m.c.st.Level(mb.Recent)
	if mb.Left() {
		st = m.c.st.Muted
	}
	return table.Cell{Text: mb.Recent.String() + theme.Marker(mb.Recent), Style: st}
}

func (m *overviewModel) headerText() string {
	st := m.c.st
	first := renderTrail(m.crumbs(), st)
	if m.t.typ == model.Past {
		first += "  " + st.Muted.Render("PAST")
	} else {
		first += "  " + st.Accent.Render("LIVE")
	}
	if strings.TrimSpace(m.t.topic) != "" { // else the crumb is the ID
		first += "  " + st.Muted.Render("meeting ") + st.Text.Render(report.Text(m.t.meetingID))
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
		info = append(info, count, costText(m.pages, m.poll.lastMinute(), m.t.typ == model.Past), m.order.String())
	}
	if len(info) == 0 {
		return first
	}
	return first + "\n" + st.Muted.Render(strings.Join(info, m.c.ss.sep))
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

func (m *overviewModel) status() statusInfo {
	si := m.poll.pollStatus()
	si.newest, si.redacted = m.newest, m.c.redact
	if m.t.typ == model.Live {
		si.staleAt = model.StaleAt(m.newest, m.poll.interval, m.cadence)
	}
	return si
}

func (m *overviewModel) view() string { return m.draw(m.status()) }

// overviewFetchedMsg is the answer to the overview's fetch number seq.
type overviewFetchedMsg struct {
	answer
	participants []model.Participant
}

// overviewCmd asks for everyone's QoS in the meeting: one request per
// ten participants, the pages one after another, in one Cmd, so that a
// refresh is one request in flight at a time and never two refreshes.
func overviewCmd(ctx context.Context, src Source, now func() time.Time, env envelope, meetingID string, typ model.MeetingType) tea.Cmd {
	return func() tea.Msg {
		ps, err := src.MeetingQoS(ctx, meetingID, typ)
		a := stamp(src, now, env, err)
		a.seen = model.AnswerOf(a.at, ps...)
		return overviewFetchedMsg{answer: a, participants: ps}
	}
}
