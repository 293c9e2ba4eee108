package feed

import (
	"time"

	"github.com/qostop/qostop/model"
)

// Listener hears what a feed learns besides samples, as it learns it:
// each new line of the event log and each change in where the call
// stands. The flight recorder is one (ui's recordsource.go); the views
// need none, they read the feed.
type Listener interface {
	// Heard is a new line of p's event log.
	Heard(p model.Participant, e Event)
	// Changed is p's call changing: model.LifeJoined, LifeLeft, LifeGone,
	// or LifeEnded (the meeting as a whole).
	Changed(p model.Participant, what string)
}

// Listen tells l what the feed learns from now on.
func (f *Feed) Listen(l Listener) {
	f.listener = l
	f.events.heard = func(e Event) { l.Heard(f.who, e) }
}

// changed tells the listener, if any, that p's call changed.
func (f *Feed) changed(what string) {
	if f.listener != nil {
		f.listener.Changed(f.who, what)
	}
}

// Line is the event's line as the recording keeps it: Say, in UTC.
func (e Event) Line() string { return e.Say(time.UTC, "15:04", "-") }
