package ui

import (
	"time"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/table"
)

// The overview keeps each row it built, with what it was built from, so a
// refresh rebuilds only the rows whose member changed: a repeated answer
// (Zoom's minute not out yet), a re-sort or a filter costs no cells. A
// new theme or the redact switch drops every kept row (restyle).

// rowMemo is a built row and the signature of the member it shows.
type rowMemo struct {
	sig rowSig
	row table.Row
}

// rowSig is everything of a member that its row shows, comparable.
type rowSig struct {
	name, id, dev, net, loc, health string
	leave, newest                   time.Time
	gone, redact                    bool
	media                           [3]readingSig
	recent                          model.Level
}

type readingSig struct {
	has   bool
	short string
	v     float64
	level model.Level
}

func sigOf(mb model.Member, redact bool) rowSig {
	s := rowSig{name: mb.P.UserName, id: mb.P.UserID, dev: mb.P.Device, net: mb.P.NetworkType, loc: mb.P.Location,
		health: mb.P.Health, leave: mb.P.LeaveTime, newest: mb.Newest, gone: mb.Gone, redact: redact, recent: mb.Recent}
	for i, r := range mb.Media {
		s.media[i] = readingSig{has: mb.Has[i], short: r.Judged.Short, v: r.V.V, level: r.Level}
	}
	return s
}
