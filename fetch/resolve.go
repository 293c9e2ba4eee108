package fetch

import (
	"context"
	"strings"

	"github.com/qostop/qostop/model"
)

// FindParticipant resolves who, a participant as a person names them (a
// user_id, a name or the unique start of one, an email), in the meeting
// or webinar whose Key is meetingID, to that participant's user_id. A
// user_id of digits is taken as it is and costs nothing; anything else
// costs one roster fetch (Participants: pages of 300, without samples),
// which the debug log says. Nobody or several people matching is a
// *model.NoParticipantError or *model.AmbiguousParticipantError.
func (c *Client) FindParticipant(ctx context.Context, meetingID, who string, typ model.MeetingType) (model.Participant, error) {
	who = strings.TrimSpace(who)
	if isDigits(who) {
		return model.Participant{UserID: who}, nil
	}
	r := model.RefOf(meetingID)
	c.note("resolve participant %q: one roster fetch of %s", model.Sanitize(who), refText(r))
	roster, err := c.Participants(ctx, meetingID, typ)
	if err != nil && len(roster) == 0 {
		return model.Participant{}, err
	}
	return model.FindParticipant(roster, who, refText(r))
}

// note writes a line of the client's own to the debug log, if there is one.
func (c *Client) note(format string, args ...any) {
	if c.log != nil {
		c.log.printf("%s note: "+format+"\n", append([]any{c.now().UTC().Format("2006-01-02T15:04:05.000Z")}, args...)...)
	}
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}
