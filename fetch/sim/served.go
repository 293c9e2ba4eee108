package sim

import (
	"slices"
	"time"
)

// served names the samples a participant QoS answer carries, so that
// once the answer is written whole they can be noted for Served.
type served struct {
	meeting, participant string
	times                []time.Time
}

type servedKey struct{ meeting, participant string }

// servedReply is participantQoS's answer, marked with its samples when
// Options.TrackServed asks for them.
func (s *Server) servedReply(rep reply, m *meeting, p *member, lo, hi int) reply {
	if !s.opts.TrackServed || hi < lo {
		return rep
	}
	sv := &served{meeting: m.id, participant: p.userID, times: make([]time.Time, 0, hi-lo+1)}
	for k := lo; k <= hi; k++ {
		if p.replayed() {
			sv.times = append(sv.times, p.recorded[k].Time.UTC())
			continue
		}
		sv.times = append(sv.times, m.at(k).UTC())
	}
	rep.served = sv
	return rep
}

// noteServed records the samples of a reply that was just written whole.
func (s *Server) noteServed(rep reply) {
	if rep.served == nil {
		return
	}
	k := servedKey{rep.served.meeting, rep.served.participant}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.served == nil {
		s.served = map[servedKey]map[time.Time]bool{}
	}
	if s.served[k] == nil {
		s.served[k] = map[time.Time]bool{}
	}
	for _, t := range rep.served.times {
		s.served[k][t] = true
	}
}

// Served lists, oldest first, every distinct sample time that answers to
// the single-participant QoS call delivered whole for meetingID (the
// numeric ID) and participantID: plain answers, and answers a fault only
// delayed or whose name it corrupted. Answers cut short, emptied or
// replaced by an error deliver nothing. It is empty unless
// Options.TrackServed is set.
func (s *Server) Served(meetingID, participantID string) []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	set := s.served[servedKey{meetingID, participantID}]
	out := make([]time.Time, 0, len(set))
	for t := range set {
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
	return out
}
