package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/pane"
)

// maxEvents bounds the event log; older events fall off.
const maxEvents = 50

// event is one line of the log: a threshold crossing or recovery (at the
// time of the sample that showed it) or a polling error (at the time the
// answer arrived).
type event struct {
	at    time.Time
	level model.Level // colour: Good for recoveries, Critical for errors
	text  string      // without the time, e.g. "audio send loss 7.2% critical"
	count int         // how many times in a row an identical error came
	err   bool
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

func (l *eventLog) add(e event) {
	l.events = append(l.events, event{})
	copy(l.events[1:], l.events)
	l.events[0] = e
	if len(l.events) > maxEvents {
		l.events = l.events[:maxEvents]
	}
}

// observe judges, in time order, the samples newer than any judged before.
// A sample that arrives late, older than the newest judged, is in the
// history and the panes but makes no event: the log tells what changed
// going forward, and re-judging the past would reorder it. A reading that
// is missing leaves the last level as it was, so a gap is not a recovery.
func (l *eventLog) observe(samples []model.Sample, th model.Thresholds) (added int) {
	for _, s := range samples {
		if !s.Time.After(l.judged) {
			continue
		}
		l.judged = s.Time
		for _, k := range model.StreamKeys {
			st, ok := s.Streams[k]
			if !ok {
				continue
			}
			for _, jm := range model.JudgedStreams {
				added += l.judge(levelKey{stream: k, metric: jm.Metric}, k.String()+" "+jm.Name, jm, jm.Stream(st), s.Time, th)
			}
		}
		for _, jm := range model.JudgedSystem {
			added += l.judge(levelKey{metric: jm.Metric, sys: true}, jm.Name, jm, jm.Sys(s), s.Time, th)
		}
	}
	return added
}

func (l *eventLog) judge(k levelKey, what string, jm model.Judged, v model.Value, at time.Time, th model.Thresholds) int {
	lv := th.Level(jm.Metric, v)
	if lv == model.Unknown {
		return 0
	}
	prev, seen := l.levels[k]
	l.levels[k] = lv
	if lv == prev || (!seen && lv == model.Good) {
		return 0
	}
	val := pane.FormatNum(v.V) + jm.Unit
	if lv == model.Good {
		l.add(event{at: at, level: model.Good, text: what + " recovered " + val})
	} else {
		l.add(event{at: at, level: lv, text: what + " " + val + " " + lv.String()})
	}
	return 1
}

// failed logs a polling error. The same error again only counts up, so a
// long outage retried with backoff is one line, not fifty.
func (l *eventLog) failed(at time.Time, text string) {
	l.fails++
	if len(l.events) > 0 && l.events[0].err && l.events[0].text == text {
		l.events[0].at = at
		l.events[0].count++
		return
	}
	l.add(event{at: at, level: model.Critical, text: text, count: 1, err: true})
}

// succeeded logs the end of a run of errors.
func (l *eventLog) succeeded(at time.Time) {
	if l.fails == 0 {
		return
	}
	l.add(event{at: at, level: model.Good, text: "Zoom answers again after " + plural(l.fails, "failed poll", "failed polls")})
	l.fails = 0
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
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
		lines = append(lines, titleRule("events", width, st))
	}
	if len(l.events) == 0 {
		lines = append(lines, st.Muted.Render(ansi.Truncate("no threshold crossings or errors so far", width, ellipsis(st))))
	}
	for _, e := range l.events {
		if len(lines) == rows {
			break
		}
		text := e.text
		if e.count > 1 {
			text += " (x" + strconv.Itoa(e.count) + ")"
		}
		// No level marker: the text says "critical" or "recovered" in words,
		// which reads without colour too.
		line := st.Muted.Render(e.at.In(loc).Format(layout)) + " " + st.Level(e.level).Render(text)
		lines = append(lines, ansi.Truncate(line, width, ellipsis(st)))
	}
	return strings.Join(lines, "\n")
}

// titleRule is "── name ─────" across width, in the muted colour.
func titleRule(name string, width int, st theme.Styles) string {
	dash := st.Glyphs().Rule
	s := dash + dash + " " + name + " "
	if n := width - ansi.StringWidth(s); n > 0 {
		s += strings.Repeat(dash, n)
	}
	return st.Muted.Render(ansi.Truncate(s, width, ""))
}

// ellipsis is the tail of cut text: "…", or "~" where only ASCII may be drawn.
func ellipsis(st theme.Styles) string { return st.Glyphs().Ellipsis }
