package exporter

import (
	"cmp"
	"hash/fnv"
	"strconv"
	"sync"
	"time"

	"github.com/qostop/qostop/model"
)

// Bounds that keep memory flat however big the account is.
const (
	maxMeetings = 5000
	// A participant's newest sample older than this is not exported: Zoom
	// has stopped saying anything about them, and an old reading would
	// read as a current one.
	defaultKeep = 5 * time.Minute
)

// person is what the exporter keeps of one participant: the newest
// sample only, never a history.
type person struct {
	id, name    string
	device      string
	network     string
	sample      model.Sample
	hasSample   bool
	lastPresent time.Time // last answer that had them in the meeting, or their leave time
	firstSeen   time.Time // the first answer that had them
	series      int       // how many series they make (seriesOf)
}

// room is one meeting's latest answer.
type room struct {
	topic  string
	people map[string]*person
}

// snapshot is the latest of every tracked meeting, read by the collector
// at scrape time and written by the poller.
type snapshot struct {
	mu    sync.Mutex
	rooms map[string]*room
	keep  time.Duration
	// maxPeople caps one meeting's participants, maxSeries the series of
	// all (caps.go); 0 is no cap.
	maxPeople, maxSeries int
	drops                drops        // participants dropped at the caps so far
	total                int          // series of every meeting, kept as people come and go (caps.go)
	zoomRooms            []model.Room // the newest Zoom Rooms list, with Options.Rooms
}

func newSnapshot(keep time.Duration, maxPeople, maxSeries int) *snapshot {
	return &snapshot{rooms: map[string]*room{}, keep: keep, maxPeople: maxPeople, maxSeries: maxSeries}
}

// participantID is the participant_id label: Zoom's per-meeting user_id,
// or, when Zoom left it blank, a stable stand-in from what it did send.
func participantID(p model.Participant) string {
	if p.UserID != "" {
		return p.UserID
	}
	h := fnv.New64a()
	for _, s := range []string{p.ID, p.UserName, p.JoinTime.UTC().Format(time.RFC3339), p.IPAddress, p.Device} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return "anon-" + strconv.FormatUint(h.Sum64()&0xffffffff, 16)
}

// update merges one answer for meeting id at now, drops who is gone,
// then who is past the caps, and returns how many the caps dropped.
func (s *snapshot) update(id, topic string, ps []model.Participant, now time.Time) drops {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.rooms[id]
	if r == nil {
		if len(s.rooms) >= maxMeetings {
			return drops{}
		}
		r = &room{people: map[string]*person{}}
		s.rooms[id] = r
		s.total += roomSeries
	}
	if topic != "" {
		r.topic = topic
	}
	for _, p := range ps {
		key := participantID(p)
		who := r.people[key]
		if who == nil {
			who = &person{id: key, firstSeen: now}
			r.people[key] = who
		}
		// A pushed event names the participant but not their device or
		// network: what a poll said of them is kept.
		who.name, who.device, who.network = cmp.Or(p.UserName, who.name), cmp.Or(p.Device, who.device), cmp.Or(p.NetworkType, who.network)
		if n := len(p.Samples); n > 0 && (!who.hasSample || !p.Samples[n-1].Time.Before(who.sample.Time)) {
			who.sample, who.hasSample = p.Samples[n-1], true
		}
		who.lastPresent = now
		if p.Left() && p.LeaveTime.Before(now) {
			who.lastPresent = p.LeaveTime
		}
		n := seriesOf(who)
		s.total += n - who.series
		who.series = n
	}
	for key, who := range r.people {
		if now.Sub(who.lastPresent) > s.keep {
			s.remove(r, key)
		}
	}
	d := s.enforce(r)
	s.drops.meetingCap += d.meetingCap
	s.drops.seriesCap += d.seriesCap
	return d
}

// drop forgets a meeting that is over or no longer asked for.
func (s *snapshot) drop(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.rooms[id]
	if r == nil {
		return
	}
	for key := range r.people {
		s.remove(r, key)
	}
	s.total -= roomSeries
	delete(s.rooms, id)
}

// remove forgets one participant of r. Called under s.mu.
func (s *snapshot) remove(r *room, key string) {
	if who := r.people[key]; who != nil {
		s.total -= who.series
		delete(r.people, key)
	}
}

// each calls f for every tracked meeting, under the lock.
func (s *snapshot) each(f func(id string, r *room)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, r := range s.rooms {
		f(id, r)
	}
}
