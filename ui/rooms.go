package ui

import (
	"context"
	"errors"
	"maps"
	"slices"
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

// "The boardroom's audio is bad" is one of the commonest support calls.
// The rooms screen lists the account's Zoom Rooms worst first (offline,
// critical, with issues, in a meeting, idle), refreshed once a minute as
// the meeting list is (Zoom counts both Resource-intensive). A room has
// no QoS of its own: its QoS is its participant row in the meeting it is
// in, which only the room's details name (a Heavy request). So each room
// seen in a meeting is asked about once, at most maxRoomDetails a
// refresh; enter on it opens that meeting's overview on the room's row.

// maxRoomDetails bounds the details asked for in one refresh, so an
// account whose rooms all join at nine spends a few requests a minute.
const maxRoomDetails = 5

// roomsKey opens the rooms screen from the meeting list.
var roomsKey = key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "Zoom Rooms"))

type roomsModel struct {
	tableScreen
	rooms     []model.Room             // worst first, as the table shows them
	meetingOf map[string]model.Meeting // room ID -> the live meeting its details named
	note      string                   // why enter did nothing, until the next answer
}

var roomColumns = []table.Column{
	{Title: "room", Width: 18, Flex: true, Most: 32},
	{Title: "status", Width: 17},
	{Title: "health", Width: 8},
	{Title: "issues", Width: 30, Drop: 1},
	{Title: "meeting ID", Width: 11, Fit: true, Drop: 2},
}

func newRooms(c *common) *roomsModel {
	m := &roomsModel{tableScreen: newTableScreen(c, roomColumns, false, true), meetingOf: map[string]model.Meeting{}}
	src, now, ctx := c.cfg.Source, c.cfg.Now, m.ctx
	m.poll = newPoller(c, meetingsInterval, func(env poll.Envelope) tea.Cmd {
		return roomsCmd(ctx, src, now, env, maps.Clone(m.meetingOf))
	})
	m.poll.MinInterval = meetingsInterval
	m.poll.Sched.Fixed = true // a list has no minute to follow
	m.waiting = "asking Zoom for the account's Zoom Rooms"
	m.table.Nothing = "Zoom lists no Zoom Rooms on this account"
	m.moreKeys = []key.Binding{m.tkeys.Open}
	m.restyle()
	return m
}

func (m *roomsModel) name() string { return "rooms" }

func (m *roomsModel) restyle() {
	m.styled()
	m.refill()
}

// opens is the overview of the meeting the room under the cursor is in,
// its cursor on the room's row.
func (m *roomsModel) opens(msg tea.KeyPressMsg) screen {
	r, ok := m.selected()
	if !key.Matches(msg, m.tkeys.Open) || !ok {
		return nil
	}
	mt, known := m.meetingOf[r.ID]
	switch {
	case !strings.EqualFold(r.Status, model.RoomInMeeting):
		m.note = report.Text(r.Name) + " is in no meeting: nothing to open"
	case !known:
		// Its details come with the next refresh, or failed with the last one.
		m.note = "Zoom has not said yet which meeting " + report.Text(r.Name) + " is in: r asks again now, then enter"
	default:
		m.note = ""
		return newOverview(m.c, target{meetingID: mt.Ref().Key(), number: model.Sanitize(mt.ID), topic: mt.Topic,
			typ: model.Live, trail: []string{"Zoom Rooms"}, selectName: r.Name})
	}
	m.header = m.headerText()
	m.rebuild()
	return nil
}

func (m *roomsModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case poll.TickMsg:
		return m.poll.Tick(msg)
	case roomsFetchedMsg:
		next := m.take(msg.Answer, false, func() {
			m.rooms = slices.Clone(msg.rooms)
			model.SortRooms(m.rooms)
			inMeeting := map[string]bool{}
			for _, r := range m.rooms {
				inMeeting[r.ID] = strings.EqualFold(r.Status, model.RoomInMeeting)
			}
			// A room that left its meeting may join another: ask again then.
			maps.DeleteFunc(m.meetingOf, func(id string, _ model.Meeting) bool { return !inMeeting[id] })
			maps.Copy(m.meetingOf, msg.meetings)
			m.note = ""
		})
		m.refill()
		return next
	case tea.KeyPressMsg:
		cmd, _ := m.key(msg)
		return cmd
	}
	return nil
}

func (m *roomsModel) selected() (model.Room, bool) {
	row, ok := m.table.Selected()
	if !ok {
		return model.Room{}, false
	}
	for _, r := range m.rooms {
		if r.ID == row.Key {
			return r, true
		}
	}
	return model.Room{}, false
}

// refill rebuilds the rows and the header from the rooms.
func (m *roomsModel) refill() {
	rows := make([]table.Row, 0, len(m.rooms))
	for _, r := range m.rooms {
		name, status, health := report.Text(r.Name), report.Text(r.Status), report.Text(r.Health)
		if m.c.redact {
			name = model.Redacted
		}
		role := theme.RoleText
		switch model.RoomRank(r) {
		case 0, 1:
			role = theme.RoleCritical
		case 2:
			role = theme.RoleWarn
		}
		issues := make([]string, 0, len(r.Issues))
		for _, s := range r.Issues {
			issues = append(issues, report.Text(s))
		}
		meeting := ""
		if mt, ok := m.meetingOf[r.ID]; ok {
			meeting = report.Text(mt.ID)
		}
		rows = append(rows, table.Row{
			Key: r.ID,
			Cells: []table.Cell{
				{Text: report.Dash(name), Role: theme.RoleText}, {Text: report.Dash(status), Role: role},
				{Text: report.Dash(health), Role: role}, {Text: report.Dash(strings.Join(issues, "; ")), Role: role},
				{Text: report.Dash(meeting), Role: theme.RoleMuted},
			},
			Search: strings.ToLower(name + "\n" + status + "\n" + strings.Join(issues, "\n")),
		})
	}
	m.table.SetRows(rows)
	m.header = m.headerText()
	m.rebuild()
}

func (m *roomsModel) headerText() string {
	st := m.c.st
	first := chrome.Trail([]string{"Zoom Rooms"}, st)
	if m.loaded {
		bad := 0
		for _, r := range m.rooms {
			if model.RoomRank(r) <= 2 {
				bad++
			}
		}
		first += "  " + st.Text.Render(chrome.Plural(len(m.rooms), "room", "rooms"))
		if bad > 0 {
			first += "  " + st.Level(model.Warn).Render(chrome.Plural(bad, "offline or with issues", "offline or with issues"))
		}
	}
	second := st.Muted.Render("worst first" + m.c.ss.Sep + "refreshed once a minute" + m.c.ss.Sep +
		"enter on a room in a meeting opens it")
	if m.note != "" {
		second = st.Level(model.Warn).Render(m.note)
	}
	return first + "\n" + second
}

func (m *roomsModel) status() chrome.StatusInfo {
	si := chrome.PollStatus(&m.poll)
	si.List, si.Redacted = true, m.c.redact
	return si
}

func (m *roomsModel) view() string { return m.draw(m.status()) }

// roomsFetchedMsg is the room list and the meetings of the rooms asked about.
type roomsFetchedMsg struct {
	poll.Answer
	rooms    []model.Room
	meetings map[string]model.Meeting // room ID -> live meeting, for the rooms asked about
}

// errNoRooms: a Source that cannot list Zoom Rooms (not Zoom's client).
var errNoRooms = errors.New("this data source has no Zoom Rooms to list")

// roomsCmd lists the rooms, then asks for the details of the rooms it
// lists in a meeting whose meeting is not known, worst first, at most
// maxRoomDetails (a failure leaves that room's meeting unknown until the
// next refresh asks again).
func roomsCmd(ctx context.Context, src Source, now func() time.Time, env poll.Envelope, known map[string]model.Meeting) tea.Cmd {
	return func() tea.Msg {
		more, ok := src.(moreSource)
		if !ok {
			return roomsFetchedMsg{Answer: poll.Stamp(src, now, env, errNoRooms)}
		}
		rooms, err := more.Rooms(ctx)
		_, err = truncatedNotice(err) // a list cut at the client's cap still shows what came
		model.SortRooms(rooms)
		found := map[string]model.Meeting{}
		for _, r := range rooms {
			if _, ok := known[r.ID]; ok || err != nil || len(found) == maxRoomDetails || !strings.EqualFold(r.Status, model.RoomInMeeting) {
				continue
			}
			if d, derr := more.Room(ctx, r.ID); derr == nil && d.Meeting.Ref().ID != "" {
				found[r.ID] = d.Meeting
			}
		}
		return roomsFetchedMsg{Answer: poll.Stamp(src, now, env, err), rooms: rooms, meetings: found}
	}
}
