package chrome

import (
	"errors"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/poll"
)

// Badge is the header's one word for what Zoom said last about the call.
// It never says more than Zoom did: LIVE only while Zoom answers for a
// live meeting.
type Badge struct {
	Text  string
	Level model.Level // Unknown draws it muted, Good in the accent colour
}

// Render draws the badge in its level's colour.
func (b Badge) Render(st theme.Styles) string {
	switch b.Level {
	case model.Unknown:
		return st.Muted.Render(b.Text)
	case model.Good:
		return st.Accent.Render(b.Text)
	}
	return st.Level(b.Level).Render(b.Text)
}

// CallBadge reads the poller's state: typ is the meeting's type, answered
// whether Zoom has answered at all, lastErr the last answer's error (nil
// after a good one), ended whether a live meeting Zoom had answered for
// is no longer found.
func CallBadge(typ model.MeetingType, answered bool, lastErr error, ended bool) Badge {
	var ae *fetch.APIError
	isAPI := errors.As(lastErr, &ae)
	switch {
	case typ == model.Past:
		return Badge{"PAST", model.Unknown}
	case ended:
		return Badge{"ENDED", model.Warn}
	case isAPI && ae.Kind == fetch.NotFound:
		return Badge{"NOT FOUND", model.Critical}
	case lastErr != nil && poll.Settled(lastErr):
		return Badge{"NO ACCESS", model.Critical} // scope, credentials, Dashboard
	case lastErr != nil && answered:
		// What is shown is the last good answer, and the chain tries
		// again. Not STALE: that word is the status bar's, for a newest
		// sample older than the call's cadence allows (model.StaleAt),
		// which a failed poll alone does not make.
		return Badge{"RETRYING", model.Warn}
	case lastErr != nil:
		return Badge{"NO ANSWER", model.Warn}
	case answered:
		return Badge{"LIVE", model.Good}
	}
	return Badge{} // asking for the first time: nothing to claim yet
}
