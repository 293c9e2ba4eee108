package report

import (
	"slices"
	"time"

	"github.com/qostop/qostop/model"
)

// This file is what `qostop report` works out from one meeting before it
// writes anything: who was worst, when trouble started and was first
// seen, the timeline, and the diagnosis at the worst minute. The
// Markdown and the HTML are written from this one analysis, so they
// never disagree.

// Incident is what a report is about: one meeting's participants and
// what qostop saw of it. Text is as Zoom sent it or the recording held
// it: the writers sanitise and escape every piece. With Redacted set the
// participants and meeting are redacted already.
type Incident struct {
	Meeting      model.Meeting // ID always; topic, host and start when known
	Type         model.MeetingType
	Source       string // where the data came from, e.g. "Zoom (past meeting)", "recording call.jsonl"
	Participants []model.Participant
	// Timeline is what a recording holds besides samples: lifecycle
	// changes, events and markers. Zoom's answer has none.
	Timeline []model.RecordedEntry
	// Seen is when qostop first saw each sample (model.Recording.Seen);
	// nil when the data came from Zoom just now.
	Seen       map[string]map[time.Time]time.Time
	Thresholds model.Thresholds
	Generated  time.Time
	Local      *time.Location // the zone "local" times are in
	Redacted   bool
	Incomplete bool // the recording was cut: its last line is lost
}

// person is one participant as the report ranks and describes them.
type person struct {
	p        model.Participant
	key      string
	name     string
	rank     model.Rank
	degraded bool      // some sample at warn or worse
	started  time.Time // the first such sample's time
	seen     time.Time // when qostop first saw that sample; zero when unknown
	worst    model.Reading
	hasWorst bool
	share    float64 // of the samples at warn or worse
	streams  []model.StreamKey
	step     time.Duration  // the participant's cadence, smallest gap between samples
	lowMOS   [2]model.Value // the lowest estimated MOS of their audio, by direction
}

// entry is one line of the timeline.
type entry struct {
	At   time.Time
	Who  string
	What string
	Kind string // "crossing", "gap", "join", "leave", "event", "marker"
}

// analysis is the whole report's content, worked out once.
type analysis struct {
	inc       Incident
	people    []person // worst first
	timeline  []entry
	diagnosis model.Diagnosis
	worstAt   time.Time // the minute most participants were degraded; zero when never
	from, to  time.Time // the span of every sample
	markers   []time.Time
	started   time.Time // the first degraded sample of anyone
	firstSeen time.Time
}

func analyze(inc Incident) analysis {
	if inc.Local == nil {
		inc.Local = time.Local
	}
	a := analysis{inc: inc}
	th := inc.Thresholds
	for _, p := range inc.Participants {
		ps := newPerson(p, th, inc.Seen)
		a.people = append(a.people, ps)
		for _, s := range p.Samples {
			a.from = minTime(a.from, s.Time)
			a.to = maxTime(a.to, s.Time)
		}
		if ps.degraded {
			if a.started.IsZero() || ps.started.Before(a.started) {
				a.started, a.firstSeen = ps.started, ps.seen
			}
		}
		a.timeline = append(a.timeline, personTimeline(ps, th)...)
	}
	slices.SortStableFunc(a.people, func(x, y person) int { return model.CompareRanks(x.rank, y.rank) })
	for _, e := range inc.Timeline {
		a.timeline = append(a.timeline, recordedEntry(e))
		if e.Kind == model.RecMarker {
			a.markers = append(a.markers, e.At)
		}
	}
	slices.SortStableFunc(a.timeline, func(x, y entry) int { return x.At.Compare(y.At) })
	a.worstAt, a.diagnosis = worstMinute(a.people, th, a.to)
	return a
}

func newPerson(p model.Participant, th model.Thresholds, seen map[string]map[time.Time]time.Time) person {
	ps := person{p: p, key: model.MemberKey(p), name: model.DisplayName(p)}
	worstSample := model.Sample{}
	degradedN, judgedN := 0, 0
	ps.scanStreams()
	for _, s := range p.Samples {
		r, ok := th.WorstReading(s)
		if !ok {
			continue
		}
		judgedN++
		if !ps.hasWorst || r.Severity > ps.worst.Severity {
			ps.worst, ps.hasWorst, worstSample = r, true, s
		}
		if th.DegradationOf(s) != 0 {
			degradedN++
			if !ps.degraded {
				ps.degraded, ps.started = true, s.Time
				ps.seen = seen[ps.key][s.Time]
			}
		}
	}
	if judgedN > 0 {
		ps.share = float64(degradedN) / float64(judgedN)
	}
	// Ranked by the worst reading of the whole call, then by how much of
	// the call was degraded: a postmortem asks who suffered most.
	ps.rank = th.Rank(ps.key, ps.name, worstSample, p.Samples)
	return ps
}

// scanStreams finds the participant's cadence (the smallest gap between
// samples), the streams with traffic in display order, and the lowest
// estimated MOS each way.
func (ps *person) scanStreams() {
	has := map[model.StreamKey]bool{}
	for i, s := range ps.p.Samples {
		if i > 0 {
			if gap := s.Time.Sub(ps.p.Samples[i-1].Time); gap > 0 && (ps.step == 0 || gap < ps.step) {
				ps.step = gap
			}
		}
		for k, st := range s.Streams {
			has[k] = has[k] || !st.Empty()
			if mos := k.MOSEstimate(st); mos.OK && (!ps.lowMOS[k.Dir].OK || mos.V < ps.lowMOS[k.Dir].V) {
				ps.lowMOS[k.Dir] = mos
			}
		}
	}
	for _, k := range model.StreamKeys {
		if has[k] {
			ps.streams = append(ps.streams, k)
		}
	}
}

// personTimeline is a participant's joins and leaves, threshold
// crossings per medium and direction, and gaps in their samples.
func personTimeline(ps person, th model.Thresholds) []entry {
	var out []entry
	if !ps.p.JoinTime.IsZero() {
		out = append(out, entry{ps.p.JoinTime, ps.name, "joined", "join"})
	}
	if !ps.p.LeaveTime.IsZero() {
		out = append(out, entry{ps.p.LeaveTime, ps.name, "left", "leave"})
	}
	last := map[way]model.Level{}
	for i, s := range ps.p.Samples {
		if i > 0 && ps.step > 0 {
			if gap := s.Time.Sub(ps.p.Samples[i-1].Time); gap > 2*ps.step {
				out = append(out, entry{ps.p.Samples[i-1].Time, ps.name, "no samples for " + gap.String(), "gap"})
			}
		}
		for _, m := range model.Medias {
			for _, d := range []model.Direction{model.Send, model.Receive} {
				if what, ok := crossing(last, way{m, d}, s, th); ok {
					out = append(out, entry{s.Time, ps.name, what, "crossing"})
				}
			}
		}
	}
	return out
}

// way is a medium one way, on any path.
type way struct {
	m model.Media
	d model.Direction
}

// crossing says whether w's level in s differs from the last one known
// (last, which it updates), and in words how: "audio send critical:
// latency 400 ms", "audio send back to good". A sample without a reading
// that way changes nothing, and a first reading that is good is no news.
func crossing(last map[way]model.Level, w way, s model.Sample, th model.Thresholds) (string, bool) {
	lv, worst := wayLevel(s, w.m, w.d, th)
	if lv == model.Unknown {
		return "", false
	}
	was, seen := last[w]
	last[w] = lv
	if (seen && lv == was) || (!seen && lv == model.Good) {
		return "", false
	}
	name := w.m.String() + " " + w.d.String()
	if lv == model.Good {
		return name + " back to good", true
	}
	return name + " " + lv.String() + ": " + worst, true
}

// wayLevel is the worst level of a medium's streams one way, on any path,
// and its worst reading in words ("latency 320 ms").
func wayLevel(s model.Sample, m model.Media, d model.Direction, th model.Thresholds) (model.Level, string) {
	one := model.Sample{Time: s.Time, Streams: map[model.StreamKey]model.StreamStats{}}
	for k, st := range s.Streams {
		if k.Media == m && k.Dir == d {
			one.Streams[k] = st
		}
	}
	r, ok := th.WorstReading(one)
	if !ok {
		return model.Unknown, ""
	}
	unit := " ms"
	if r.Metric == model.AvgLoss || r.Metric == model.MaxLoss {
		unit = "%"
	}
	return r.Level, r.Metric.String() + " " + model.FormatNum(r.Value.V) + unit
}

func recordedEntry(e model.RecordedEntry) entry {
	switch e.Kind {
	case model.RecMarker:
		return entry{e.At, "", "marker: " + e.Text, "marker"}
	case model.RecLifecycle:
		return entry{e.At, e.Name, e.What, "event"}
	}
	what := e.Text
	if e.What != "" && e.What != "unknown" {
		what = e.What + ": " + e.Text
	}
	return entry{e.At, e.Name, what, "event"}
}

// worstMinute finds the sample time at which most participants were
// degraded (the earliest of equals) and diagnoses the meeting as it stood
// then, each participant by their sample at that time (none: no
// readings). When nobody was ever degraded, it diagnoses the end, last.
func worstMinute(people []person, th model.Thresholds, last time.Time) (time.Time, model.Diagnosis) {
	counts := map[time.Time]int{}
	for _, ps := range people {
		for _, s := range ps.p.Samples {
			if th.DegradationOf(s) != 0 {
				counts[s.Time]++
			}
		}
	}
	var at time.Time
	for t, n := range counts {
		if at.IsZero() || n > counts[at] || (n == counts[at] && t.Before(at)) {
			at = t
		}
	}
	worst := at
	if at.IsZero() {
		at = last
	}
	in := make([]model.DiagnosisInput, 0, len(people))
	for _, ps := range people {
		var cur model.Sample
		for _, s := range ps.p.Samples {
			if !s.Time.After(at) && (ps.step == 0 || at.Sub(s.Time) < 2*ps.step) {
				cur = s
			}
		}
		in = append(in, th.DiagnosisInputOf(ps.p, ps.name, cur))
	}
	return worst, model.Diagnose(in)
}

func minTime(a, b time.Time) time.Time {
	if a.IsZero() || b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
