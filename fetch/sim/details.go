package sim

import (
	"net/http"
	"net/url"
)

// meetingDetails answers GET /metrics/meetings/{meetingId}: the meeting's
// row of the meeting list (topic, host, start, duration, participants,
// has_screen_share, ...), which is the shape Zoom gives both. As for every
// meeting path, an unknown ID, a live call for an ended meeting and a past
// call for a running one are 404 with code 3001.
func (s *Server) meetingDetails(id string, q url.Values) reply {
	m, bad := s.meetingFor(id, q)
	if bad != nil {
		return *bad
	}
	return jsonReply(http.StatusOK, s.meetingRow(m, s.now()))
}
