package ui

import (
	"time"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/table"
)

// The overview keeps each row it built, with what it was built from, so a
// refresh rebuilds only the rows whose member changed: a repeated answer
// (Zoom's minute not out yet) or a re-sort costs no cells. What every row
// depends on alike (the redact switch, m's metric) is in the signature; a
// new theme drops every kept row (restyle).

// rowMemo is a built row, the signature of what it shows, and the refresh
// that last used it (rows of members forgotten by the roster go).
type rowMemo struct {
	sig  rowSig
	cur  model.Sample // the reading shown; Sample holds a map, so apart
	row  table.Row
	used uint64
}

// rowSig is everything of a member that its row shows, comparable.
type rowSig struct {
	name, id, dev, net, loc, health string
	leave                           time.Time
	gone, redact, hasWorst, worse   bool
	old                             bool // drawn as older than the stale rule
	worst                           model.Reading
	shown                           model.Shown
	degraded                        float64   // shown only for a meeting that is over
	most                            int       // the worst cell's widest, which follows the width
	dup                             bool      // the name is on another row too
	wide                            bool      // the wide form's cells (overview_wide.go)
	trendEnd                        time.Time // the trend's grid moves on with the newest sample
}

func (m *overviewModel) sigOf(mb model.Member, name string) rowSig {
	return rowSig{name: name, id: mb.P.UserID, dev: mb.P.Device, net: mb.P.NetworkType, loc: mb.P.Location,
		health: mb.P.Health, leave: mb.P.LeaveTime, gone: mb.Gone, redact: m.c.redact,
		hasWorst: mb.Rank.HasWorst, worst: mb.Rank.Worst, shown: m.order.Shown, degraded: m.degradedShown(&mb),
		worse: m.c.alerts.Worse(m.t.meetingID, model.MemberKey(mb.P)), most: worstMost(m.c.width),
		dup: m.names[name] > 1, wide: m.isWide, trendEnd: m.trendEnd(), old: m.old}
}

// keptRow is the row built before for key when it shows the same, else
// false; either way the key is marked as used by this refresh.
func (m *overviewModel) keptRow(key string, sig rowSig, cur model.Sample) (table.Row, bool) {
	r, ok := m.memo[key]
	if !ok || r.sig != sig || !r.cur.Equal(cur) {
		return table.Row{}, false
	}
	r.used = m.refills
	m.memo[key] = r
	return r.row, true
}

// buildMissed builds rows[i] of ms[i] for each i missed, all the cells
// in one array of just their size, and keeps them.
func (m *overviewModel) buildMissed(ms []model.Member, rows []table.Row, missed []int) {
	pool := make([]table.Cell, 0, len(m.table.Columns())*len(missed))
	ar := arrowsOf(m.c.st)
	for _, i := range missed {
		mb := &ms[i]
		name, key := m.shownName(*mb), model.MemberKey(mb.P)
		rows[i], pool = m.buildRow(mb, m.shownAs(*mb), name, key, ar, pool)
		m.keep(key, m.sigOf(*mb, name), mb.Current, rows[i])
	}
}

// keep remembers a row built by this refresh.
func (m *overviewModel) keep(key string, sig rowSig, cur model.Sample, row table.Row) {
	if m.memo == nil {
		m.memo = make(map[string]rowMemo)
	}
	m.memo[key] = rowMemo{sig: sig, cur: cur, row: row, used: m.refills}
	m.rebuilt++
}

// forget drops the rows no refresh uses any more, once there are more kept
// than shown, so memory follows the roster's bound.
func (m *overviewModel) forget(shown int) {
	if len(m.memo) <= shown {
		return
	}
	for k, r := range m.memo {
		if r.used != m.refills {
			delete(m.memo, k)
		}
	}
}
