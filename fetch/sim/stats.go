package sim

import "maps"

// Stats counts what the server has been asked and how it answered, so
// tests can check a client's request budget and retry behaviour.
type Stats struct {
	TokenRequests int // every request to /oauth/token
	TokensIssued  int // of those, the ones that got a token

	// API requests per endpoint, counted on arrival whatever the answer.
	ListMeetings    int // /metrics/meetings
	Participants    int // /metrics/meetings/{id}/participants
	ParticipantsQoS int // /metrics/meetings/{id}/participants/qos
	ParticipantQoS  int // /metrics/meetings/{id}/participants/{pid}/qos
	Meeting         int // /metrics/meetings/{id}
	OtherAPI        int // unknown paths and meeting paths too broken to route
	// Webinar counts the requests above that were under /metrics/webinars.
	Webinar int
	// Zoom Rooms: /metrics/zoomrooms and /metrics/zoomrooms/{id}.
	ListRooms, Room int

	Unauthorized int               // refused for a missing, unknown or expired token
	RateLimited  int               // refused by the QPS option
	Faults       map[FaultKind]int // faults served, by kind

	// The QSS WebSocket: connections accepted, events sent (duplicates
	// included), events sent twice on purpose, connections dropped by Faults.
	PushConnections, PushEvents, PushDuplicates, PushDrops int
	// Webhooks (Options.WebhookURL): events the receiver took (2xx), and
	// the ones it refused or did not answer.
	WebhooksPosted, WebhooksRefused int
}

// APIRequests is the number of requests that reached /v2.
func (st Stats) APIRequests() int {
	return st.ListMeetings + st.Participants + st.ParticipantsQoS + st.ParticipantQoS + st.Meeting + st.OtherAPI +
		st.ListRooms + st.Room
}

// FaultsServed is the number of faults of every kind.
func (st Stats) FaultsServed() int {
	n := 0
	for _, c := range st.Faults {
		n += c
	}
	return n
}

// Stats returns a snapshot of the counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.stats
	st.Faults = maps.Clone(s.stats.Faults)
	return st
}

func (s *Server) count(t target) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t.webinar {
		s.stats.Webinar++
	}
	switch t.ep {
	case epListRooms:
		s.stats.ListRooms++
	case epRoom:
		s.stats.Room++
	case epListMeetings:
		s.stats.ListMeetings++
	case epParticipants:
		s.stats.Participants++
	case epParticipantsQoS:
		s.stats.ParticipantsQoS++
	case epParticipantQoS:
		s.stats.ParticipantQoS++
	case epMeeting:
		s.stats.Meeting++
	default:
		s.stats.OtherAPI++
	}
}
