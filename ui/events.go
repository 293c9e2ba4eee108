package ui

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/pane"
)

// maxEvents bounds the event log; older events fall off. The watch
// screen's box shows the newest few; the event log screen (l) all of them.
const maxEvents = 500

// event is one line of the log: a threshold crossing or recovery (at the
// time of the sample that showed it) or a polling error (at the time the
// answer arrived).
type event struct {
	at    time.Time
	level model.Level // colour: Good for recoveries, Critical for errors
	text  string      // without the time, e.g. "audio send loss 7.2% critical"
	count int         // how many times in a row an identical error came
	full  string      // an error's whole text, for the event log screen; "" when text is all
	err   bool
	hole  model.Hole // samples Zoom never sent (text is then "no samples"); its times are shown in the view's zone
}

// levelKey names one watched reading: a stream's metric, or (sys set) one
// of the machine's.
type levelKey struct {
	stream model.StreamKey
	metric model.Metric
	sys    bool
}

// eventLog remembers each watched reading's last level and turns changes
// into events, newest first.
type eventLog struct {
	events []event // newest first, at most maxEvents
	levels map[levelKey]model.Level
	judged time.Time // newest sample already judged
	fails  int       // errors since the last good answer
}

func newEventLog() eventLog { return eventLog{levels: map[levelKey]model.Level{}} }

// add puts e in its place by time, above the events of its time already
// there. A sample's events carry the sample's time and a poll's the
// answer's, and a sample can arrive after a poll event newer than it: put
// in by arrival, "newest first" was not true.
func (l *eventLog) add(e event) {
	i := sort.Search(len(l.events), func(i int) bool { return !l.events[i].at.After(e.at) })
	if i >= maxEvents {
		return // older than all the log keeps
	}
	l.events = append(l.events, event{})
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
func (l *eventLog) observe(samples []model.Sample, th model.Thresholds, cadence time.Duration) (added int) {
	for _, s := range samples {
		if !s.Time.After(l.judged) {
			continue
		}
		if h, ok := model.HoleBetween(l.judged, s.Time, cadence); ok {
			l.add(event{at: h.From, level: model.Warn, text: "no samples", hole: h})
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
			l.add(event{at: s.Time, level: g.level, text: g.text()})
			added++
		}
		for _, jm := range model.JudgedSystem {
			v := jm.Sys(s)
			if lv, changed := l.judge(levelKey{metric: jm.Metric, sys: true}, jm, v, th); changed {
				l.add(event{at: s.Time, level: lv, text: crossingText(jm.Name, jm, lv, v.V)})
				added++
			}
		}
	}
	return added
}

// judge records the level of reading k and reports whether it changed in
// a way worth a line: any change, but not a first reading that is good.
func (l *eventLog) judge(k levelKey, jm model.Judged, v model.Value, th model.Thresholds) (model.Level, bool) {
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
	val := pane.FormatNum(v) + jm.Unit
	if lv == model.Good {
		return what + " recovered " + val
	}
	return what + " " + val + " " + lv.String()
}

// failed logs a polling error. The same error again only counts up, so a
// long outage retried with backoff is one line, not fifty.
func (l *eventLog) failed(at time.Time, text string) { l.failedWith(at, text, "") }

// failedWith logs a polling error whose line is short for the box, and
// full the whole text for the event log screen.
func (l *eventLog) failedWith(at time.Time, text, full string) {
	l.fails++
	if full == text {
		full = ""
	}
	if len(l.events) > 0 && l.events[0].err && l.events[0].text == text && l.events[0].full == full {
		e := l.events[0]
		e.at, e.count = at, e.count+1
		l.events = append(l.events[:0], l.events[1:]...)
		l.add(e) // at its new time
		return
	}
	l.add(event{at: at, level: model.Critical, text: text, full: full, count: 1, err: true})
}

// succeeded logs the end of a run of errors.
func (l *eventLog) succeeded(at time.Time) {
	if l.fails == 0 {
		return
	}
	l.add(event{at: at, level: model.Good, text: "Zoom answers again after " + chrome.Plural(l.fails, "failed poll", "failed polls")})
	l.fails = 0
}

// view draws up to rows lines of width cells: with three rows or more a
// title rule first, then the events newest first, their times in loc in
// the given layout.
func (l *eventLog) view(rows, width int, st theme.Styles, loc *time.Location, layout string) string {
	if rows <= 0 || width <= 0 {
		return ""
	}
	lines := make([]string, 0, rows)
	if rows >= 3 {
		// The box shows the newest lines, cut; l shows them all, whole.
		lines = append(lines, chrome.TitleRule("events"+st.Glyphs().Sep+"l: all "+chrome.Plural(len(l.events), "event", "events"), width, st))
	}
	if len(l.events) == 0 {
		lines = append(lines, st.Muted.Render(ansi.Truncate("no threshold crossings or errors so far", width, chrome.Ellipsis(st))))
	}
	for _, e := range l.events {
		if len(lines) == rows {
			break
		}
		text := e.text
		if e.hole.Missing > 0 {
			text = holeText(e.hole, loc, layout, st.Glyphs().Dash)
		}
		if e.count > 1 {
			text += " (x" + strconv.Itoa(e.count) + ")"
		}
		// No level marker: the text says "critical" or "recovered" in words,
		// which reads without colour too.
		line := st.Muted.Render(e.at.In(loc).Format(layout)) + " " + st.Level(e.level).Render(text)
		lines = append(lines, ansi.Truncate(line, width, chrome.Ellipsis(st)))
	}
	return strings.Join(lines, "\n")
}

// holeText says when no sample came and how many were due: "no samples
// 21:22–21:26 (5 due)".
func holeText(h model.Hole, loc *time.Location, layout, dash string) string {
	if dash == "—" {
		dash = "–" // a range takes the en dash
	}
	return "no samples " + h.From.In(loc).Format(layout) + dash + h.To.In(loc).Format(layout) +
		" (" + strconv.Itoa(h.Missing) + " due)"
}
