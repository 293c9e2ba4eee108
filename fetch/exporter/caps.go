package exporter

import (
	"slices"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Caps on what the exporter holds, so that a meeting bringing a thousand
// new people a poll cannot grow the scrape past Prometheus' timeout or
// the process past its memory: before them, twelve minutes of such churn
// held 1.7-2.1 M series, 20-34 s a scrape, 3.2 GB.
const (
	// DefaultMaxParticipants is the most participants one meeting keeps:
	// Zoom's largest meetings hold 1,000.
	DefaultMaxParticipants = 1000
	// DefaultMaxSeries is the most zoom_* series of every meeting
	// together: a participant of the simulator (audio, video and sharing,
	// both ways) makes about 33, so it holds one full meeting of 1,000.
	// At the cap a scrape costs the exporter 0.26-0.43 s of CPU; 50,000
	// cost 0.45-0.63 s, and 200,000 took 13-20 s on a loaded machine.
	DefaultMaxSeries = 30_000
)

// dropReasons label qostop_exporter_participants_dropped_total.
const (
	dropMeetingCap = "meeting_cap"
	dropSeriesCap  = "series_cap"
)

var droppedDesc = prometheus.NewDesc("qostop_exporter_participants_dropped_total",
	"Participants dropped from the metrics at a cap (--max-participants per meeting, --max-series in total), oldest first.",
	[]string{"reason"}, nil)

// drops counts participants dropped at each cap.
type drops struct{ meetingCap, seriesCap int }

// seriesOf is how many series the collector emits for p at most: its
// info, and with a sample the sample time and every reading present,
// the estimated MOS of an audio stream included.
func seriesOf(p *person) int {
	n := 1
	if !p.hasSample {
		return n
	}
	n++
	s := p.sample
	for k, st := range s.Streams {
		for _, v := range []bool{st.LatencyMS.OK, st.JitterMS.OK, st.AvgLossPct.OK, st.MaxLossPct.OK,
			st.BitrateKbps.OK, st.FrameRateFPS.OK, k.MOSEstimate(st).OK} {
			if v {
				n++
			}
		}
	}
	for _, v := range []bool{s.CPU.ZoomMinPct.OK, s.CPU.ZoomAvgPct.OK, s.CPU.ZoomMaxPct.OK, s.CPU.SystemMaxPct.OK,
		s.WiFi.MinRSSIdBm.OK, s.WiFi.AvgRSSIdBm.OK, s.WiFi.MaxRSSIdBm.OK} {
		if v {
			n++
		}
	}
	return n
}

// held is one participant of one meeting, for choosing whom to drop.
type held struct {
	room *room
	key  string
	who  *person
}

// oldestFirst orders participants by when they were last present, the
// longest gone first; among those present in the same answer, the
// latest to arrive goes first, so the ones already exported stay and
// their series do not come and go with each poll.
func oldestFirst(a, b held) int {
	if c := a.who.lastPresent.Compare(b.who.lastPresent); c != 0 {
		return c
	}
	return b.who.firstSeen.Compare(a.who.firstSeen)
}

// enforce drops participants of room r past the per-meeting cap, then of
// every meeting past the series cap, oldest first. Called under s.mu.
func (s *snapshot) enforce(r *room) drops {
	var d drops
	if over := len(r.people) - s.maxPeople; s.maxPeople > 0 && over > 0 {
		hs := make([]held, 0, len(r.people))
		for k, who := range r.people {
			hs = append(hs, held{r, k, who})
		}
		slices.SortFunc(hs, oldestFirst)
		for _, h := range hs[:over] {
			s.remove(r, h.key)
		}
		d.meetingCap = over
	}
	// s.total is kept as people come and go, so an update under the cap
	// (each pushed event is one) costs nothing here, not a walk of every
	// meeting.
	if s.maxSeries <= 0 || s.total <= s.maxSeries {
		return d
	}
	var hs []held
	for _, rr := range s.rooms {
		for k, who := range rr.people {
			hs = append(hs, held{rr, k, who})
		}
	}
	slices.SortFunc(hs, oldestFirst)
	for _, h := range hs {
		if s.total <= s.maxSeries {
			break
		}
		s.remove(h.room, h.key)
		d.seriesCap++
	}
	return d
}

// roomSeries are a meeting's own series: its participant count and its
// info.
const roomSeries = 2

// dropped returns the drops so far, for the metric.
func (s *snapshot) dropped() drops {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.drops
}

// sendDrops emits the drop counters.
func sendDrops(ch chan<- prometheus.Metric, d drops) {
	for _, c := range []struct {
		reason string
		n      int
	}{{dropMeetingCap, d.meetingCap}, {dropSeriesCap, d.seriesCap}} {
		if m, err := prometheus.NewConstMetric(droppedDesc, prometheus.CounterValue, float64(c.n), c.reason); err == nil {
			ch <- m
		}
	}
}

// dropLog says in the log that the caps are dropping participants: at
// the first drop, then at most every dropLogEvery with the number since.
type dropLog struct {
	last    time.Time
	pending drops
}

const dropLogEvery = 10 * time.Minute

func (p *poller) logDrops(id string, d drops) {
	if d == (drops{}) {
		return
	}
	l := &p.dropLog
	l.pending.meetingCap += d.meetingCap
	l.pending.seriesCap += d.seriesCap
	now := p.now()
	if !l.last.IsZero() && now.Sub(l.last) < dropLogEvery {
		return
	}
	p.log.Warn("participants dropped from the metrics at a cap, oldest first", "meeting_id", id,
		"meeting_cap", l.pending.meetingCap, "max_participants", p.o.MaxParticipants,
		"series_cap", l.pending.seriesCap, "max_series", p.o.MaxSeries)
	l.last, l.pending = now, drops{}
}
