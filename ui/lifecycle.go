package ui

import (
	"errors"
	"strconv"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// A watched call ends in two ways that are not faults of qostop or Zoom:
// the participant leaves (Zoom keeps answering, with a leave_time and no
// new samples) or the meeting ends (Zoom no longer finds it live: 404,
// code 3001). Either way the history stays on screen, the status bar and
// the event log say what happened in words, and polling slows: nothing
// new can come but a late sample, or the meeting again after a blip.

// leftPoll is the slowest polling after the participant left: Zoom's
// cadence, in case it publishes a last sample late.
const leftPoll = time.Minute

// Why the live call is gone, as the status bar says it.
const (
	goneMeeting     = "meeting ended"
	goneParticipant = "not in the meeting"
)

// answered records what a good answer says about the call: it is live,
// and whether the participant has just left (prev is who they were). Once
// they left, nothing new will come: the next polls wait at least leftPoll.
func (m *watchModel) answered(prev model.Participant) {
	m.live, m.gone = true, ""
	m.poll.Floor = 0
	if m.t.typ != model.Live || !m.who.Left() || m.poll.Done {
		return
	}
	if !prev.Left() {
		m.events.add(event{at: m.who.LeaveTime, level: model.Warn, text: "left the meeting: no new samples will come"})
	}
	m.poll.Floor = leftPoll
}

// goneBy is why err says the live call is over, if it does: Zoom finds
// no such meeting (goneMeeting), or no such participant in it
// (goneParticipant), after it had answered for both; said is what Zoom
// said. It changes nothing: the chain words the error (goneText), the
// screen notes m.gone.
func (m *watchModel) goneBy(err error) (why, said string) {
	var ae *fetch.APIError
	if m.t.typ != model.Live || !m.live || !errors.As(err, &ae) || ae.Kind != fetch.NotFound {
		return "", ""
	}
	said = "HTTP 404"
	if ae.Code != 0 {
		said += ", code " + strconv.Itoa(ae.Code)
	}
	if ae.Code == 3001 {
		return goneMeeting, said
	}
	return goneParticipant, said
}

// goneText is the error line for a call that is over.
func (m *watchModel) goneText(why, said string) string {
	if why == goneMeeting {
		return "the meeting has ended: Zoom no longer finds meeting " + model.Sanitize(m.t.meetingID) +
			" live (" + said + "). The history above stays; " +
			"once Zoom has the whole meeting, see it with --type past"
	}
	return "Zoom no longer finds this participant in the live meeting (" + said + "): they left, " +
		"or the meeting ended. The history above stays"
}

// goneEvent is the event-log line for m.gone.
func (m *watchModel) goneEvent() string {
	if m.gone == goneMeeting {
		return "the meeting has ended: Zoom no longer lists it as live"
	}
	return "Zoom no longer finds this participant in the meeting"
}
