package ui

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/report"
	"github.com/qostop/qostop/ui/table"
)

// The overview's cells: how a roster member's readings read in a table.
// What they are and how they rank is model's (roster.go, rostersort.go).

// metricShort names a Reading's metric in a cell, short since the
// "worst" cell is as wide as its widest: the minute's average loss is
// "loss", its peak "maxloss" ("max" alone said nothing of loss).
func metricShort(m model.Metric) string {
	switch m {
	case model.Latency:
		return "lat"
	case model.Jitter:
		return "jit"
	case model.AvgLoss:
		return "loss"
	case model.MaxLoss:
		return "maxloss"
	}
	return m.String()
}

// mediumShort is a medium in a cell: "screen share" is too long.
func mediumShort(md model.Media) string {
	if md == model.Share {
		return "share"
	}
	return md.String()
}

// unitOf is what a reading of m is written with, right after the number.
func unitOf(m model.Metric) string {
	if m == model.AvgLoss || m == model.MaxLoss {
		return "%"
	}
	return "ms"
}

// mediaWidth is the narrowest a media column is under m: what the usual
// readings take both ways with their markers ("↑216* ↓225*", "↑0.06
// ↓0.12", "↑1515 ↓1834", "↑12 ↓15*"), so that the columns keep still
// from one refresh to the next; a wider reading widens its column.
func mediaWidth(s model.Shown) int {
	if s == model.ShowJitter {
		return 9
	}
	return 11
}

// cellNum writes a reading in a table cell. Milliseconds and kbps from
// 10 up are whole numbers, so a column reads alike down ("↑30 ↓65", not
// "↑30.2 ↓65"): a tenth of a millisecond says nothing about a call.
// Below 10, and for loss, where 0.06% and 0.6% differ, the pane's form.
func cellNum(v float64, percent bool) string {
	if percent || v < 10 {
		return model.FormatNum(v)
	}
	return strconv.FormatFloat(math.Round(v), 'f', 0, 64)
}

// arrows are send's (↑) and receive's (↓) marks, "^" and "v" in ASCII,
// indexed by model.Direction: taken from the glyphs (a 400-byte struct)
// once a refresh rather than once a cell.
type arrows [2]string

func arrowsOf(st theme.Styles) arrows {
	g := st.Glyphs()
	return arrows{model.Send: g.Up, model.Receive: g.Down}
}

func (a arrows) of(d model.Direction) string {
	if d == model.Receive {
		return a[model.Receive]
	}
	return a[model.Send]
}

// worstCell says why the row is where it is: the reading furthest past
// its threshold now, e.g. "audio ↑ loss 7.2%!", or that they left.
func (m *overviewModel) worstCell(mb *model.Member, ar arrows) table.Cell {
	switch {
	case m.roster.Over:
		return m.callCell(mb)
	case mb.P.Left():
		return table.Cell{Text: "left " + mb.P.LeaveTime.In(m.c.clk.Now.Location()).Format("15:04"), Role: theme.RoleMuted}
	case mb.Gone:
		return table.Cell{Text: "left", Role: theme.RoleMuted}
	case !mb.Rank.HasWorst:
		return table.Cell{Text: "no readings", Role: theme.RoleMuted}
	}
	w := mb.Rank.Worst
	if w.Level < model.Warn {
		// Nothing past a threshold: a reading here, in green, read like a
		// problem ("video ↑ maxloss 4.9%").
		return table.Cell{Text: "good", Role: theme.LevelRole(w.Level)}
	}
	return table.Cell{Text: breachText(m.c.cfg.Thresholds.Breaches(mb.Current), ar, worstMost(m.c.width)), Role: theme.LevelRole(w.Level)}
}

// worstMost is how wide the "worst now" cell may grow at a terminal
// width: the name column gives way to it, and at 80 columns it stays as
// narrow as one reading was.
func worstMost(width int) int {
	switch {
	case width >= 160:
		return 44
	case width >= 120:
		return 34
	case width >= 100:
		return 27
	}
	return 21
}

// breachText names every reading past warn, worst first, as many as fit
// in most cells, then how many more: "audio ↑ lat 412ms! jit 66ms! +1".
// The medium and direction are written when they change from the reading
// before.
func breachText(bs []model.Reading, ar arrows, most int) string {
	var b strings.Builder
	for i, r := range bs {
		part := metricShort(r.Metric) + " " + cellNum(r.Value.V, unitOf(r.Metric) == "%") + unitOf(r.Metric) +
			strings.TrimSpace(theme.Marker(r.Level))
		if i == 0 || r.Stream.Media != bs[i-1].Stream.Media || r.Stream.Dir != bs[i-1].Stream.Dir {
			part = mediumShort(r.Stream.Media) + " " + ar.of(r.Stream.Dir) + " " + part
		}
		more := ""
		if i < len(bs)-1 {
			more = " +" + strconv.Itoa(len(bs)-i-1)
		}
		if i > 0 && ansi.StringWidth(b.String()+" "+part+more) > most {
			return b.String() + " +" + strconv.Itoa(len(bs)-i)
		}
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(part)
	}
	return b.String()
}

// callCell is the "worst" cell of a meeting that is over, where nobody
// has a reading now: the share of their call spent degraded, which is
// what ranks them, and when they left, e.g. "40% degraded, left 15:27".
func (m *overviewModel) callCell(mb *model.Member) table.Cell {
	left := ""
	if mb.P.Left() {
		left = ", left " + mb.P.LeaveTime.In(m.c.clk.Now.Location()).Format("15:04")
	}
	if m.degradedShown(mb) < 0 {
		return table.Cell{Text: "no readings" + left, Role: theme.RoleMuted}
	}
	role := theme.RoleText
	if mb.Rank.Degraded > 0 {
		role = theme.LevelRole(model.Warn)
	}
	return table.Cell{Text: strconv.FormatFloat(100*mb.Rank.Degraded, 'f', 0, 64) + "% degraded" + left, Role: role}
}

// degradedShown is the share callCell shows, -1 for someone with no
// sample; 0 on a live meeting, whose cells do not show it.
func (m *overviewModel) degradedShown(mb *model.Member) float64 {
	switch {
	case !m.roster.Over:
		return 0
	case mb.Newest.IsZero():
		return -1
	}
	return mb.Rank.Degraded
}

// mediaCell is one medium's shown reading both ways, "↑52 ↓61", each
// number with its level's marker, in the colour of the worse of the two.
func (m *overviewModel) mediaCell(mb *model.Member, md model.Media, ar arrows) table.Cell {
	metric, judged := m.order.Shown.Metric()
	text, worst, any := "", model.Unknown, false
	for i, dir := range []model.Direction{model.Send, model.Receive} {
		if i > 0 {
			text += " "
		}
		v := mb.MediaValue(md, dir, m.order.Shown)
		if !v.OK {
			text += ar.of(dir) + "-"
			continue
		}
		any = true
		lv := model.Unknown
		if judged {
			lv = m.c.cfg.Thresholds.Level(metric, v)
		}
		worst = max(worst, lv)
		text += ar.of(dir) + cellNum(v.V, m.order.Shown == model.ShowLoss) + strings.TrimSpace(theme.Marker(lv))
	}
	switch {
	case !any:
		return table.Cell{Text: "-", Role: theme.RoleMuted}
	case mb.Left():
		return table.Cell{Text: text, Role: theme.RoleMuted}
	case !judged:
		return table.Cell{Text: text, Role: theme.RoleText}
	}
	return table.Cell{Text: text, Role: theme.LevelRole(worst)}
}

// healthCell is Zoom's own word for the participant, shown as Zoom's and
// in plain text: qostop's levels are the one judgement drawn in colour.
func (m *overviewModel) healthCell(mb *model.Member) table.Cell {
	h := report.Text(mb.P.Health)
	if h == "" {
		return table.Cell{Text: "-", Role: theme.RoleMuted}
	}
	return table.Cell{Text: h, Role: theme.RoleMuted}
}

// alias is p's pseudonym, for the watch screen to show under R as the
// overview does.
func (m *overviewModel) alias(p model.Participant) string {
	mb, ok := m.roster.Members[model.MemberKey(p)]
	if !ok {
		return ""
	}
	return "participant " + strconv.Itoa(mb.Seen+1)
}

// shownName is the name on screen: under R a pseudonym that stays the
// same for the meeting ("participant 3"), so rows can still be told apart.
func (m *overviewModel) shownName(mb model.Member) string {
	if m.c.redact {
		return "participant " + strconv.Itoa(mb.Seen+1)
	}
	return model.DisplayName(mb.P)
}

// shownAs is mb's participant as the screen may show it: under R without
// what names a person.
func (m *overviewModel) shownAs(mb model.Member) model.Participant {
	p := mb.P
	if m.c.redact {
		p = model.Redact(p)
		p.UserID = "" // a user ID names a person to anyone with Zoom's admin console
	}
	return p
}

// countNames counts the rows each shown name is on.
func (m *overviewModel) countNames(ms []model.Member) {
	if m.names == nil {
		m.names = map[string]int{}
	}
	clear(m.names)
	for _, mb := range ms {
		m.names[m.shownName(mb)]++
	}
}

// nameCell is the participant cell: the name, and what names them for
// watch, never cut (table.Cell.Keep). A hidden name is "(hidden)" and the
// user ID, and "(hidden)" gives way first; a name on more than one row
// gets the end of the user ID ("Alex Kim #4312"), so that three people
// of one name can be told apart. Under R neither: the pseudonyms are
// unique, and an ID names a person.
func (m *overviewModel) nameCell(mb *model.Member, name string) table.Cell {
	id := report.Text(mb.P.UserID)
	switch {
	case m.c.redact || id == "":
		return table.Cell{Text: name}
	case strings.TrimSpace(model.Sanitize(mb.P.UserName)) == "":
		return table.Cell{Text: "(hidden)", Keep: id}
	case m.names[name] > 1:
		return table.Cell{Text: name, Keep: "#" + id[max(0, len(id)-4):]}
	}
	return table.Cell{Text: name}
}
