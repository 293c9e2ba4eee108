package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
)

// personKey handles n, N and w on the watch screen: the next or previous
// participant in the overview's order (its sort and filter, as the user
// left them), or the one ranked worst now. The overview's cursor moves
// with them, so esc lands on the row of the person last watched. A watch
// screen opened without an overview (qostop watch) has no order to
// follow, and the keys do nothing.
func (a *app) personKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := a.keys
	switch {
	case key.Matches(msg, k.NextPerson):
		return a.stepPerson(+1), true
	case key.Matches(msg, k.PrevPerson):
		return a.stepPerson(-1), true
	case key.Matches(msg, k.WorstPerson):
		return a.worstPerson(), true
	}
	return nil, false
}

// stepPerson moves delta rows from the participant watched, skipping rows
// Zoom cannot be asked about alone (no user ID), and watches them.
func (a *app) stepPerson(delta int) tea.Cmd {
	if !a.onStack(screenOverview) {
		return nil
	}
	t := &a.overview.table
	from, ok := t.Selected()
	if !ok {
		return nil
	}
	for {
		before, _ := t.Selected()
		t.Move(delta)
		r, _ := t.Selected()
		if r.Key == before.Key { // the end of the list: stay on whom we watch
			t.Select(from.Key)
			a.overview.rebuild()
			return nil
		}
		if p, ok := a.overview.selected(); ok && p.UserID != "" {
			return a.rewatch()
		}
	}
}

// worstPerson watches the participant ranked first worst-first now, who
// is still in the meeting and can be asked about.
func (a *app) worstPerson() tea.Cmd {
	if !a.onStack(screenOverview) {
		return nil
	}
	for _, mb := range a.overview.roster.Sorted(model.Sort{}) {
		if mb.Left() || mb.P.UserID == "" {
			continue
		}
		if mb.P.UserID == a.watch.cfg.ParticipantID || !a.overview.table.Select(model.MemberKey(mb.P)) {
			return nil // already watched, or the overview's filter hides them
		}
		return a.rewatch()
	}
	return nil
}

// rewatch replaces the watch screen with one of the participant under
// the overview's cursor, without waking the overview in between.
func (a *app) rewatch() tea.Cmd {
	a.cancelWatch()
	a.overview.requests = max(a.overview.requests, a.watch.requests)
	a.stack = a.stack[:len(a.stack)-1]
	a.overview.rebuild() // its drawing is cached: esc must find the cursor where it now is
	return a.openParticipant()
}
