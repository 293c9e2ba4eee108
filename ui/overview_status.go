package ui

import (
	"errors"
	"strings"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/report"
	"github.com/qostop/qostop/ui/table"
)

// Where the overview's call stands, said once: the badge, the status
// bar and the text under the table read it alike.

// ended reports whether the live meeting Zoom had answered for is no
// longer found: it is over.
func (m *overviewModel) ended() bool {
	var ae *fetch.APIError
	return m.loaded && m.t.typ == model.Live && errors.As(m.poll.LastErr, &ae) && ae.Kind == fetch.NotFound && ae.Code == 3001
}

// status is the status bar's account, and the call's one word that the
// header's badge says too.
func (m *overviewModel) status() chrome.StatusInfo {
	si := chrome.PollStatus(&m.poll)
	si.Newest, si.Redacted = m.newest, m.c.redact
	ended := m.ended()
	if ended {
		si.Gone = feed.GoneMeeting
	} else if m.t.typ == model.Live {
		si.StaleAt = m.poll.StaleAt(model.StaleAt(m.newest, m.poll.Interval, m.cadence))
	}
	si.State = chrome.CallBadge(chrome.Call{Type: m.t.typ, Answered: m.loaded, Err: m.poll.LastErr, Ended: ended, Stale: si.Stale()})
	return si
}

func (m *overviewModel) view() string {
	si := m.status()
	if si.State != m.drawnState {
		// Time made the data stale: the badge says so, the readings dim.
		m.refill()
	}
	return m.draw(si)
}

// oldCells draws readings older than the stale rule as old: muted, and
// each number followed by theme.OldMark ("↑76? ↓85?"), so they read as
// old without colour too.
func oldCells(cells []table.Cell) {
	for i := range cells {
		cells[i].Role = theme.RoleMuted
		words := strings.Split(cells[i].Text, " ")
		for j, w := range words {
			if strings.ContainsAny(w, "0123456789") {
				words[j] = w + theme.OldMark
			}
		}
		cells[i].Text = strings.Join(words, " ")
	}
}

// said is how the text under the table is put: the end of the meeting
// is no error.
func (m *overviewModel) said() chrome.Said {
	if m.ended() {
		return chrome.SaidEnded
	}
	return chrome.SaidError
}

// explain says a missing meeting in plain words, with what to try: one
// that had answered has ended; other errors in their own words.
func (m *overviewModel) explain(err error) string {
	var ae *fetch.APIError
	if !errors.As(err, &ae) || ae.Kind != fetch.NotFound {
		return model.Sanitize(err.Error())
	}
	id := report.Text(m.t.meetingID)
	switch {
	case m.t.typ == model.Past:
		return "Zoom has no ended meeting " + id + ". Check the ID; Zoom keeps QoS for 12 months."
	case m.loaded && ae.Code == 3001:
		return "The meeting has ended: Zoom no longer finds meeting " + id + " live. The rows stay as they were; " +
			"once Zoom has the whole meeting: qostop meeting --type past " + id
	}
	return "Meeting " + id + " is not live: it has ended, or Zoom knows no meeting with this ID. " +
		"For an ended meeting: qostop meeting --type past " + id
}
