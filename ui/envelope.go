package ui

import (
	"math/rand/v2"
	"time"

	"github.com/qostop/qostop/model"
)

// What travels between a polling chain and the app: every tick and every
// answer carries the number of the chain it belongs to, and the app
// delivers it by that number alone, whatever kind of screen owns the
// chain.

// pollTickMsg says a scheduled poll of owner's chain is due. Every
// schedule gets a new gen, and a tick whose gen is not the latest is
// ignored, so rescheduling (refresh, a new interval, resume) never leaves
// two timers running.
type pollTickMsg struct {
	gen   uint64
	owner uint64
}

func (m pollTickMsg) to() uint64 { return m.owner }

// envelope addresses a fetch: the chain that sent it and its number.
type envelope struct{ owner, seq uint64 }

func (e envelope) to() uint64 { return e.owner }

// addressed is a message for one chain: a tick or an answer. The app
// delivers it to the screen whose chain it is, on top or not, and drops
// it when that screen is gone.
type addressed interface{ to() uint64 }

// answer is what every fetch brings besides its data: every screen's
// answer message embeds one, and poller.take handles it.
type answer struct {
	envelope
	err      error
	at       time.Time // when it arrived
	requests int64     // Source.Requests() after the call
	jitter   float64   // in [0,1): drawn in the Cmd so Update stays deterministic
	// seen is what the data says to the schedule (model.AnswerOf): its
	// newest sample; zero for data without samples (the meeting list).
	seen model.Answer
}

// stamp completes an answer in the Cmd that fetched it.
func stamp(src Source, now func() time.Time, env envelope, err error) answer {
	return answer{envelope: env, err: err, at: now(), requests: src.Requests(), jitter: rand.Float64()}
}
