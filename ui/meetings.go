package ui

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// meetingsInterval is how often the meeting list refreshes by itself, and
// the shortest interval + and - allow: Zoom counts /metrics/meetings as
// Resource-intensive, 10 to 20 requests a minute for the whole account.
const meetingsInterval = time.Minute

// meetingsModel is the list of live meetings, the screen `qostop` starts
// on: the way to a call when nobody has its ID at hand.
type meetingsModel struct {
	tableScreen
	cfg      Config
	meetings []model.Meeting // newest first, as the table shows them
	redact   bool
}

var meetingColumns = []column{
	{title: "topic", width: 16, flex: true, most: 40},
	{title: "host", width: 16, drop: 2},
	{title: "meeting ID", width: 11, drop: 3},
	{title: "people", width: 6, right: true},
	{title: "started", width: 7},
	{title: "length", width: 6, right: true, drop: 1},
	{title: "media", width: 11, drop: 1},
}

func newMeetings(ctx context.Context, cfg Config, st theme.Styles, keys KeyMap) meetingsModel {
	p := newPoller(screenMeetings, cfg, meetingsInterval, func(seq uint64) tea.Cmd {
		return meetingsCmd(ctx, cfg.Source, cfg.Now, seq)
	})
	p.minInterval = meetingsInterval
	p.sched.Fixed = true // a list of meetings has no minute to follow
	m := meetingsModel{cfg: cfg, redact: cfg.Redact,
		tableScreen: newTableScreen(ctx, p, keys, meetingColumns, false, false)}
	m.waiting = "asking Zoom for the live meetings"
	m.table.nothing = "no live meetings on this account right now; a meeting shows here once it has started"
	m.setStyles(st)
	return m
}

func (m *meetingsModel) setStyles(st theme.Styles) {
	m.tableScreen.setStyles(st)
	m.refill()
}

func (m *meetingsModel) setRedact(on bool) {
	m.redact = on
	m.refill()
}

func (m *meetingsModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pollTickMsg:
		return m.tick(msg)
	case meetingsFetchedMsg:
		ok, next := m.take(msg.answer, false)
		if ok {
			m.meetings = slices.Clone(msg.meetings)
			// Newest first: the bridge opened for an incident is the one
			// just started. Zoom's order breaks ties.
			slices.SortStableFunc(m.meetings, func(a, b model.Meeting) int { return b.StartTime.Compare(a.StartTime) })
		}
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
	r, ok := m.table.selected()
	if !ok {
		return model.Meeting{}, false
	}
	for _, mt := range m.meetings {
		if meetingKey(mt) == r.key {
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
	st := m.st
	rows := make([]row, 0, len(m.meetings))
	for _, mt := range m.meetings {
		if m.redact {
			mt = model.RedactMeeting(mt)
		}
		topic, host, id := tableText(mt.Topic), tableText(mt.Host), tableText(mt.ID)
		var media []string
		if mt.HasVideo {
			media = append(media, "video")
		}
		if mt.HasScreenShare {
			media = append(media, "share")
		}
		started := ""
		if !mt.StartTime.IsZero() {
			started = mt.StartTime.In(m.now.Location()).Format("15:04")
		}
		rows = append(rows, row{
			key: meetingKey(mt),
			cells: []cell{
				{tableDash(topic), st.Text}, {tableDash(host), st.Text}, {tableDash(id), st.Muted},
				{strconv.Itoa(mt.Participants), st.Text}, {tableDash(started), st.Text},
				{meetingLength(mt.Duration), st.Text}, {tableDash(strings.Join(media, " ")), st.Muted},
			},
			search: strings.ToLower(topic + "\n" + host + "\n" + id),
		})
	}
	m.table.setRows(rows)
	m.header = m.headerText()
	m.rebuild()
}

func (m *meetingsModel) headerText() string {
	st := m.st
	first := renderTrail([]string{"Meetings"}, st) + "  " + st.Accent.Render("LIVE")
	if m.loaded {
		first += "  " + st.Text.Render(plural(len(m.meetings), "meeting", "meetings")+" in progress")
	}
	second := st.Muted.Render("newest first" + m.ss.sep + "refreshed once a minute: Zoom allows 10-20 a minute")
	return first + "\n" + second
}

func (m *meetingsModel) statusInfo() statusInfo {
	si := m.pollStatus()
	si.list, si.redacted = true, m.redact
	return si
}

func (m *meetingsModel) view() string { return m.tableScreen.view(m.statusInfo()) }

// meetingLength turns Zoom's "01:02:03" into "1h02m"; anything else is
// shown as it came.
func meetingLength(d string) string {
	var total time.Duration
	parts := strings.Split(strings.TrimSpace(d), ":")
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || len(parts) != 3 {
			return tableDash(tableText(d))
		}
		total = total*60 + time.Duration(n)
	}
	return fmtDur(total * time.Second)
}

// meetingsFetchedMsg is the answer to the list's fetch number seq.
type meetingsFetchedMsg struct {
	answer
	meetings []model.Meeting
}

// meetingsCmd asks for the live meetings that started yesterday or today
// (UTC), every page: a bridge opened before midnight UTC is still live
// after it.
func meetingsCmd(ctx context.Context, src Source, now func() time.Time, seq uint64) tea.Cmd {
	return func() tea.Msg {
		to := now().UTC()
		ms, err := src.LiveMeetings(ctx, to.AddDate(0, 0, -1), to)
		return meetingsFetchedMsg{answer: stamp(src, now, seq, err), meetings: ms}
	}
}
