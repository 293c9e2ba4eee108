package ui

import (
	"errors"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/poll"
)

// badge is the header's one word for what Zoom said last about the call.
// It never says more than Zoom did: LIVE only while Zoom answers for a
// live meeting.
type badge struct {
	text  string
	level model.Level // Unknown draws it muted, Good in the accent colour
}

func (b badge) render(st theme.Styles) string {
	switch b.level {
	case model.Unknown:
		return st.Muted.Render(b.text)
	case model.Good:
		return st.Accent.Render(b.text)
	}
	return st.Level(b.level).Render(b.text)
}

// callBadge reads the poller's state: typ is the meeting's type, answered
// whether Zoom has answered at all, lastErr the last answer's error (nil
// after a good one), ended whether a live meeting Zoom had answered for
// is no longer found.
func callBadge(typ model.MeetingType, answered bool, lastErr error, ended bool) badge {
	var ae *fetch.APIError
	isAPI := errors.As(lastErr, &ae)
	switch {
	case typ == model.Past:
		return badge{"PAST", model.Unknown}
	case ended:
		return badge{"ENDED", model.Warn}
	case isAPI && ae.Kind == fetch.NotFound:
		return badge{"NOT FOUND", model.Critical}
	case lastErr != nil && poll.Settled(lastErr):
		return badge{"NO ACCESS", model.Critical} // scope, credentials, Dashboard
	case lastErr != nil && answered:
		return badge{"STALE", model.Warn} // what is shown is the last good answer
	case lastErr != nil:
		return badge{"NO ANSWER", model.Warn}
	case answered:
		return badge{"LIVE", model.Good}
	}
	return badge{} // asking for the first time: nothing to claim yet
}
