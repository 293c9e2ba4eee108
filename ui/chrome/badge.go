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

// Call is what the badge reads of a screen's call and its chain.
type Call struct {
	Type     model.MeetingType
	Answered bool  // Zoom has answered at all
	Err      error // the last answer's error; nil after a good one
	Ended    bool  // a live meeting Zoom had answered for is no longer found
	// Stale: the newest sample is older than the stale rule allows
	// (StatusInfo.Stale), which the status bar says in the same word.
	Stale bool
}

// StaleWord is the one word for data older than the stale rule, the
// badge's and the status bar's alike, in the warn colour in both.
const StaleWord = "STALE"

// CallBadge is the one word for where the call stands, said alike by the
// header and (STALE) the status bar.
func CallBadge(c Call) Badge {
	var ae *fetch.APIError
	isAPI := errors.As(c.Err, &ae)
	switch {
	case c.Type == model.Past:
		return Badge{"PAST", model.Unknown}
	case c.Ended:
		return Badge{"ENDED", model.Warn}
	case isAPI && ae.Kind == fetch.NotFound:
		return Badge{"NOT FOUND", model.Critical}
	case c.Err != nil && poll.Settled(c.Err):
		return Badge{"NO ACCESS", model.Critical} // scope, credentials, Dashboard
	case c.Stale && c.Answered:
		// Failed polls or none: what is shown is older than the call's
		// cadence allows, whatever the reason.
		return Badge{StaleWord, model.Warn}
	case c.Err != nil && c.Answered:
		// What is shown is the last good answer, still fresh, and the
		// chain tries again (the status bar says when).
		return Badge{"RETRYING", model.Warn}
	case c.Err != nil:
		return Badge{"NO ANSWER", model.Warn}
	case c.Answered:
		return Badge{"LIVE", model.Good}
	}
	return Badge{} // asking for the first time: nothing to claim yet
}
