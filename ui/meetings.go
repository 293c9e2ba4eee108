package ui

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/poll"
	"github.com/qostop/qostop/ui/report"
	"github.com/qostop/qostop/ui/table"
)

// meetingsInterval is how often the meeting list refreshes by itself, and
// the shortest interval + and - allow: Zoom counts /metrics/meetings as
// Resource-intensive, 10 to 20 requests a minute for the whole account.
const meetingsInterval = time.Minute

// meetingsModel is the list of live meetings, the screen `qostop` starts
// on: the way to a call when nobody has its ID at hand.
type meetingsModel struct {
	tableScreen
	meetings []model.Meeting // newest first, as the table shows them

	truncated string // Zoom has more meetings than qostop keeps: says so
	// fetchedAt is when the list last came: a failed answer fetched
	// nothing, and the bar said "fetched" at its time.
	fetchedAt time.Time
	webinars  webinarList
}

// meetingColumns go, on a narrow terminal, media first and the meeting ID
// never: the ID is what a user copies into `qostop watch ID`, and it
// grows to its widest cell so that it is never cut. Length goes before
// started, since it is the one that ages between fetches.
var meetingColumns = []table.Column{
	{Title: "topic", Width: 16, Flex: true, Most: 40},
	{Title: "host", Width: 16, Drop: 3},
	{Title: "meeting ID", Width: 11, Fit: true},
	{Title: "people", Width: 6, Right: true},
	{Title: "started", Width: 7, Drop: 1},
	{Title: "length", Width: 6, Right: true, Drop: 2},
	{Title: "media", Width: 11, Drop: 4},
}

func newMeetings(c *common) *meetingsModel {
	m := &meetingsModel{tableScreen: newTableScreen(c, meetingColumns, false, false)}
	src, now, ctx, webinars := c.cfg.Source, c.cfg.Now, m.ctx, &m.webinars
	m.poll = newPoller(c, meetingsInterval, func(env poll.Envelope) tea.Cmd { return meetingsCmd(ctx, src, now, env, webinars) })
	m.poll.MinInterval = meetingsInterval
	m.poll.Sched.Fixed = true // a list of meetings has no minute to follow
	m.waiting = "asking Zoom for the live meetings"
	m.table.Nothing = "no live meetings on this account right now; a meeting shows here once it has started"
	m.moreKeys = []key.Binding{roomsKey}
	if m.past() {
		from, to := c.cfg.From, c.cfg.To
		m.poll.Request = func(env poll.Envelope) tea.Cmd { return pastMeetingsCmd(ctx, src, now, env, from, to) }
		m.waiting = "asking Zoom for the meetings that ended " + m.span()
		m.table.Nothing = "Zoom lists no ended meeting that started " + m.span() + "; try --from and --to"
	}
	m.restyle()
	return m
}

func (m *meetingsModel) name() string { return "meetings" }

func (m *meetingsModel) restyle() {
	m.styled()
	m.refill()
}

// opens is the overview of the meeting under the cursor.
func (m *meetingsModel) opens(msg tea.KeyPressMsg) screen {
	if key.Matches(msg, roomsKey) {
		return newRooms(m.c)
	}
	mt, ok := m.selected()
	if !key.Matches(msg, m.tkeys.Open) || !ok {
		return nil
	}
	// A webinar is asked for by its Ref's Key, which says it is one.
	ref := model.Ref{Kind: mt.Kind, ID: cmp.Or(mt.ID, mt.UUID)}
	t := target{meetingID: ref.Key(), topic: mt.Topic, typ: model.Live, trail: []string{"Meetings"}}
	if m.past() {
		t.typ = model.Past
		if mt.UUID != "" { // an ended meeting's ID may name many; its UUID names the one listed
			ref.ID, t.number = mt.UUID, model.Sanitize(mt.ID)
			t.meetingID = ref.Key()
		}
	}
	return newOverview(m.c, t)
}

func (m *meetingsModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case poll.TickMsg:
		return m.poll.Tick(msg)
	case meetingsFetchedMsg:
		next := m.take(msg.Answer, false, func() {
			m.meetings, m.truncated, m.fetchedAt = slices.Clone(msg.meetings), msg.truncated, msg.At
			// Newest first: the bridge opened for an incident is the one
			// just started. Zoom's order breaks ties.
			slices.SortStableFunc(m.meetings, func(a, b model.Meeting) int { return b.StartTime.Compare(a.StartTime) })
		})
		m.refill()
		return next
	case tea.KeyPressMsg:
		cmd, _ := m.key(msg)
		return cmd
	}
	return nil
}

// selected is the meeting under the cursor.
func (m *meetingsModel) selected() (model.Meeting, bool) {
	r, ok := m.table.Selected()
	if !ok {
		return model.Meeting{}, false
	}
	for _, mt := range m.meetings {
		if meetingKey(mt) == r.Key {
			return mt, true
		}
	}
	return model.Meeting{}, false
}

func meetingKey(mt model.Meeting) string {
	if mt.UUID != "" {
		return mt.UUID
	}
	return mt.ID
}

// refill rebuilds the rows and the header from the meetings.
func (m *meetingsModel) refill() {
	rows := make([]table.Row, 0, len(m.meetings))
	for _, mt := range m.meetings {
		if m.c.redact {
			mt = model.RedactMeeting(mt)
		}
		topic, host, id := report.Text(mt.Topic), report.Text(mt.Host), report.Text(mt.ID)
		if mt.Kind == model.KindWebinar {
			topic = "[webinar] " + topic
		}
		var media []string
		if mt.HasVideo {
			media = append(media, "video")
		}
		if mt.HasScreenShare {
			media = append(media, "share")
		}
		started := ""
		if !mt.StartTime.IsZero() {
			started = mt.StartTime.In(m.c.clk.Now.Location()).Format("15:04")
		}
		rows = append(rows, table.Row{
			Key: meetingKey(mt),
			Cells: []table.Cell{
				{Text: report.Dash(topic), Role: theme.RoleText}, {Text: report.Dash(host), Role: theme.RoleText},
				{Text: report.Dash(id), Role: theme.RoleMuted}, {Text: strconv.Itoa(mt.Participants), Role: theme.RoleText},
				{Text: report.Dash(started), Role: theme.RoleText}, {Text: meetingLength(mt.Duration), Role: theme.RoleText},
				{Text: report.Dash(strings.Join(media, " ")), Role: theme.RoleMuted},
			},
			Search: strings.ToLower(topic + "\n" + host + "\n" + id),
		})
	}
	m.table.SetRows(rows)
	m.header = m.headerText()
	m.rebuild()
}

func (m *meetingsModel) headerText() string {
	st := m.c.st
	// The call's badge, so the list says what watch and the overview say:
	// LIVE only once Zoom answered, NO ACCESS with a wrong secret.
	typ := model.Live
	if m.past() {
		typ = model.Past
	}
	first := chrome.Trail([]string{"Meetings"}, st)
	if b := chrome.CallBadge(chrome.Call{Type: typ, Answered: m.loaded, Err: m.poll.LastErr}); b.Text != "" {
		first += "  " + b.Render(st)
	}
	switch {
	case m.loaded && m.past():
		first += "  " + st.Text.Render(chrome.Plural(len(m.meetings), "meeting", "meetings")+" ended, started "+m.span())
	case m.loaded:
		first += "  " + st.Text.Render(m.counted())
	}
	second := st.Muted.Render("newest first" + m.c.ss.Sep + "refreshed once a minute: Zoom allows 10-20 a minute")
	if m.truncated != "" {
		second = st.Level(model.Warn).Render(m.truncated) + st.Muted.Render(m.c.ss.Sep) + second
	}
	return first + "\n" + second
}

// counted says how many meetings, and webinars if any, the list holds.
func (m *meetingsModel) counted() string {
	webinars := 0
	for _, mt := range m.meetings {
		if mt.Kind == model.KindWebinar {
			webinars++
		}
	}
	s := chrome.Plural(len(m.meetings)-webinars, "meeting", "meetings") + " in progress"
	if webinars > 0 {
		s += ", and " + chrome.Plural(webinars, "webinar", "webinars")
	}
	return s
}

func (m *meetingsModel) status() chrome.StatusInfo {
	si := chrome.PollStatus(&m.poll)
	si.List, si.Redacted = true, m.c.redact
	si.LastPoll = m.fetchedAt // "not fetched yet" until a list came
	return si
}

func (m *meetingsModel) view() string { return m.draw(m.status()) }

// meetingLength turns Zoom's "01:02:03" into "1h02m", in whole minutes
// ("<1m" for less): the list is fetched once a minute, so seconds would
// stand still for a minute and claim a precision the figure does not
// have. Anything else is shown as it came.
func meetingLength(d string) string {
	var total time.Duration
	parts := strings.Split(strings.TrimSpace(d), ":")
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || len(parts) != 3 {
			return report.Dash(report.Text(d))
		}
		total = total*60 + time.Duration(n)
	}
	if total < 60 {
		return "<1m"
	}
	return chrome.FmtDur(total / 60 * time.Minute)
}

// meetingsFetchedMsg is the answer to the list's fetch number seq.
type meetingsFetchedMsg struct {
	poll.Answer
	meetings  []model.Meeting
	truncated string // the notice of a list cut at a cap; "" when whole
}

// meetingsCmd asks for the live meetings that started yesterday or today
// (UTC), every page: a bridge opened before midnight UTC is still live
// after it.
func meetingsCmd(ctx context.Context, src Source, now func() time.Time, env poll.Envelope, webinars *webinarList) tea.Cmd {
	return func() tea.Msg {
		to := now().UTC()
		ms, err := src.LiveMeetings(ctx, to.AddDate(0, 0, -1), to)
		notice, err := truncatedNotice(err)
		if err == nil {
			ms = withWebinars(ctx, src, ms, to, webinars)
		}
		return meetingsFetchedMsg{Answer: poll.Stamp(src, now, env, err), meetings: ms, truncated: notice}
	}
}

// past reports whether the list is of meetings that ended.
func (m *meetingsModel) past() bool { return m.c.cfg.Type == model.Past }

// span says the dates the past list covers: "today", "on 2026-11-24",
// "from 2026-11-20 to 2026-11-24" (UTC, as Zoom takes them).
func (m *meetingsModel) span() string {
	day := func(t time.Time) string {
		if t.IsZero() {
			t = m.c.clk.Now
		}
		return t.UTC().Format("2006-01-02")
	}
	from, to := day(m.c.cfg.From), day(m.c.cfg.To)
	switch {
	case from == to && from == m.c.clk.Now.UTC().Format("2006-01-02"):
		return "today (UTC)"
	case from == to:
		return "on " + from + " (UTC)"
	}
	return "from " + from + " to " + to + " (UTC)"
}

// pastMeetingsCmd asks for the meetings that ended and started between
// the dates of from and to, every page.
func pastMeetingsCmd(ctx context.Context, src Source, now func() time.Time, env poll.Envelope, from, to time.Time) tea.Cmd {
	return func() tea.Msg {
		ms, err := src.Meetings(ctx, model.Past, from, to)
		notice, err := truncatedNotice(err)
		return meetingsFetchedMsg{Answer: poll.Stamp(src, now, env, err), meetings: ms, truncated: notice}
	}
}
