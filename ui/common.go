package ui

import (
	"cmp"
	"context"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/poll"
)

// common is what every screen shares, held once by the app and pointed
// to by each screen (soft-serve's common.Common): the program's settings,
// the styles, the redact switch, the clock and the terminal size. A
// screen reads it and never keeps a copy, so nothing is reconciled when
// a screen comes back on top.
type common struct {
	cfg    Config          // the program's settings: source, thresholds, intervals, clock, scheduler
	ctx    context.Context // the app's: cancelled on quit, parent of every screen's
	st     theme.Styles
	ss     chrome.StatusStyles // st on the status bar's background
	redact bool                // names, emails, addresses and locations hidden (R)
	// profileTag is the config file's profile, drawn at the end of every
	// screen's first line; choices are the theme, window and order last
	// chosen, kept between runs through cfg.Remember (remember.go).
	profileTag string
	choices    model.Choices
	// clk is the clock as the last message that carried it read it, and
	// the polling chains' numbering. Update and View never read the clock
	// themselves.
	clk           poll.Clock
	rkeys         ReplayKeyMap // the replay clock's keys, which the app takes when replaying
	width, height int
	// alerts is who was critical in which meeting, and what the user has
	// seen: one for the app, so a screen opened from another does not
	// alert again (alert.go).
	alerts model.Alerts
	// marks are each meeting's markers (M), by meeting ID: every screen
	// of the meeting draws the same ones (marker.go).
	marks map[string]*feed.Marks
}

func (c *common) setStyles(st theme.Styles) {
	c.st, c.ss = st, chrome.NewStatusStyles(st)
	c.profileTag = chrome.ProfileTag(c.cfg.Account, c.cfg.Accent, st)
}

// target is what a screen is about: a meeting, maybe one participant in
// it, and the breadcrumbs that led there. It is the screen's own, not the
// program's settings.
type target struct {
	meetingID     string
	participantID string
	typ           model.MeetingType
	topic         string   // the meeting's topic, if known
	trail         []string // the screens that led here, for the header's breadcrumbs
	number        string   // the numeric ID to show when meetingID is a UUID; "" shows meetingID
	// selectName, on an overview, puts the cursor on the participant of
	// that name once the first answer lists them: a Zoom Room's row.
	selectName string
}

// shownID is the meeting's ID as a user types it: the number, not the
// UUID an ended meeting is asked by, nor a webinar's key (model.Ref).
func (t target) shownID() string { return cmp.Or(t.number, model.RefOf(t.meetingID).ID) }

// noun is "meeting" or "webinar", for the header.
func (t target) noun() string { return model.RefOf(t.meetingID).Noun() }

// firstTarget is what the program's IDs ask for.
func firstTarget(cfg Config) target {
	return target{meetingID: cfg.MeetingID, participantID: cfg.ParticipantID, typ: cfg.Type,
		topic: cfg.Topic, trail: cfg.Trail}
}

// withLimits joins the limits the markers and the colours stand for to
// the last of the full help's notes, on every screen that judges a
// reading: after the note's end rather than on a line of its own, which
// the error under the panes needs more.
func (c *common) withLimits(notes []string) []string {
	limits := "Limits, warn:critical: " + c.cfg.Thresholds.Summary() + "."
	if len(notes) == 0 {
		return []string{limits}
	}
	notes[len(notes)-1] += " " + limits
	return notes
}
