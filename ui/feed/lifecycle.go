package feed

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

// LeftPoll is the slowest polling after the participant left: Zoom's
// cadence, in case it publishes a last sample late.
const LeftPoll = time.Minute

// Why the live call is gone, as the status bar says it (Feed.Gone).
const (
	GoneMeeting     = "meeting ended"
	goneParticipant = "not in the meeting"
)

// answered records what a good answer says about the call: it is live,
// and whether the participant has just left (prev is who they were). Once
// they left, nothing new will come: the next polls wait at least leftPoll.
func (f *Feed) answered(prev model.Participant) {
	ch := f.src.Chain()
	if !f.live && f.t.Type == model.Live {
		f.changed(model.LifeJoined)
	}
	f.live, f.gone = true, ""
	ch.Floor = 0
	if f.t.Type != model.Live || !f.who.Left() || ch.Done {
		return
	}
	if !prev.Left() {
		f.changed(model.LifeLeft)
		f.events.add(Event{At: f.who.LeaveTime, Level: model.Warn, Text: "left the meeting: no new samples will come"})
	}
	ch.Floor = LeftPoll
}

// goneBy is why err says the live call is over, if it does: Zoom finds
// no such meeting (GoneMeeting), or no such participant in it
// (goneParticipant), after it had answered for both; said is what Zoom
// said. It changes nothing: the chain words the error (goneText), the
// feed notes f.gone.
func (f *Feed) goneBy(err error) (why, said string) {
	var ae *fetch.APIError
	if f.t.Type != model.Live || !f.live || !errors.As(err, &ae) || ae.Kind != fetch.NotFound {
		return "", ""
	}
	said = "HTTP 404"
	if ae.Code != 0 {
		said += ", code " + strconv.Itoa(ae.Code)
	}
	if ae.Code == 3001 && !ae.NoParticipant() {
		return GoneMeeting, said
	}
	return goneParticipant, said
}

// goneText is the error line for a call that is over.
func (f *Feed) goneText(why, said string) string {
	if why == GoneMeeting {
		r := model.RefOf(f.t.MeetingID)
		return "the " + r.Noun() + " has ended: Zoom no longer finds " + r.Noun() + " " + model.Sanitize(r.ID) +
			" live (" + said + "). The history above stays; " +
			"once Zoom has the whole meeting, see it with --type past"
	}
	return "Zoom no longer finds this participant in the live meeting (" + said + "): they left, " +
		"or the meeting ended. The history above stays"
}

// goneEvent is the event-log line for f.gone.
func (f *Feed) goneEvent() string {
	if f.gone == GoneMeeting {
		return "the meeting has ended: Zoom no longer lists it as live"
	}
	return "Zoom no longer finds this participant in the meeting"
}
