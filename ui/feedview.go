package ui

import (
	"time"

	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/feed"
)

// What every view of a participant's feed (watch, charts, event log)
// draws alike from it: the header and the status bar's data part. Each
// view adds its own parts (the window, what the charts show).

// feedHeader is the header of t's feed: who, the call's badge (the one
// the status bar si carries), their machine, and the way here.
func feedHeader(c *common, f *feed.Feed, t target, alias string, si chrome.StatusInfo) string {
	return chrome.Header(chrome.HeaderInfo{Participant: shownAs(c, f.Who(), alias), MeetingID: t.shownID(), Topic: t.topic,
		Trail: t.trail, Badge: si.State, Loc: si.Loc}, c.st, c.width)
}

// feedStatus is the status bar's account of the feed: its chain, its
// newest sample, when that turns stale, the call's end, and the call's
// one word, which the header's badge says too.
func feedStatus(c *common, f *feed.Feed, loc *time.Location) chrome.StatusInfo {
	si := chrome.PollStatus(f.Chain())
	si.Loc = loc
	if latest, ok := f.History().Latest(); ok {
		si.Newest = latest.Time
		si.StaleAt = f.Stale()
	}
	si.Redacted, si.Gone, si.Left = c.redact, f.Gone(), f.Who().LeaveTime
	si.State = chrome.CallBadge(chrome.Call{Type: f.Target().Type, Answered: f.Live(), Err: f.Chain().LastErr,
		Ended: f.Gone() == feed.GoneMeeting, Stale: si.Stale()})
	return si
}

// feedSaid is how the chain's last text is put under a view of f: the
// end of the call (the meeting ended, the participant is gone) is no
// error.
func feedSaid(f *feed.Feed) chrome.Said {
	if f.Gone() != "" {
		return chrome.SaidEnded
	}
	return chrome.SaidError
}
