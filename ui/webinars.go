package ui

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// moreSource is what *fetch.Client offers beyond Source: webinars and
// Zoom Rooms. With a Source without it (a test's) the meeting list shows
// no webinars and the rooms screen says it has none to ask.
type moreSource interface {
	Webinars(ctx context.Context, typ model.MeetingType, from, to time.Time) ([]model.Meeting, error)
	Rooms(ctx context.Context) ([]model.Room, error)
	Room(ctx context.Context, roomID string) (model.Room, error)
}

// webinarList is the meeting list's memory of the webinar list: refused
// for good (no scope, no Webinar add-on) means not asked again, and a
// webinar list that fails for a moment keeps the last one.
type webinarList struct {
	refused atomic.Bool
	last    atomic.Pointer[[]model.Meeting]
}

// withWebinars adds the live webinars to the live meetings, when src can
// list them: one more Resource-intensive request a refresh.
func withWebinars(ctx context.Context, src Source, ms []model.Meeting, to time.Time, w *webinarList) []model.Meeting {
	more, ok := src.(moreSource)
	if !ok || w.refused.Load() {
		return ms
	}
	ws, err := more.Webinars(ctx, model.Live, to.AddDate(0, 0, -1), to)
	var ae *fetch.APIError
	switch {
	case errors.As(err, &ae) && (ae.Kind == fetch.MissingScope || ae.Kind == fetch.NoDashboard):
		w.refused.Store(true)
		return ms
	case err != nil:
		if last := w.last.Load(); last != nil {
			ws = *last
		}
	default:
		w.last.Store(&ws)
	}
	return append(ms, ws...)
}

// selectNamed puts the cursor on the participant t.selectName names (a
// Zoom Room opened from the rooms screen), once: then the user moves it.
func (m *overviewModel) selectNamed(ps []model.Participant) {
	if m.t.selectName == "" {
		return
	}
	for _, p := range ps {
		if p.UserName == m.t.selectName && m.table.Select(model.MemberKey(p)) {
			m.t.selectName = ""
			m.rebuild()
			return
		}
	}
}
