package feed

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/qostop/qostop/model"
)

// maxEvents bounds the event log; older events fall off. The watch
// screen's box shows the newest few; the event log screen (l) all of them.
const maxEvents = 500

// Event is one line of the log: a threshold crossing or recovery (at the
// time of the sample that showed it) or a polling error (at the time the
// answer arrived).
type Event struct {
	At    time.Time
	Level model.Level // colour: Good for recoveries, Critical for errors
	Text  string      // without the time, e.g. "audio send loss 7.2% critical"
	Count int         // how many times in a row an identical error came
	Full  string      // an error's whole text, for the event log screen; "" when Text is all
	err   bool
	Hole  model.Hole // samples Zoom never sent (Text is then "no samples"; Say words it in the view's zone)
}

// Say is the event's text as a view writes it: Text, or for a hole when
// no sample came and how many were due, "no samples 21:22–21:26 (5 due)",
// in loc and layout, the range joined by dash (the glyph set's; an en dash
// for its em dash).
func (e Event) Say(loc *time.Location, layout, dash string) string {
	if e.Hole.Missing == 0 {
		return e.Text
	}
	if dash == "—" {
		dash = "–"
	}
	return "no samples " + e.Hole.From.In(loc).Format(layout) + dash + e.Hole.To.In(loc).Format(layout) +
		" (" + strconv.Itoa(e.Hole.Missing) + " due)"
}

// levelKey names one watched reading: a stream's metric, or (sys set) one
// of the machine's.
type levelKey struct {
	stream model.StreamKey
	metric model.Metric
	sys    bool
}

// Log remembers each watched reading's last level and turns changes
// into events, newest first.
type Log struct {
	events []Event // newest first, at most maxEvents
	levels map[levelKey]model.Level
	judged time.Time // newest sample already judged
	fails  int       // errors since the last good answer
	// heard is told each new line (not a repeat counted up): the
	// feed's Listener, or nil.
	heard func(Event)
}

func newLog() Log { return Log{levels: map[levelKey]model.Level{}} }

// add logs a new line: put in its place, and told to whoever listens.
// put alone places a line that is not new to the log's readers (a
// marker, recorded as one).
func (l *Log) add(e Event) {
	l.put(e)
	if l.heard != nil {
		l.heard(e)
	}
}

// put puts e in its place by time, above the events of its time already
// there. A sample's events carry the sample's time and a poll's the
// answer's, and a sample can arrive after a poll event newer than it: put
// in by arrival, "newest first" was not true.
func (l *Log) put(e Event) {
	i := sort.Search(len(l.events), func(i int) bool { return !l.events[i].At.After(e.At) })
	if i >= maxEvents {
		return // older than all the log keeps
	}
	l.events = append(l.events, Event{})
	copy(l.events[i+1:], l.events[i:])
	l.events[i] = e
	if len(l.events) > maxEvents {
		l.events = l.events[:maxEvents]
	}
}

// observe judges, in time order, the samples newer than any judged before,
// and logs a hole (model.HoleBetween) before any sample that comes two or
// more cadences later than the one before it.
// A sample that arrives late, older than the newest judged, is in the
// history and the panes but makes no event: the log tells what changed
// going forward, and re-judging the past would reorder it. A reading that
// is missing leaves the last level as it was, so a gap is not a recovery.
//
// The streams of one sample that cross to the same level on the same
// metric make one line ("audio+video, both ways: loss 4.3% warn",
// with the worst value), not one per stream: a bad minute on a bad
// network moves every stream at once.
func (l *Log) observe(samples []model.Sample, th model.Thresholds, cadence time.Duration) (added int) {
	for _, s := range samples {
		if !s.Time.After(l.judged) {
			continue
		}
		if h, ok := model.HoleBetween(l.judged, s.Time, cadence); ok {
			l.add(Event{At: h.From, Level: model.Warn, Text: "no samples", Hole: h})
			added++
		}
		l.judged = s.Time
		var groups []crossing
		for _, k := range model.StreamKeys {
			st, ok := s.Streams[k]
			if !ok {
				continue
			}
			for _, jm := range model.JudgedStreams {
				v := jm.Stream(st)
				lv, changed := l.judge(levelKey{stream: k, metric: jm.Metric}, jm, v, th)
				if changed {
					groups = addCrossing(groups, crossing{jm: jm, level: lv, v: v.V}, k)
				}
			}
		}
		for _, g := range groups {
			l.add(Event{At: s.Time, Level: g.level, Text: g.text()})
			added++
		}
		for _, jm := range model.JudgedSystem {
			v := jm.Sys(s)
			if lv, changed := l.judge(levelKey{metric: jm.Metric, sys: true}, jm, v, th); changed {
				l.add(Event{At: s.Time, Level: lv, Text: crossingText(jm.Name, jm, lv, v.V)})
				added++
			}
		}
	}
	return added
}

// judge records the level of reading k and reports whether it changed in
// a way worth a line: any change, but not a first reading that is good.
func (l *Log) judge(k levelKey, jm model.Judged, v model.Value, th model.Thresholds) (model.Level, bool) {
	lv := th.Level(jm.Metric, v)
	if lv == model.Unknown {
		return lv, false
	}
	prev, seen := l.levels[k]
	l.levels[k] = lv
	return lv, lv != prev && (seen || lv != model.Good)
}

// crossing is the streams of one sample that crossed to one level on one
// metric, and the worst value among them.
type crossing struct {
	jm     model.Judged
	level  model.Level
	v      float64
	medias [3]bool
	dirs   [2]bool
}

// addCrossing folds stream k's crossing c into the group of its metric
// and level, keeping the highest value: every judged stream metric is
// worse higher.
func addCrossing(gs []crossing, c crossing, k model.StreamKey) []crossing {
	i := 0
	for i < len(gs) && (gs[i].jm.Metric != c.jm.Metric || gs[i].level != c.level) {
		i++
	}
	if i == len(gs) {
		gs = append(gs, c)
	} else {
		gs[i].v = max(gs[i].v, c.v) // the worst of them, recovered or not
	}
	gs[i].medias[k.Media] = true
	gs[i].dirs[k.Dir] = true
	return gs
}

// text names the streams and the crossing. One direction of some media
// reads as a phrase ("audio send loss 7.2% critical", "audio+video
// send ..."); every medium or both directions would make it run on, so
// they are said in two words and the metric follows a colon: "all
// media" is all three, "both ways" send and receive ("all media, both
// ways: loss 1.8% warn", "audio, both ways: ...", "all media, send: ...").
func (c crossing) text() string {
	var ms []string
	for _, md := range model.Medias {
		if c.medias[md] {
			ms = append(ms, md.String())
		}
	}
	media := strings.Join(ms, "+")
	if len(ms) == len(model.Medias) {
		media = "all media"
	}
	dir := "both ways"
	switch {
	case !c.dirs[model.Receive]:
		dir = "send"
	case !c.dirs[model.Send]:
		dir = "receive"
	}
	if len(ms) < len(model.Medias) && dir != "both ways" {
		return crossingText(media+" "+dir+" "+c.jm.Name, c.jm, c.level, c.v)
	}
	return crossingText(media+", "+dir+": "+c.jm.Name, c.jm, c.level, c.v)
}

func crossingText(what string, jm model.Judged, lv model.Level, v float64) string {
	val := model.FormatNum(v) + jm.Unit
	if lv == model.Good {
		return what + " recovered " + val
	}
	return what + " " + val + " " + lv.String()
}

// failed logs a polling error. The same error again only counts up, so a
// long outage retried with backoff is one line, not fifty.
func (l *Log) failed(at time.Time, text string) { l.failedWith(at, text, "") }

// failedWith logs a polling error whose line is short for the box, and
// full the whole text for the event log screen.
func (l *Log) failedWith(at time.Time, text, full string) {
	l.fails++
	if full == text {
		full = ""
	}
	if len(l.events) > 0 && l.events[0].err && l.events[0].Text == text && l.events[0].Full == full {
		e := l.events[0]
		e.At, e.Count = at, e.Count+1
		l.events = append(l.events[:0], l.events[1:]...)
		l.put(e) // at its new time: the same line, heard once
		return
	}
	l.add(Event{At: at, Level: model.Critical, Text: text, Full: full, Count: 1, err: true})
}

// succeeded logs the end of a run of errors.
func (l *Log) succeeded(at time.Time) {
	if l.fails == 0 {
		return
	}
	polls := strconv.Itoa(l.fails) + " failed polls"
	if l.fails == 1 {
		polls = "1 failed poll"
	}
	l.add(Event{At: at, Level: model.Good, Text: "Zoom answers again after " + polls})
	l.fails = 0
}

// Events are the log's events, newest first: the views read them, only
// the feed writes them.
func (l *Log) Events() []Event { return l.events }
