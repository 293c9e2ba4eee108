package model

import (
	"strconv"
	"strings"
	"time"
)

// Alerts decides when someone newly turning critical is worth an alert,
// and which rows became worse since the user last looked. It is the
// policy only: the UI rings the bell, sends the notification or runs the
// command with what Observe returns.
//
// A reading that is critical when a meeting is first seen is not news:
// the user is looking at the screen that shows it. After that, a member
// whose worst reading goes from below Critical to Critical is a crossing.
// Crossings are rate-limited: the first goes out at once, and those that
// follow within Every wait and go out together in one alert once Every
// has passed, so a bad minute on a shared network is one alert, not one
// per person. A member who is critical again while still waiting is
// named once, with the newer reading; one who recovers for less than Calm
// and is critical again is the same burst, and no news.
type Alerts struct {
	Every time.Duration // at most one alert per Every; DefaultAlertEvery when 0
	Calm  time.Duration // how long below critical makes the next crossing news; DefaultAlertCalm when 0

	scopes  map[string]bool          // meetings seen at least once
	members map[alertKey]alertMember // last level of each member of each meeting
	pending []Crossing               // crossings waiting for the rate limit
	last    time.Time                // when the last alert went out
}

// DefaultAlertEvery is the least time between two alerts: a minute, Zoom's
// cadence, so one bad minute rings once.
const DefaultAlertEvery = time.Minute

// DefaultAlertCalm is how long a member must stay below critical before
// turning critical again is a new alert: a bad spell on a network flips
// between warn and critical from one minute to the next.
const DefaultAlertCalm = 5 * time.Minute

// maxKept bounds what Alerts remembers per meeting scope, so an all-day
// bridge where thousands come and go stays bounded, like the roster.
const maxKept = 4 * KeepLeftMost

type alertKey struct{ scope, member string }

type alertMember struct {
	level    Level     // from the newest reading; a gap keeps the last one
	seen     Level     // the level when the user last looked
	critical time.Time // the last answer that found them critical
}

// Standing is one member's worst reading now, as the screen shows it.
type Standing struct {
	Key     string  // MemberKey: the same person across screens
	Name    string  // as shown (redacted when the screen is)
	Worst   Reading // the worst reading of the newest sample
	HasRead bool    // false when the newest sample judged nothing: not a recovery
}

// Crossing is one member newly critical.
type Crossing struct {
	Scope string // the meeting
	Key   string
	Name  string
	Worst Reading
	At    time.Time // when the answer that showed it arrived
}

// Alert is what goes out at once: one or more crossings.
type Alert struct {
	At        time.Time
	Crossings []Crossing
}

// Observe takes the standings of every member of scope (a meeting) from
// an answer that arrived at now, and returns the alert to send, if one is
// due.
func (a *Alerts) Observe(now time.Time, scope string, standings []Standing) (Alert, bool) {
	if a.members == nil {
		a.scopes, a.members = map[string]bool{}, map[alertKey]alertMember{}
	}
	first := !a.scopes[scope]
	a.scopes[scope] = true
	for _, s := range standings {
		k := alertKey{scope, s.Key}
		prev, known := a.members[k]
		if !s.HasRead {
			continue // a gap is not a recovery: the last level holds
		}
		lv := s.Worst.Level
		switch {
		case first:
			prev.seen = lv
		case !known:
			// Someone who joined after the meeting was first seen: news
			// if they arrive critical, and worse than nothing seen.
			prev.seen = Good
			if lv == Critical {
				a.queue(Crossing{Scope: scope, Key: s.Key, Name: s.Name, Worst: s.Worst, At: now})
			}
		case lv == Critical && prev.level < Critical && now.Sub(prev.critical) >= a.calm():
			a.queue(Crossing{Scope: scope, Key: s.Key, Name: s.Name, Worst: s.Worst, At: now})
		}
		if lv == Critical {
			prev.critical = now
		}
		prev.level = lv
		a.members[k] = prev
	}
	a.bound()
	return a.due(now)
}

func (a *Alerts) calm() time.Duration {
	if a.Calm <= 0 {
		return DefaultAlertCalm
	}
	return a.Calm
}

// queue adds c to the crossings waiting, or updates the member's.
func (a *Alerts) queue(c Crossing) {
	for i, p := range a.pending {
		if p.Scope == c.Scope && p.Key == c.Key {
			a.pending[i] = c
			return
		}
	}
	a.pending = append(a.pending, c)
}

// due sends what waits once the rate limit allows.
func (a *Alerts) due(now time.Time) (Alert, bool) {
	every := a.Every
	if every <= 0 {
		every = DefaultAlertEvery
	}
	if len(a.pending) == 0 || (!a.last.IsZero() && now.Sub(a.last) < every) {
		return Alert{}, false
	}
	out := Alert{At: now, Crossings: a.pending}
	a.pending, a.last = nil, now
	// Worst first: the first named is the one to look at.
	sortCrossings(out.Crossings)
	return out, true
}

// bound forgets every member when too many are kept: the next answer
// then counts as a first sight, which alerts nobody, rather than growing
// without end.
func (a *Alerts) bound() {
	if len(a.members) > maxKept {
		clear(a.members)
		clear(a.scopes)
	}
}

// Look records that the user looked at the screen now: rows stop being
// marked as worse. It reports whether any row was.
func (a *Alerts) Look() (cleared bool) {
	for k, m := range a.members {
		if m.seen != m.level {
			cleared = cleared || (m.level >= Warn && m.level > m.seen)
			m.seen = m.level
			a.members[k] = m
		}
	}
	return cleared
}

// Worse reports whether member key of scope is at Warn or worse and worse
// than when the user last looked.
func (a *Alerts) Worse(scope, key string) bool {
	m, ok := a.members[alertKey{scope, key}]
	return ok && m.level >= Warn && m.level > m.seen
}

func sortCrossings(cs []Crossing) {
	// Insertion sort: a burst names a handful of people.
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Worst.Severity > cs[j-1].Worst.Severity; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// Text is the alert in one line, naming who, what and the value, worst
// first: "Alice Chen critical: audio send latency 412 ms" or, for a
// burst, "3 critical: Alice Chen (audio send latency 412 ms), Bob …, +1".
// Names are sanitised: the line goes to a terminal.
func (al Alert) Text() string {
	const most = 3
	if len(al.Crossings) == 1 {
		c := al.Crossings[0]
		return Sanitize(c.Name) + " critical: " + c.Worst.Describe()
	}
	parts := make([]string, 0, most+1)
	for i, c := range al.Crossings {
		if i == most {
			parts = append(parts, "+"+strconv.Itoa(len(al.Crossings)-most))
			break
		}
		parts = append(parts, Sanitize(c.Name)+" ("+c.Worst.Describe()+")")
	}
	return strconv.Itoa(len(al.Crossings)) + " critical: " + strings.Join(parts, ", ")
}

// Describe is the reading in words: "audio send latency 412 ms".
func (r Reading) Describe() string {
	return r.Stream.String() + " " + r.Metric.String() + " " + r.Metric.Format(r.Value.V)
}

// Unit is what a reading of m is measured in: "ms", "%" or "dBm".
func (m Metric) Unit() string {
	switch m {
	case AvgLoss, MaxLoss, SystemCPU:
		return "%"
	case WiFiRSSI:
		return "dBm"
	}
	return "ms"
}

// Format writes v in m's unit: "412 ms", "6.5 ms", "6.5%", "93%", "-82 dBm".
func (m Metric) Format(v float64) string {
	prec := 0
	if m == AvgLoss || m == MaxLoss || (v < 10 && v > -10) {
		prec = 1
	}
	if m == SystemCPU {
		prec = 0
	}
	n := strconv.FormatFloat(v, 'f', prec, 64)
	if u := m.Unit(); u != "%" {
		return n + " " + u
	}
	return n + "%"
}
