package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
)

// n, N and w on the watch screen: the next or previous participant in
// the overview's order (its sort and filter, as the user left them), or
// the one ranked worst now. The overview's cursor moves with them, so esc
// lands on the row of the person last watched. A watch screen opened
// without an overview (qostop watch) has no order to follow, and the keys
// do nothing.

// personOrder is the order n, N and w follow: the overview that opened
// the watch screen.
type personOrder interface {
	// stepFrom moves the cursor delta rows from the participant userID,
	// past rows Zoom cannot be asked about alone, and returns who is
	// there; false at either end.
	stepFrom(userID string, delta int) (model.Participant, bool)
	// worstNow puts the cursor on the participant ranked worst now and
	// returns them; false when the filter hides them.
	worstNow() (model.Participant, bool)
	// alias is the pseudonym shown for p under R.
	alias(p model.Participant) string
	// rosterCmd asks Zoom for the order's roster when it has none yet
	// (a watch screen started by `qostop watch`), else nil.
	rosterCmd() tea.Cmd
}

// noticeMsg is a line for the help line's place, until the next key.
type noticeMsg string

// fetchOrder answers n, N or w before the order has a roster: it asks
// for it, and says so rather than doing nothing.
func (m *watchModel) fetchOrder(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if m.order == nil || !(key.Matches(msg, k.NextPerson) || key.Matches(msg, k.PrevPerson) || key.Matches(msg, k.WorstPerson)) {
		return nil
	}
	fetch := m.order.rosterCmd()
	if fetch == nil {
		return nil
	}
	return tea.Batch(fetch, func() tea.Msg {
		return noticeMsg("asking Zoom who is in the meeting, for " + msg.String() + ": press it again in a moment")
	})
}

func (m *overviewModel) rosterCmd() tea.Cmd {
	if m.loaded {
		return nil
	}
	return m.poll.Refresh() // nil while the answer is on its way
}

// replacer is a screen that takes the place of the one that opened it,
// rather than going on top: esc from it goes where esc from that one did.
type replacer interface{ replacesOpener() bool }

// otherPerson is the watch screen n, N or w opens, or nil.
func (m *watchModel) otherPerson(msg tea.KeyPressMsg) screen {
	if m.order == nil {
		return nil
	}
	var p model.Participant
	var ok bool
	switch k := m.keys; {
	case key.Matches(msg, k.NextPerson):
		p, ok = m.order.stepFrom(m.t.participantID, +1)
	case key.Matches(msg, k.PrevPerson):
		p, ok = m.order.stepFrom(m.t.participantID, -1)
	case key.Matches(msg, k.WorstPerson):
		p, ok = m.order.worstNow()
	}
	if !ok || p.UserID == m.t.participantID {
		return nil
	}
	t := m.t
	t.participantID = p.UserID
	w := newWatch(m.c, t, m.chain().Interval, p)
	w.order, w.replacing = m.order, true
	w.alias = m.order.alias(p)
	return w
}

func (m *watchModel) replacesOpener() bool { return m.replacing }

func (m *overviewModel) stepFrom(userID string, delta int) (model.Participant, bool) {
	t := &m.table
	if !t.Select(userID) {
		return model.Participant{}, false
	}
	defer m.rebuild() // its drawing is cached: esc must find the cursor where it now is
	for {
		before, _ := t.Selected()
		t.Move(delta)
		if r, _ := t.Selected(); r.Key == before.Key { // an end: stay on whom we watch
			t.Select(userID)
			return model.Participant{}, false
		}
		if p, ok := m.selected(); ok && p.UserID != "" {
			return p, true
		}
	}
}

func (m *overviewModel) worstNow() (model.Participant, bool) {
	for _, mb := range m.roster.Sorted(model.Sort{}) {
		if mb.Left() || mb.P.UserID == "" {
			continue
		}
		if !m.table.Select(model.MemberKey(mb.P)) {
			return model.Participant{}, false
		}
		m.rebuild()
		return mb.P, true
	}
	return model.Participant{}, false
}
