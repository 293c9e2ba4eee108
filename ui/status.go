package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/poll"
)

// statusInfo is everything the status bar shows, copied out of the watch
// screen so the bar is a pure function of it.
type statusInfo struct {
	now      time.Time
	loc      *time.Location
	newest   time.Time // newest sample; zero when there is none
	staleAt  time.Time // when the data turns stale; zero when it cannot
	lastPoll time.Time // when the last answer arrived; zero before the first
	nextPoll time.Time // when the next poll is due; zero when none is scheduled
	inflight bool
	asked    time.Time // when the request in flight was sent
	paused   bool
	done     bool // a past meeting, fetched: nothing more to poll
	interval time.Duration
	fixed    bool   // the interval is fixed (--interval, + or -); else the schedule adapts
	why      string // why the next poll is when it is (model.Next.Reason)
	budget   fetch.BudgetStatus
	counted  bool   // a request budget counts the day's requests: show it, not requests
	span     string // history window, e.g. "30m"
	view     string // what a chart screen shows, e.g. "19:30–19:45 · 3 new · end: live"
	requests int64
	limited  bool // the last answer was a rate limit
	retryAt  time.Time
	limit    string    // "QPS", "Daily-limit" or ""
	helpHint bool      // end with "? help": no help line below says it
	list     bool      // a list, not samples: say when it was fetched, not the newest sample
	redacted bool      // names and addresses hidden (R)
	gone     string    // why Zoom no longer answers for the call, e.g. "meeting ended"
	left     time.Time // when the participant left; zero while they stay
}

// statusStyles are the theme's styles on the bar's background, built once
// per theme: a bare foreground style inside the bar would end with a reset
// and punch a hole in the background.
type statusStyles struct {
	base, muted, warn, crit, key lipgloss.Style
	sep, dash, dots              string
}

func newStatusStyles(st theme.Styles) statusStyles {
	s := statusStyles{
		base:  st.Bar,
		muted: st.Muted.Inherit(st.Bar),
		warn:  st.Strong(st.Level(model.Warn).Inherit(st.Bar)),
		crit:  st.Strong(st.Level(model.Critical).Inherit(st.Bar)),
		key:   st.Key.Inherit(st.Bar),
		sep:   st.Glyphs().Sep,
		dash:  st.Glyphs().Dash,
		dots:  st.Glyphs().Dots,
	}
	return s
}

// segment is one part of the bar. Parts with a higher drop number go
// first when the bar is too narrow.
type segment struct {
	text  string
	style lipgloss.Style
	drop  int
}

// renderStatus draws the one-line status bar, exactly width cells.
func renderStatus(si statusInfo, ss statusStyles, width int) string {
	if width <= 0 {
		return ""
	}
	clock := func(t time.Time) string { return t.In(si.loc).Format("15:04:05") }
	// A segment holds a lipgloss.Style (~600 bytes): a stack buffer saves
	// the slice's regrowth on every once-a-second redraw.
	var buf [13]segment
	segs := buf[:0]
	if si.paused {
		segs = append(segs, segment{"PAUSED", ss.warn, 0})
	}
	if !si.staleAt.IsZero() && si.now.After(si.staleAt) {
		segs = append(segs, segment{"STALE", ss.crit, 0})
	}
	if si.redacted {
		segs = append(segs, segment{"REDACTED", ss.key, 0})
	}
	switch {
	case si.gone != "":
		segs = append(segs, segment{si.gone, ss.warn, 0})
	case !si.left.IsZero():
		segs = append(segs, segment{"left the meeting " + clock(si.left), ss.warn, 0})
	}
	if si.view != "" {
		segs = append(segs, segment{si.view, ss.key, 0})
	}
	switch {
	case si.list && si.lastPoll.IsZero():
		segs = append(segs, segment{"not fetched yet", ss.muted, 1})
	case si.list:
		segs = append(segs, segment{"fetched " + clock(si.lastPoll) + " (" + fmtAge(si.now.Sub(si.lastPoll)) + ")", ss.base, 1})
	case si.newest.IsZero():
		segs = append(segs, segment{"no data yet", ss.muted, 1})
	default:
		segs = append(segs, segment{"newest " + clock(si.newest) + " (" + fmtAge(si.now.Sub(si.newest)) + ")", ss.base, 1})
	}
	switch {
	case si.limited && !si.inflight && !si.paused && !si.nextPoll.IsZero():
		segs = append(segs, segment{limitText(si.limit) + " " + ss.dash + " next try " + clock(si.nextPoll), ss.warn, 0})
	case si.limited && si.paused && si.now.Before(si.retryAt):
		segs = append(segs, segment{limitText(si.limit) + " until " + clock(si.retryAt), ss.warn, 0})
	case si.inflight && !si.asked.IsZero() && si.now.Sub(si.asked) >= slowAnswer:
		// A hung request is not "polling": say since when Zoom has kept
		// us, a time that does not tick.
		segs = append(segs, segment{"waiting for Zoom since " + clock(si.asked) + ss.dots, ss.warn, 0})
	case si.inflight:
		segs = append(segs, segment{"polling" + ss.dots, ss.base, 1})
	case si.done:
		segs = append(segs, segment{"past meeting: fetched once", ss.muted, 1})
	case !si.paused && !si.nextPoll.IsZero() && !si.left.IsZero() && poll.Classify(si.why) != poll.WhyBudget:
		// They left: no sample is due, so none is late.
		segs = append(segs, segment{"next " + clock(si.nextPoll), ss.base, 1})
	case !si.paused && !si.nextPoll.IsZero():
		segs = append(segs, nextSegment(si.why, clock(si.nextPoll), si.budget, ss))
	}
	if !si.lastPoll.IsZero() && !si.list {
		segs = append(segs, segment{"polled " + clock(si.lastPoll), ss.muted, 4})
	}
	switch {
	case si.done:
	case si.fixed:
		segs = append(segs, segment{"every " + fmtDur(si.interval), ss.muted, 3})
	default:
		// Adaptive polling waits for Zoom's next minute, probes when it is
		// late and slows when nothing comes: no one interval is true. The
		// next segment says when and why; the full help explains.
		segs = append(segs, segment{"adaptive", ss.muted, 3})
	}
	if si.span != "" {
		segs = append(segs, segment{"window " + si.span, ss.muted, 3})
	}
	if si.counted {
		segs = append(segs, budgetSegments(si.budget, ss)...)
	} else {
		segs = append(segs, segment{plural(int(si.requests), "request", "requests"), ss.muted, 2})
	}
	help := segment{"? help", ss.key, 0}
	if !si.helpHint {
		help.text = ""
	}

	sepW := ansi.StringWidth(ss.sep)
	total := func() int {
		w := 1 + ansi.StringWidth(help.text) + 1 // a space either side
		if help.text != "" {
			w++ // and one before "? help", or it runs into the time ("12:33:33? help")
		}
		for i, s := range segs {
			if i > 0 {
				w += sepW
			}
			w += ansi.StringWidth(s.text)
		}
		return w
	}
	for len(segs) > 1 && total() > width {
		worst := 0
		for i, s := range segs {
			if s.drop >= segs[worst].drop {
				worst = i
			}
		}
		segs = append(segs[:worst], segs[worst+1:]...)
	}
	if total() > width {
		help.text = ""
	}

	var b strings.Builder
	b.WriteString(ss.base.Render(" "))
	for i, s := range segs {
		if i > 0 {
			b.WriteString(ss.muted.Render(ss.sep))
		}
		b.WriteString(s.style.Render(s.text))
	}
	line := ansi.Truncate(b.String(), width-1, "")
	right := ""
	if help.text != "" {
		right = help.style.Render(help.text) + ss.base.Render(" ")
	}
	gap := width - ansi.StringWidth(line) - ansi.StringWidth(right)
	if gap < 0 {
		right, gap = "", width-ansi.StringWidth(line)
	}
	return line + ss.base.Render(strings.Repeat(" ", gap)) + right
}

// slowAnswer is how long a request may take before the bar stops saying
// "polling" and counts the wait instead.
const slowAnswer = 3 * time.Second

// limitText is "rate limited", with Zoom's limit type when it said.
func limitText(limitType string) string {
	switch limitType {
	case "":
		return "rate limited"
	case "Budget": // qostop's own --budget, not Zoom's
		return "request budget spent"
	}
	return "rate limited (" + limitType + ")"
}

// renderErrLines draws the last error in plain words over at most rows
// lines of width cells, cutting the last line if the text is longer.
func renderErrLines(text string, rows, width int, st theme.Styles) string {
	if rows <= 0 || width <= 0 || text == "" {
		return ""
	}
	lines := strings.Split(wordwrap("error: "+text, width), "\n")
	if len(lines) > rows {
		rest := strings.Join(lines[rows-1:], " ")
		lines = append(lines[:rows-1], ansi.Truncate(rest, width, ellipsis(st)))
	}
	for i, l := range lines {
		lines[i] = st.Level(model.Critical).Render(ansi.Truncate(l, width, ""))
	}
	return strings.Join(lines, "\n")
}

// The status bar changes only when something happened: times are clock
// times, and ages count whole minutes, so between polls the screen stays
// as it is and the renderer sends nothing. nextChange says when the bar
// would next read differently, which is when the clock ticks.

// fmtAge is how long ago, in whole minutes: "<1m ago", "4m ago",
// "2h10m ago".
func fmtAge(d time.Duration) string {
	if d < time.Minute {
		return "<1m ago"
	}
	return fmtDur(d.Truncate(time.Minute)) + " ago"
}

// nextChange is the first moment after si.now at which the bar, drawn
// from si, would read differently; zero when nothing but a message can
// change it.
func (si statusInfo) nextChange() time.Time {
	var next time.Time
	consider := func(t time.Time) {
		if t.After(si.now) && (next.IsZero() || t.Before(next)) {
			next = t
		}
	}
	nextMinute := func(since time.Time) {
		if !since.IsZero() {
			consider(since.Add(si.now.Sub(since).Truncate(time.Minute) + time.Minute))
		}
	}
	if si.list {
		nextMinute(si.lastPoll)
	} else {
		nextMinute(si.newest)
	}
	if !si.staleAt.IsZero() {
		consider(si.staleAt.Add(time.Nanosecond)) // stale once past it
	}
	if si.inflight && !si.asked.IsZero() {
		consider(si.asked.Add(slowAnswer))
	}
	if si.limited && si.paused {
		consider(si.retryAt)
	}
	return next
}

// fmtDur is a short duration for the bar: "7s", "4m05s", "2h10m",
// rounded up to whole seconds.
func fmtDur(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int64((d + time.Second - 1) / time.Second)
	switch {
	case s < 60:
		return strconv.FormatInt(s, 10) + "s"
	case s < 3600:
		if s%60 == 0 {
			return strconv.FormatInt(s/60, 10) + "m"
		}
		return fmt.Sprintf("%dm%02ds", s/60, s%60)
	default:
		if s%3600 == 0 {
			return strconv.FormatInt(s/3600, 10) + "h"
		}
		return fmt.Sprintf("%dh%02dm", s/3600, (s%3600)/60)
	}
}
