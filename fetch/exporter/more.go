package exporter

import (
	"context"
	"errors"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// The lists beside the meeting list: live webinars (Options.Webinars),
// polled as meetings, and the Zoom Rooms (Options.Rooms), exported as
// status and health. An account without a list's scope says so once and
// is not asked again: a refusal would repeat on every list, spending the
// budget on nothing.

// listCost is the requests of one meeting list with what comes beside it.
func (p *poller) listCost() int {
	n := 1
	if p.o.Webinars && !p.noWebinars {
		n++
	}
	if p.o.Rooms && !p.noRooms {
		n++
	}
	return n
}

// listMore lists the live webinars and the rooms, as the options ask.
// A failure leaves the meetings be: the webinars are not forgotten for
// one bad answer (they are kept as listed last time).
func (p *poller) listMore(ctx context.Context, now time.Time) []model.Meeting {
	if p.o.Rooms && !p.noRooms {
		rooms, err := p.c.Rooms(ctx)
		if p.listRefused(err, "list Zoom Rooms", &p.noRooms) {
			rooms = nil
		}
		if err == nil {
			p.snap.setRooms(rooms)
		}
	}
	if !p.o.Webinars || p.noWebinars {
		return nil
	}
	ws, err := p.c.Webinars(ctx, model.Live, now.Add(-24*time.Hour), now)
	if err != nil {
		p.listRefused(err, "list live webinars", &p.noWebinars)
		return p.lastWebinars
	}
	p.lastWebinars = ws
	return ws
}

// listRefused logs err of op; a missing scope or Dashboard sets *off, so the
// list is not asked for again.
func (p *poller) listRefused(err error, op string, off *bool) bool {
	if err == nil {
		return false
	}
	var ae *fetch.APIError
	if errors.As(err, &ae) && (ae.Kind == fetch.MissingScope || ae.Kind == fetch.NoDashboard) {
		*off = true
		p.log.Error(op+": refused, not asked again until a restart", "err", err)
		return true
	}
	p.failed(op, err)
	return true
}
