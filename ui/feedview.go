package ui

import (
	"time"

	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/feed"
)

// What every view of a participant's feed (watch, charts, event log)
// draws alike from it: the header and the status bar's data part. Each
// view adds its own parts (the window, what the charts show).

// feedHeader is the header of t's feed: who, the call's badge, their
// machine, and the way here.
func feedHeader(c *common, f *feed.Feed, t target, alias string, loc *time.Location) string {
	badge := chrome.CallBadge(t.typ, f.Live(), f.Chain().LastErr, f.Gone() == feed.GoneMeeting)
	return chrome.Header(chrome.HeaderInfo{Participant: shownAs(c, f.Who(), alias), MeetingID: t.shownID(), Topic: t.topic,
		Trail: t.trail, Badge: badge, Loc: loc}, c.st, c.width)
}

// feedStatus is the status bar's account of the feed: its chain, its
// newest sample, when that turns stale, and the call's end.
func feedStatus(c *common, f *feed.Feed, loc *time.Location) chrome.StatusInfo {
	si := chrome.PollStatus(f.Chain())
	si.Loc = loc
	if latest, ok := f.History().Latest(); ok {
		si.Newest = latest.Time
		si.StaleAt = f.Stale()
	}
	si.Redacted, si.Gone, si.Left = c.redact, f.Gone(), f.Who().LeaveTime
	return si
}
