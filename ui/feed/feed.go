package feed

import (
	"sort"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/poll"
)

// Target is whose data a feed holds.
type Target struct {
	MeetingID, ParticipantID string
	Type                     model.MeetingType
}

// Feed is one watched participant's data: their history, the event log,
// where the call stands (live, left, ended), how often samples come, and
// the one source that fills it. The watch panes, the chart screen and the
// event log screen are views of one Feed: each draws what it holds, and
// none keeps a copy, runs a chain of its own or reaches into another.
type Feed struct {
	t   Target
	th  model.Thresholds
	loc *time.Location // where the event log's clock times are said
	src Source
	met model.Participant // who the feed started with, for Rewind
	// listener hears the event log's new lines and the call's changes.
	listener Listener

	hist    *model.History
	who     model.Participant // identity from the newest answer, samples dropped
	live    bool              // Zoom has answered for this live call (lifecycle.go)
	gone    string            // why it no longer does: GoneMeeting, goneParticipant or ""
	events  Log
	cadence time.Duration
	pushed  bool   // a push brought samples (keepPushed)
	marks   *Marks // the meeting's markers (marks.go), shared with its other feeds
	marked  int    // how many of them the event log holds
	// version counts the answers that landed, good or failed: a view that
	// drew at an older one draws again.
	version uint64
}

// New is the feed of t, filled by src, starting with who as the
// participant (from the list that led here, or just their ID); th judges
// the event log's crossings, loc is where its times are said; marks are
// the meeting's markers, its log's from the start.
func New(t Target, src Source, who model.Participant, th model.Thresholds, loc *time.Location, marks *Marks) *Feed {
	f := &Feed{t: t, th: th, loc: loc, src: src, hist: model.NewHistory(0), who: who, met: who,
		events: newLog(), cadence: time.Minute, marks: marks}
	src.Chain().Explain = f.explain
	f.Marked()
	return f
}

// Chain is the source's polling chain: the status bar reads it and the
// keys p, r, + and - act on it, on whichever view is on top.
func (f *Feed) Chain() *poll.Chain { return f.src.Chain() }

// Update takes a message for the feed's chain (a poll.TickMsg, an
// answer) and returns the command that continues it; changed says an
// answer landed, so the view on top draws again.
func (f *Feed) Update(msg tea.Msg) (next tea.Cmd, changed bool) {
	next, changed = f.src.Update(f, msg)
	if changed {
		f.version++
	}
	return next, changed
}

// Rewind forgets all the feed learned, as if it had just started: a
// replay went back in time, and what it holds is newer than now. The
// views see a new version and an emptied history, and draw again.
func (f *Feed) Rewind() {
	f.hist.Clear()
	f.who, f.live, f.gone, f.cadence = f.met, false, "", time.Minute
	heard := f.events.heard
	f.events = newLog()
	f.events.heard = heard
	f.marked = 0 // the log is new: Marked puts the markers there again
	f.version++
}

// Close cancels the source's requests: the feed is no longer watched.
func (f *Feed) Close() { f.src.Close() }

// Target is whose data this is.
func (f *Feed) Target() Target { return f.t }

// History is every sample held. Views read it; only the feed merges.
func (f *Feed) History() *model.History { return f.hist }

// Who is the participant as the newest answer named them, without samples.
func (f *Feed) Who() model.Participant { return f.who }

// Live reports whether Zoom has answered for this live call.
func (f *Feed) Live() bool { return f.live }

// Gone is why Zoom no longer answers for the live call (GoneMeeting, or
// the participant not found), "" while it does.
func (f *Feed) Gone() string { return f.gone }

// Events is the event log: threshold crossings, errors, the call's end.
func (f *Feed) Events() *Log { return &f.events }

// Cadence is how often samples come, as the newest few say.
func (f *Feed) Cadence() time.Duration { return f.cadence }

// Version counts the answers that landed: a view keeps the one it drew.
func (f *Feed) Version() uint64 { return f.version }

// Stale is when the newest sample is older than a live call's samples
// can be (model.StaleAt, put off over a retry of seconds: Chain.StaleAt);
// zero when nothing is due: no sample yet, a past
// meeting, or a call the participant left or that ended.
func (f *Feed) Stale() time.Time {
	latest, ok := f.hist.Latest()
	if !ok || f.t.Type != model.Live || f.who.Left() || f.gone != "" {
		return time.Time{}
	}
	ch := f.src.Chain()
	return ch.StaleAt(model.StaleAt(latest.Time, ch.Interval, f.cadence))
}

// Take puts a good answer into the feed: who the participant is and
// their samples (p.Samples), as it arrived at at. A source calls it
// before its chain schedules the next poll, so that the floor it sets
// (the participant left) already holds for that poll.
func (f *Feed) Take(p model.Participant, at time.Time) {
	samples := p.Samples
	p.Samples = nil
	prev := f.who
	f.who = p
	f.answered(prev)
	f.events.succeeded(at)
	f.hist.Merge(samples...)
	f.cadence = model.SampleGap(f.hist.Samples())
	f.events.observe(f.hist.Since(f.events.judged.Add(time.Nanosecond)), f.th, f.cadence)
}

// Fail notes what a failed answer, arrived at at, says about the call and
// logs it; the chain has worded the error (explain) and backs off. Every
// sample stays.
func (f *Feed) Fail(err error, at time.Time) {
	why, _ := f.goneBy(err)
	switch retryAt, limitType, limited := poll.RateLimit(err); {
	case limited:
		f.events.failed(at, poll.LimitText(limitType)+" until "+retryAt.In(f.loc).Format("15:04:05"))
	case why != "":
		if f.gone != why {
			f.changed(map[bool]string{true: model.LifeEnded, false: model.LifeGone}[why == GoneMeeting])
		}
		f.gone = why
		f.events.failed(at, f.goneEvent())
	default:
		f.events.failedWith(at, shortError(err), withoutOp(err))
	}
}

// explain is the chain's words for an error of this feed (the chain
// alone writes the error text): a live call that is over, in plain words;
// anything else without the operation, since the header says whose QoS
// this is and the error lines need the room for what to do.
func (f *Feed) explain(err error) string {
	if _, _, limited := poll.RateLimit(err); !limited {
		if why, said := f.goneBy(err); why != "" {
			return f.goneText(why, said)
		}
	}
	return withoutOp(err)
}

// takePushed merges samples Zoom pushed, as they arrived at at: a
// duplicate event (same time, same readings) changes nothing. They are
// judged for the event log as a poll's are.
func (f *Feed) takePushed(samples []model.Sample, at time.Time) {
	if f.hist.Merge(samples...) == 0 {
		return
	}
	f.pushed = true
	f.cadence = model.SampleGap(f.hist.Samples())
	f.events.observe(f.hist.Since(f.events.judged.Add(time.Nanosecond)), f.th, f.cadence)
}

// keepPushed is a poll's samples with what push alone knows kept: a
// polled minute that push already brought with the same readings keeps
// Zoom's scores and stays marked pushed.
func (f *Feed) keepPushed(samples []model.Sample) []model.Sample {
	if !f.pushed {
		return samples
	}
	held := f.hist.Samples()
	for i, s := range samples {
		j := sort.Search(len(held), func(j int) bool { return !held[j].Time.Before(s.Time) })
		if j < len(held) && held[j].Time.Equal(s.Time) && held[j].Via == model.ViaPush && s.Scores.Empty() {
			s.Scores, s.Via = held[j].Scores, model.ViaPush
			if s.Equal(held[j]) {
				samples[i] = s
			}
		}
	}
	return samples
}

// pushChanged logs the push subscription going live or down.
func (f *Feed) pushChanged(at time.Time, live bool, why string) {
	if live {
		f.events.add(Event{At: at, Level: model.Good, Text: "push subscription live"})
		return
	}
	f.events.add(Event{At: at, Level: model.Warn, Text: "push subscription down: " + why})
}
