package sim

import (
	"hash/fnv"
	"time"

	"github.com/qostop/qostop/model"
)

// path is the route a participant's media takes into Zoom, which decides
// the names of their stream objects.
type path int

const (
	viaClient path = iota // audio_input, video_output, …
	viaCRC                // audio_device_from_crc, … (H.323/SIP room system)
	viaRWG                // audio_device_from_rwg, … (web client gateway)
)

// member is one participant of one meeting.
type member struct {
	userID string // the {participantId} of the QoS call
	id     string // account user ID; "" for external users
	name   string
	email  string
	role   Role

	device, client, os, osVersion string
	network, location, dataCenter string
	ip, internalIP                string
	pcName, domain, version       string
	mic, speaker, camera          string
	path                          path
	video                         bool // sends video
	hd                            bool // sends 1280*720 rather than 640*360

	joinK  int // first sample
	leaveK int // last sample, or -1 while they stay

	key  uint64 // seeds this member's numbers
	prof profile

	// A replayed participant (replay.go): their samples, join and leave
	// as recorded, moved to the simulator's clock, and Zoom's verdict.
	recorded    []model.Sample
	join, leave time.Time
	health      string
	issues      []string
}

// replayed reports whether p is a recording's participant, whose
// numbers are recorded rather than made.
func (p *member) replayed() bool { return p.role == RoleReplayed }

// meeting is one meeting and its timeline. Sample k is taken at
// t0 + k*every; the meeting starts one interval before sample 0.
type meeting struct {
	id, uuid, topic string
	webinar         bool // served under /metrics/webinars only
	host, hostEmail string
	t0              time.Time
	every           time.Duration
	ended           bool                      // over before the server started
	endAt           time.Time                 // when a live meeting ends (Options.EndAfter); zero: never
	lastK           int                       // final sample of a meeting that ended or will
	lag             func(k int) time.Duration // sample k appears this long after at(k); nil: at once
	members         []*member
	// share says whether someone shares their screen at sample k, and
	// whether k is the first sample of that share (nothing drawn yet).
	share func(k int) (who *member, first bool)
	began time.Time // a replay's recorded start, moved (replay.go); zero: one interval before sample 0
}

func (m *meeting) at(k int) time.Time { return m.t0.Add(time.Duration(k) * m.every) }

func (m *meeting) start() time.Time {
	if !m.began.IsZero() {
		return m.began
	}
	return m.t0.Add(-m.every)
}

// over reports whether the meeting has ended by now.
func (m *meeting) over(now time.Time) bool {
	return m.ended || (!m.endAt.IsZero() && !now.Before(m.endAt))
}

func (m *meeting) end() time.Time {
	return m.at(m.lastK).Add(m.every / 2).Truncate(time.Second)
}

// current is the newest sample index at now, or -1 before sample 0.
func (m *meeting) current(now time.Time) int {
	if now.Before(m.t0) {
		return -1
	}
	k := int(now.Sub(m.t0) / m.every)
	if m.lag != nil {
		k = m.published(now, k)
	}
	if m.over(now) {
		k = min(k, m.lastK)
	}
	return k
}

// joinTime falls a member-specific part of an interval before their first
// sample, so join times do not all land on the same second.
func (m *meeting) joinTime(p *member) time.Time {
	if p.replayed() {
		return p.join
	}
	frac := 0.1 + 0.8*float64(p.key%1000)/1000
	return m.at(p.joinK).Add(-time.Duration(frac * float64(m.every))).Truncate(time.Second)
}

// leaveTime is zero for a member still in the meeting at now.
func (m *meeting) leaveTime(p *member, now time.Time) time.Time {
	if p.replayed() {
		return m.replayLeave(p, now)
	}
	var t time.Time
	switch {
	case p.leaveK >= 0:
		frac := 0.2 + 0.6*float64(p.key/1000%1000)/1000
		t = m.at(p.leaveK).Add(time.Duration(frac * float64(m.every))).Truncate(time.Second)
	case m.over(now):
		t = m.end()
	default:
		return time.Time{}
	}
	if now.Before(t) {
		return time.Time{}
	}
	return t
}

func (m *meeting) present(p *member, now time.Time) bool { return !now.Before(m.joinTime(p)) }

// samples is the index range [lo, hi] of p's samples served at now; lo > hi
// when there are none. Live calls get only the newest `last`.
func (m *meeting) samples(p *member, now time.Time, last int) (lo, hi int) {
	if p.replayed() {
		return m.replaySamples(p, now, last)
	}
	hi = m.current(now)
	if p.leaveK >= 0 {
		hi = min(hi, p.leaveK)
	}
	lo = p.joinK
	if !m.over(now) {
		lo = max(lo, hi-last+1)
	}
	return lo, hi
}

func hashKey(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum64()
}
