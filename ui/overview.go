package ui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/poll"
	"github.com/qostop/qostop/ui/report"
	"github.com/qostop/qostop/ui/table"
)

// overviewModel is the meeting overview: one row per participant, worst
// first, polled at the watch interval, every page per refresh.
type overviewModel struct {
	tableScreen
	t       target // which meeting, and the way here
	roster  model.Roster
	order   model.Sort // the sort (s, S) and the media columns' reading (m)
	okeys   OverviewKeyMap
	pages   int           // requests the last refresh took; 0 before the first
	newest  time.Time     // the newest sample of anyone
	cadence time.Duration // how often samples come
	// diagnosis is the header's reading of who is degraded and what they share.
	diagnosis model.Diagnosis
	truncated string         // Zoom has more participants than qostop keeps: says so
	most      int            // the worst cell's widest when the rows were built (worstMost)
	names     map[string]int // how many rows show each name, to tell the same names apart
	cursorOn  string         // the row the cursor goes to on the first answer: whom `qostop watch` watched
	// memo holds the rows built, by member key (overview_memo.go); refills
	// counts refreshes, rebuilt the rows built afresh (for the tests).
	memo             map[string]rowMemo
	refills, rebuilt uint64
	heard            feed.Listener // told who joined and left, and the end; nil when not recording
	isWide           bool          // the table has the wide form's columns (overview_wide.go)
	trendBuf         []model.Value // a row's trend, bucketed, reused row after row
	drawnState       chrome.Badge  // the call's word the header was drawn with
	old              bool          // the rows were built while the data was STALE
}

// overviewColumns: the name and the "worst" cell, which says why the row
// is where it is, are never dropped; the media columns go before
// anything qostop does not judge. The readings' columns are as wide as
// their widest cell, so a number is never cut: a column that does not
// fit goes whole. Media titles and widths follow m (refill).
var overviewColumns = []table.Column{
	{Title: "participant", Width: 13, Flex: true, Most: 28},
	{Title: "worst now", Width: 17, Fit: true},
	{Title: "audio", Width: 11, Fit: true, Drop: 1}, // last of all: only a 40-column split drops it
	{Title: "video", Width: 11, Fit: true, Drop: 2},
	{Title: "share", Width: 11, Fit: true, Drop: 3},
	{Title: "zoom health", Width: 11, Drop: 4},
	{Title: "network", Width: 8, Drop: 5},
	{Title: "device", Width: 9, Drop: 6},
	{Title: "location", Width: 14, Drop: 7},
}

// overviewMediaCol is the index of the audio column; video and share follow.
const overviewMediaCol = 2

// newOverview builds the overview of meeting t, polled at the program's
// interval.
func newOverview(c *common, t target) *overviewModel {
	m := &overviewModel{t: t, cadence: time.Minute, okeys: DefaultOverviewKeyMap(), order: c.choices.Sort,
		tableScreen: newTableScreen(c, slices.Clone(overviewColumns), true, len(t.trail) > 0)}
	m.moreKeys = []key.Binding{m.okeys.Shown, m.okeys.Reverse}
	m.sideKeys = []key.Binding{m.keys.Mark} // a marker for the meeting (marker.go)
	src, now, ctx := c.cfg.Source, c.cfg.Now, m.ctx
	m.poll = newPoller(c, c.cfg.Interval, func(env poll.Envelope) tea.Cmd {
		return overviewCmd(ctx, src, now, env, t.meetingID, t.typ)
	})
	m.roster.Over = t.typ == model.Past
	m.alerting, m.judges = t.typ == model.Live, true
	m.poll.Explain = m.explain
	m.saidBy = m.said
	m.waiting = "asking Zoom for everyone's QoS in this meeting"
	m.table.Nothing = "Zoom lists nobody in this meeting yet"
	m.counts = m.countLine
	if c.cfg.listen != nil {
		m.heard = c.cfg.listen(t.meetingID)
	}
	m.reshape()
	m.restyle()
	return m
}

func (m *overviewModel) name() string { return "overview" }

func (m *overviewModel) restyle() {
	m.styled()
	m.legend = overviewLegend(m.c.st.Glyphs().Up, m.c.st.Glyphs().Down)
	clear(m.memo) // every kept row has the old styles
	m.refill()
}

// opens is the watch screen of the participant under the cursor, at this
// screen's interval.
func (m *overviewModel) opens(msg tea.KeyPressMsg) screen {
	p, ok := m.selected()
	if !key.Matches(msg, m.tkeys.Open) || !ok || p.UserID == "" {
		return nil // nobody there, or nobody Zoom can be asked about alone
	}
	return m.watchOf(p)
}

// watchOf is the watch screen of p, at this screen's interval.
func (m *overviewModel) watchOf(p model.Participant) screen {
	t := m.t
	t.participantID, t.trail = p.UserID, m.crumbs()
	w := newWatch(m.c, t, m.poll.Interval, p) // the header is right before the first answer
	w.order = m
	w.alias = m.alias(p)
	w.chain().Sched.Fixed = m.poll.Sched.Fixed // an interval fixed with + here stays fixed there
	return w
}

func (m *overviewModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case poll.TickMsg:
		return m.poll.Tick(msg)
	case overviewFetchedMsg:
		return m.fetched(msg)
	case tea.KeyPressMsg:
		return m.keyPress(msg)
	}
	return nil
}

// fetched takes an answer: the roster merged, the alerts judged, the
// cursor kept on whom it was on.
func (m *overviewModel) fetched(msg overviewFetchedMsg) tea.Cmd {
	var alert tea.Cmd
	next := m.take(msg.Answer, m.t.typ == model.Past, func() {
		before := m.roster.Members
		m.roster.Merge(msg.participants, msg.At, m.c.cfg.Thresholds)
		rosterChanged(m.heard, before, m.roster.Members, m.t.typ)
		m.pages = max(1, (len(msg.participants)+fetch.QoSPageSize-1)/fetch.QoSPageSize)
		m.judge(msg.participants)
		m.truncated = msg.truncated
		alert = m.c.alertCmd(m.t, msg.At, m.standings())
	})
	if msg.Err != nil && m.loaded && m.heard != nil && m.t.typ == model.Live && meetingEnded(msg.Err) {
		m.heard.Changed(model.Participant{}, model.LifeEnded)
	}
	m.refill()
	if m.cursorOn != "" && m.table.Select(m.cursorOn) {
		m.cursorOn = ""
		m.rebuild()
	}
	m.selectNamed(msg.participants)
	if alert != nil {
		return tea.Batch(next, alert)
	}
	return next
}

// keyPress takes the shared keys first, then the overview's own: the
// sort, its direction and the reading shown.
func (m *overviewModel) keyPress(msg tea.KeyPressMsg) tea.Cmd {
	interval := m.poll.Interval
	cmd, handled := m.key(msg)
	switch {
	case !handled && key.Matches(msg, m.tkeys.Sort):
		m.order.Column = (m.order.Column + 1) % model.NumSortColumns
		m.order.Reverse = false
		return tea.Batch(cmd, m.sorted())
	case !handled && key.Matches(msg, m.okeys.Reverse):
		m.order.Reverse = !m.order.Reverse
		return tea.Batch(cmd, m.sorted())
	case !handled && key.Matches(msg, m.okeys.Shown):
		m.order.Shown = (m.order.Shown + 1) % model.NumShown
		return tea.Batch(cmd, m.sorted())
	case m.poll.Interval != interval: // the cost a minute changed
		m.header = m.headerText()
		m.rebuild()
	}
	return cmd
}

// sorted redraws the rows in the new order and keeps it for next time.
func (m *overviewModel) sorted() tea.Cmd {
	m.refill()
	return m.c.remember(func(ch *model.Choices) { ch.Sort = m.order })
}

// judge notes the newest sample and the cadence, for the status bar.
func (m *overviewModel) judge(ps []model.Participant) {
	m.newest = time.Time{}
	for _, p := range ps {
		if n := len(p.Samples); n > 0 && p.Samples[n-1].Time.After(m.newest) {
			m.newest = p.Samples[n-1].Time
			m.cadence = model.SampleGap(p.Samples)
		}
	}
}

// standings are everyone present, for the alerts: their worst reading now.
func (m *overviewModel) standings() []model.Standing {
	ss := make([]model.Standing, 0, len(m.roster.Members))
	for k, mb := range m.roster.Members {
		if !mb.Left() {
			ss = append(ss, model.Standing{Key: k, Name: m.shownName(mb), Worst: mb.Rank.Worst, HasRead: mb.Rank.HasWorst})
		}
	}
	return ss
}

// looked redraws the rows without their marks: the user looked.
func (m *overviewModel) looked() { m.refill() }

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
		name = m.t.noun() + " " + m.t.shownID()
	}
	return append(m.t.trail[:len(m.t.trail):len(m.t.trail)], name)
}

// refill rebuilds the rows and the header from the members.
func (m *overviewModel) refill() {
	ms := m.roster.Sorted(m.order)
	rows := make([]table.Row, 0, len(ms))
	diag := make([]model.DiagnosisInput, 0, len(ms))
	m.refills++
	m.old = m.status().State.Text == chrome.StaleWord
	var missed []int // rows to build: their cells come from one array
	m.countNames(ms)
	for i, mb := range ms {
		p, name := m.shownAs(mb), m.shownName(mb)
		row, ok := m.keptRow(model.MemberKey(mb.P), m.sigOf(mb, name), mb.Current)
		if !ok {
			missed = append(missed, i)
		}
		rows = append(rows, row)
		if !mb.Left() {
			current := mb.Current
			if !mb.Rank.HasWorst {
				current = model.Sample{}
			}
			diag = append(diag, m.c.cfg.Thresholds.DiagnosisInputOf(p, name, current))
		}
	}
	m.titles()
	m.buildMissed(ms, rows, missed)
	m.forget(len(ms))
	m.diagnosis = model.Diagnose(diag)
	m.table.SetRowsAt(rows, m.c.clk.Now)
	m.header = m.headerText()
	m.rebuild()
}

// buildRow is the row of mb (p is mb.P as shown, redacted or not), its
// cells taken from the end of pool; it returns the pool left.
func (m *overviewModel) buildRow(mb *model.Member, p model.Participant, name, key string, ar arrows, pool []table.Cell) (table.Row, []table.Cell) {
	dev, net, loc := report.Text(p.Device), report.Text(p.NetworkType), report.Text(p.Location)
	text := theme.RoleText
	if mb.Left() {
		text = theme.RoleMuted
	}
	start := len(pool)
	nc := m.nameCell(mb, name)
	nc.Role = text
	if m.c.alerts.Worse(m.t.meetingID, key) {
		nc.Text = m.c.st.Glyphs().Worse + nc.Text // until the next key: see app.looked
	}
	pool = append(pool, nc, m.worstCell(mb, ar))
	if m.isWide {
		pool = m.wideCells(mb, ar, pool)
	} else {
		for _, md := range model.Medias {
			pool = append(pool, m.mediaCell(mb, md, ar))
		}
	}
	if m.old && !mb.Left() {
		oldCells(pool[start+1:]) // the worst cell and the media cells: readings now
	}
	pool = append(pool, m.healthCell(mb), table.Cell{Text: report.Dash(net), Role: text},
		table.Cell{Text: report.Dash(dev), Role: text}, table.Cell{Text: report.Dash(loc), Role: text})
	cells := pool[start:len(pool):len(pool)]
	return table.Row{Key: key, Cells: cells,
		Search: strings.ToLower(strings.Join([]string{name, p.UserID, dev, net, loc}, "\n"))}, pool
}

func (m *overviewModel) headerText() string {
	st := m.c.st
	first := chrome.Trail(m.crumbs(), st)
	si := m.status()
	m.drawnState = si.State
	if b := si.State; b.Text != "" {
		first += "  " + b.Render(st)
	}
	if strings.TrimSpace(m.t.topic) != "" { // else the crumb is the ID
		first += "  " + st.Muted.Render(m.t.noun()+" ") + st.Text.Render(report.Text(m.t.shownID()))
	}

	var diag string
	if m.loaded {
		// The diagnosis wraps to a second line rather than lose its cause.
		diagStyle := st.Text
		if m.diagnosis.Degraded > 0 {
			diagStyle = st.Level(model.Warn)
		}
		text := m.diagnosis.Text(m.c.ss.Sep)
		if m.roster.Over { // Diagnose reads who is degraded now, and nobody is there
			text = "meeting over: the worst call first, by how much of it was degraded"
		}
		var dl []string
		for _, l := range strings.Split(chrome.FirstLines(chrome.Wordwrap(text, max(m.c.width, 20)), 2), "\n") {
			dl = append(dl, diagStyle.Render(l))
		}
		diag = "\n" + strings.Join(dl, "\n")
		if m.truncated != "" { // the diagnosis is of those shown only
			diag = "\n" + st.Level(model.Warn).Render(m.truncated) + st.Muted.Render(m.c.ss.Sep) + diag[1:]
		}
	}
	// The counts are the last line, which the table screen asks of
	// countLine with the table's position once it knows it.
	return first + diag
}

// countLine is the header's last line: how many, the sort, the cost and
// the table's position (pos, "" when every row shows). Whole parts go
// when the line is too long, the least needed first, so none is cut
// mid-word ("1-18 o…" at 80 columns).
func (m *overviewModel) countLine(pos string) string {
	gone := 0
	for _, mb := range m.roster.Members {
		if mb.Left() {
			gone++
		}
	}
	count := chrome.Plural(len(m.roster.Members), "participant", "participants")
	if gone > 0 {
		count += fmt.Sprintf(", %d left", gone)
	}
	if d := m.roster.Dropped; d > 0 {
		// Those who left long ago are forgotten, so memory stays bounded.
		count += fmt.Sprintf(", %d who left earlier not shown", d)
	}
	parts := append([]countPart{{text: count}, {text: m.order.String(), drop: 3}},
		costParts(m.pages, m.poll.LastMinute(), m.t.typ == model.Past)...)
	if pos != "" {
		parts = append(parts, countPart{text: pos, drop: 1})
	}
	return m.c.st.Muted.Render(wholeParts(parts, m.c.ss.Sep, m.c.width))
}

// titles names the columns whose content m and the meeting's end switch.
// From 100 columns the media titles carry the unit ("audio lat ms"):
// narrower, the three cells it adds would come out of the names.
func (m *overviewModel) titles() {
	if m.isWide {
		m.wideTitles()
		return
	}
	if m.roster.Over {
		m.table.SetTitle(overviewMediaCol-1, "whole call") // nobody has a "now"
	}
	unit := ""
	if m.c.width >= 100 && m.order.Shown != model.ShowBitrate { // "kbps" is its own unit
		unit = " " + m.order.Shown.Unit()
	}
	for i, md := range model.Medias {
		m.table.SetTitle(overviewMediaCol+i, mediumShort(md)+" "+m.order.Shown.Short()+unit)
		m.table.SetWidth(overviewMediaCol+i, mediaWidth(m.order.Shown))
	}
}

// setSize redoes the header, whose parts are chosen for the width, and
// the titles.
func (m *overviewModel) setSize() {
	reshaped := m.reshape()
	m.titles()
	m.header = m.headerText()
	m.tableScreen.setSize()
	if most := worstMost(m.c.width); (most != m.most || reshaped) && m.loaded {
		m.most = most
		m.refill() // the worst cells name as many readings as now fit
	}
}

// countPart is one part of the count line: its text, what joins it to
// the part before ("" for the separator), and how soon it goes when the
// line is too long, the highest first; 0 never.
type countPart struct {
	text, glue string
	drop       int
}

// wholeParts joins the parts in order, leaving out whole parts, the
// highest drop first, until the line fits width cells; width 0 or less
// keeps them all.
func wholeParts(parts []countPart, sep string, width int) string {
	join := func() string {
		var b strings.Builder
		for i, p := range parts {
			switch {
			case i == 0:
			case p.glue != "":
				b.WriteString(p.glue)
			default:
				b.WriteString(sep)
			}
			b.WriteString(p.text)
		}
		return b.String()
	}
	for {
		out := join()
		worst := -1
		for i, p := range parts {
			if p.drop > 0 && (worst < 0 || p.drop > parts[worst].drop) {
				worst = i
			}
		}
		if width <= 0 || ansi.StringWidth(out) <= width || worst < 0 {
			return out
		}
		parts = slices.Delete(slices.Clone(parts), worst, worst+1)
	}
}

// costParts are what one refresh spends of the account's shared rate
// limit, and what the client measured in the last minute (every screen's
// requests, retries included): "4 req/refresh, 5 in last minute". The
// minute goes first on a narrow line, then the cost.
func costParts(pages, lastMinute int, once bool) []countPart {
	ps := []countPart{{text: strconv.Itoa(pages) + " req/refresh", drop: 2}}
	if once {
		return ps
	}
	return append(ps, countPart{text: strconv.Itoa(lastMinute) + " in last minute", glue: ", ", drop: 4})
}

// overviewFetchedMsg is the answer to the overview's fetch number seq.
type overviewFetchedMsg struct {
	poll.Answer
	participants []model.Participant
	truncated    string // the notice of a list cut at a cap; "" when whole
}

// overviewCmd asks for everyone's QoS in the meeting: one request per
// ten participants, the pages one after another, in one Cmd, so that a
// refresh is one request in flight at a time and never two refreshes.
func overviewCmd(ctx context.Context, src Source, now func() time.Time, env poll.Envelope, meetingID string, typ model.MeetingType) tea.Cmd {
	return func() tea.Msg {
		ps, err := src.MeetingQoS(ctx, meetingID, typ)
		notice, err := truncatedNotice(err)
		a := poll.Stamp(src, now, env, err)
		a.Seen = model.AnswerOf(a.At, ps...)
		return overviewFetchedMsg{Answer: a, participants: ps, truncated: notice}
	}
}
