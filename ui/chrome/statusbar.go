package chrome

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

// StatusInfo is everything the status bar shows, copied out of the watch
// screen so the bar is a pure function of it.
type StatusInfo struct {
	Now      time.Time
	Loc      *time.Location
	Newest   time.Time // newest sample; zero when there is none
	StaleAt  time.Time // when the data turns stale; zero when it cannot
	LastPoll time.Time // when the last answer arrived; zero before the first
	NextPoll time.Time // when the next poll is due; zero when none is scheduled
	Inflight bool
	Asked    time.Time // when the request in flight was sent
	Paused   bool
	Done     bool // a past meeting, fetched: nothing more to poll
	Interval time.Duration
	Fixed    bool   // the interval is fixed (--interval, + or -); else the schedule adapts
	Why      string // why the next poll is when it is (model.Next.Reason)
	Budget   fetch.BudgetStatus
	Counted  bool   // a request budget counts the day's requests: show it, not requests
	Span     string // history window, e.g. "30m"
	View     string // what a chart screen shows, e.g. "19:30–19:45 · 3 new · end: live"
	Requests int64
	Limited  bool // the last answer was a rate limit
	Retrying bool // the last answer failed: the next poll is a retry after a wait
	Settled  bool // and it will not change by itself: the retry waits a minute
	RetryAt  time.Time
	Limit    string    // "QPS", "Daily-limit" or ""
	HelpHint bool      // end with "? help": no help line below says it
	List     bool      // a list, not samples: say when it was fetched, not the newest sample
	Redacted bool      // names and addresses hidden (R)
	Gone     string    // why Zoom no longer answers for the call, e.g. "meeting ended"
	Left     time.Time // when the participant left; zero while they stay
	// Replay is the replay's clock, "REPLAY ×10 14:32:05 / 15:10:00,
	// paused", and ReplayNote what is wrong with the recording: shown
	// first, in place of the polling, which a replay does not do.
	Replay, ReplayNote string
	// Push is the push subscription beside the poll (poll.PushState);
	// Backstop the least wait between polls while it delivers.
	Push     poll.PushState
	Backstop time.Duration
	// State is the call's one word, the header badge's (CallBadge, fed
	// Stale()): the bar says STALE exactly when the badge does.
	State Badge
}

// Stale reports whether the newest sample is older than the stale rule
// allows: StaleAt has passed.
func (si StatusInfo) Stale() bool { return !si.StaleAt.IsZero() && si.Now.After(si.StaleAt) }

// StatusStyles are the theme's styles on the bar's background, built once
// per theme: a bare foreground style inside the bar would end with a reset
// and punch a hole in the background.
type StatusStyles struct {
	Base, Muted, Warn, Crit, Key lipgloss.Style
	Sep, Dash, Dots              string
}

// NewStatusStyles builds the bar's styles from st, once per theme.
func NewStatusStyles(st theme.Styles) StatusStyles {
	s := StatusStyles{
		Base:  st.Bar,
		Muted: st.Muted.Inherit(st.Bar),
		Warn:  st.Strong(st.Level(model.Warn).Inherit(st.Bar)),
		Crit:  st.Strong(st.Level(model.Critical).Inherit(st.Bar)),
		Key:   st.Key.Inherit(st.Bar),
		Sep:   st.Glyphs().Sep,
		Dash:  st.Glyphs().Dash,
		Dots:  st.Glyphs().Dots,
	}
	return s
}

// Segment is one part of the bar. Parts with a higher drop number go
// first when the bar is too narrow.
type Segment struct {
	Text  string
	Style lipgloss.Style
	Drop  int
}

// StatusBar draws the one-line status bar of si, exactly width cells:
// its segments (what is marked, the data's age, the next poll, the pace,
// the window, the cost) fitted by Bar.
func StatusBar(si StatusInfo, ss StatusStyles, width int) string {
	if width <= 0 {
		return ""
	}
	// A segment holds a lipgloss.Style (~600 bytes): a stack buffer saves
	// the slice's regrowth on every once-a-second redraw.
	var buf [13]Segment
	help := Segment{"? help", ss.Key, 0}
	if !si.HelpHint {
		help.Text = ""
	}
	return Bar(si.segments(buf[:0], ss), help, ss, width)
}

// segments are si's parts of the bar, in order.
func (si StatusInfo) segments(segs []Segment, ss StatusStyles) []Segment {
	segs = si.marks(segs, ss)
	segs = append(segs, si.age(ss))
	if si.Replay != "" {
		if si.Span != "" {
			segs = append(segs, Segment{"window " + si.Span, ss.Muted, 3})
		}
		return segs
	}
	if si.Push.On {
		segs = append(segs, si.push(ss))
	}
	if next, ok := si.next(ss); ok {
		segs = append(segs, next)
	}
	if !si.LastPoll.IsZero() && !si.List {
		segs = append(segs, Segment{"polled " + si.clock(si.LastPoll), ss.Muted, 4})
	}
	if pace, ok := si.pace(ss); ok {
		segs = append(segs, pace)
	}
	if si.Span != "" {
		segs = append(segs, Segment{"window " + si.Span, ss.Muted, 3})
	}
	if si.Counted {
		return append(segs, BudgetSegments(si.Budget, ss)...)
	}
	return append(segs, Segment{Plural(int(si.Requests), "request", "requests"), ss.Muted, 2})
}

func (si StatusInfo) clock(t time.Time) string { return t.In(si.Loc).Format("15:04:05") }

// marks are the words that must not drop: PAUSED, STALE (the newest
// sample is older than the stale rule, the word's one meaning, and the
// header's badge says it too), REDACTED,
// the call's end and what a chart screen shows.
func (si StatusInfo) marks(segs []Segment, ss StatusStyles) []Segment {
	if si.Replay != "" {
		segs = append(segs, Segment{si.Replay, ss.Key, 0})
	}
	if si.ReplayNote != "" {
		segs = append(segs, Segment{si.ReplayNote, ss.Warn, 0})
	}
	if si.Paused {
		segs = append(segs, Segment{"PAUSED", ss.Warn, 0})
	}
	if si.State.Text == StaleWord {
		segs = append(segs, Segment{StaleWord, ss.Warn, 0}) // the badge's colour
	}
	if si.Redacted {
		segs = append(segs, Segment{"REDACTED", ss.Key, 0})
	}
	switch {
	case si.Gone != "":
		segs = append(segs, Segment{si.Gone, ss.Warn, 0})
	case !si.Left.IsZero():
		segs = append(segs, Segment{"left the meeting " + si.clock(si.Left), ss.Warn, 0})
	}
	if si.View != "" {
		segs = append(segs, Segment{si.View, ss.Key, 0})
	}
	return segs
}

// age is how old the data is: the newest sample's time, or, for a list,
// when it was fetched.
func (si StatusInfo) age(ss StatusStyles) Segment {
	switch {
	case si.List && si.LastPoll.IsZero():
		return Segment{"not fetched yet", ss.Muted, 1}
	case si.List:
		return Segment{"fetched " + si.clock(si.LastPoll) + " (" + FmtAge(si.Now.Sub(si.LastPoll)) + ")", ss.Base, 1}
	case si.Newest.IsZero():
		return Segment{"no data yet", ss.Muted, 1}
	}
	return Segment{"newest " + si.clock(si.Newest) + " (" + FmtAge(si.Now.Sub(si.Newest)) + ")", ss.Base, 1}
}

// push says which source is live: push, with its last frame's age (in
// whole minutes, as every age in the bar, so it does not redraw each
// second), or push down and the poll carrying the feed.
func (si StatusInfo) push(ss StatusStyles) Segment {
	switch {
	case !si.Push.Live:
		return Segment{"push down " + ss.Dash + " polling", ss.Warn, 0}
	case si.Push.LastFrame.IsZero():
		return Segment{"push live", ss.Base, 1}
	}
	return Segment{"push " + FmtAge(si.Now.Sub(si.Push.LastFrame)), ss.Base, 1}
}

// next is the chain's state: a rate limit, a request on its way (or hung),
// a past meeting, a call that is over ("polling slowed"), a backoff after
// a failed poll ("backing off — next try"), or when and why it polls next.
func (si StatusInfo) next(ss StatusStyles) (Segment, bool) {
	if s, ok := si.waiting(ss); ok {
		return s, true
	}
	switch {
	case si.Done:
		return Segment{"past meeting: fetched once", ss.Muted, 1}, true
	case si.Paused || si.NextPoll.IsZero():
		return Segment{}, false
	case si.Gone != "" || (!si.Left.IsZero() && poll.Classify(si.Why) != poll.WhyBudget):
		// The call is over for this screen: no sample is due, so none is
		// late, and the chain asks seldom, in case of a late one.
		return Segment{"polling slowed " + ss.Dash + " next " + si.clock(si.NextPoll), ss.Muted, 1}, true
	case si.Retrying && si.Settled:
		// The error text says it asks again once a minute: no backoff.
		return Segment{"next try " + si.clock(si.NextPoll), ss.Base, 1}, true
	case si.Retrying:
		// Not the schedule's time: a backoff after a failure.
		return Segment{"backing off " + ss.Dash + " next try " + si.clock(si.NextPoll), ss.Warn, 1}, true
	case si.Backstop > 0 && poll.Classify(si.Why) != poll.WhyBudget:
		// Push brings the samples: the poll is not waiting for one.
		return Segment{"backstop poll " + si.clock(si.NextPoll), ss.Base, 1}, true
	}
	return NextSegment(si.Why, si.clock(si.NextPoll), si.Budget, ss), true
}

// waiting is a wait the chain did not choose: a rate limit, or a request
// on its way.
func (si StatusInfo) waiting(ss StatusStyles) (Segment, bool) {
	switch {
	case si.Limited && !si.Inflight && !si.Paused && !si.NextPoll.IsZero():
		return Segment{poll.LimitText(si.Limit) + " " + ss.Dash + " next try " + si.clock(si.NextPoll), ss.Warn, 0}, true
	case si.Limited && si.Paused && si.Now.Before(si.RetryAt):
		return Segment{poll.LimitText(si.Limit) + " until " + si.clock(si.RetryAt), ss.Warn, 0}, true
	case si.Inflight && !si.Asked.IsZero() && si.Now.Sub(si.Asked) >= SlowAnswer:
		// A hung request is not "polling": say since when Zoom has kept
		// us, a time that does not tick.
		return Segment{"waiting for Zoom since " + si.clock(si.Asked) + ss.Dots, ss.Warn, 0}, true
	case si.Inflight:
		return Segment{"polling" + ss.Dots, ss.Base, 1}, true
	}
	return Segment{}, false
}

// pace is how the chain polls: every fixed interval, or adaptive.
func (si StatusInfo) pace(ss StatusStyles) (Segment, bool) {
	switch {
	case si.Done, si.Retrying, si.Limited, si.Gone != "", !si.Left.IsZero():
		// No interval is the pace now: a wait after a failure, or the
		// slow polling after the call is over. The next segment says when.
		return Segment{}, false
	case si.Backstop > 0:
		return Segment{}, false // the next poll's segment says backstop
	case si.Fixed:
		return Segment{"every " + FmtDur(si.Interval), ss.Muted, 3}, true
	}
	// Adaptive polling waits for Zoom's next minute, probes when it is
	// late and slows when nothing comes: no one interval is true. The
	// next segment says when and why; the full help explains.
	return Segment{"adaptive", ss.Muted, 3}, true
}

// Bar draws segs, then help at the right edge, in exactly width cells.
// Where they do not fit, the segment with the highest drop number goes
// first (the last of equals), then the help.
func Bar(segs []Segment, help Segment, ss StatusStyles, width int) string {
	sepW := ansi.StringWidth(ss.Sep)
	total := func() int {
		w := 1 + ansi.StringWidth(help.Text) + 1 // a space either side
		if help.Text != "" {
			w++ // and one before "? help", or it runs into the time ("12:33:33? help")
		}
		for i, s := range segs {
			if i > 0 {
				w += sepW
			}
			w += ansi.StringWidth(s.Text)
		}
		return w
	}
	for len(segs) > 1 && total() > width {
		segs = dropOne(segs)
	}
	if total() > width {
		help.Text = ""
	}
	return drawBar(segs, help, ss, width)
}

// dropOne removes the segment with the highest drop number, the last of
// equals.
func dropOne(segs []Segment) []Segment {
	worst := 0
	for i, s := range segs {
		if s.Drop >= segs[worst].Drop {
			worst = i
		}
	}
	return append(segs[:worst], segs[worst+1:]...)
}

// drawBar lays segs out from the left and help at the right edge.
func drawBar(segs []Segment, help Segment, ss StatusStyles, width int) string {
	var b strings.Builder
	b.WriteString(ss.Base.Render(" "))
	for i, s := range segs {
		if i > 0 {
			b.WriteString(ss.Muted.Render(ss.Sep))
		}
		b.WriteString(s.Style.Render(s.Text))
	}
	line := ansi.Truncate(b.String(), width-1, "")
	right := ""
	if help.Text != "" {
		right = help.Style.Render(help.Text) + ss.Base.Render(" ")
	}
	gap := width - ansi.StringWidth(line) - ansi.StringWidth(right)
	if gap < 0 {
		right, gap = "", width-ansi.StringWidth(line)
	}
	return line + ss.Base.Render(strings.Repeat(" ", gap)) + right
}

// SlowAnswer is how long a request may take before the bar stops saying
// "polling" and counts the wait instead.
const SlowAnswer = 3 * time.Second

// The status bar changes only when something happened: times are clock
// times, and ages count whole minutes, so between polls the screen stays
// as it is and the renderer sends nothing. NextChange says when the bar
// would next read differently, which is when the clock ticks.

// FmtAge is how long ago, in whole minutes: "<1m ago", "4m ago",
// "2h10m ago".
func FmtAge(d time.Duration) string {
	if d < time.Minute {
		return "<1m ago"
	}
	return FmtDur(d.Truncate(time.Minute)) + " ago"
}

// NextChange is the first moment after si.now at which the bar, drawn
// from si, would read differently; zero when nothing but a message can
// change it.
func (si StatusInfo) NextChange() time.Time {
	var next time.Time
	consider := func(t time.Time) {
		if t.After(si.Now) && (next.IsZero() || t.Before(next)) {
			next = t
		}
	}
	nextMinute := func(since time.Time) {
		if !since.IsZero() {
			consider(since.Add(si.Now.Sub(since).Truncate(time.Minute) + time.Minute))
		}
	}
	if si.List {
		nextMinute(si.LastPoll)
	} else {
		nextMinute(si.Newest)
	}
	if si.Push.Live {
		nextMinute(si.Push.LastFrame)
	}
	if !si.StaleAt.IsZero() {
		consider(si.StaleAt.Add(time.Nanosecond)) // stale once past it
	}
	if si.Inflight && !si.Asked.IsZero() {
		consider(si.Asked.Add(SlowAnswer))
	}
	if si.Limited && si.Paused {
		consider(si.RetryAt)
	}
	return next
}

// FmtDur is a short duration for the bar: "7s", "4m05s", "2h10m",
// rounded up to whole seconds.
func FmtDur(d time.Duration) string {
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
