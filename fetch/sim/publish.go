package sim

import "time"

// Zoom takes each QoS minute (date_time at :00) and makes it visible some
// time later; a client that polls right at the minute finds nothing new.
// These options reproduce that, so a poll schedule can be measured
// against a timeline that behaves like Zoom's.

// setPublishLag gives every live meeting the lag of Options.PublishLag
// and PublishJitter. The lag is held under one sample interval, so at any
// moment at most the newest sample is still unpublished.
func (s *Server) setPublishLag() {
	base, jit := s.opts.PublishLag, s.opts.PublishJitter
	if base <= 0 && jit <= 0 {
		return
	}
	every := s.opts.SampleEvery
	for _, m := range s.meetings {
		if m.ended {
			continue
		}
		key := hashKey("publish", m.id)
		m.lag = func(k int) time.Duration {
			d := max(base, 0) + time.Duration(float64(max(jit, 0))*s.noise(key, k, 200))
			return min(d, every-time.Second).Truncate(time.Millisecond)
		}
	}
}

// published is the newest sample visible at now, given that k is the
// newest whose date_time has passed.
func (m *meeting) published(now time.Time, k int) int {
	for k >= 0 && m.at(k).Add(m.lag(k)).After(now) {
		k--
	}
	return k
}

// PublishedAt says when the sample of meetingID stamped at (its
// date_time) became visible to API calls, so a test can measure how long
// a client took to fetch it. ok is false for an unknown meeting.
func (s *Server) PublishedAt(meetingID string, at time.Time) (time.Time, bool) {
	m := s.byID[meetingID]
	if m == nil {
		return time.Time{}, false
	}
	if m.lag == nil {
		return at, true
	}
	k := int(at.Sub(m.t0) / m.every)
	return m.at(k).Add(m.lag(k)), true
}
