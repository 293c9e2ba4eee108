package poll

import (
	"math/rand/v2"
	"time"

	"github.com/qostop/qostop/model"
)

// What travels between a polling chain and the app: every tick and every
// answer carries the number of the chain it belongs to, and the app
// delivers it by that number alone, whatever kind of screen owns the
// chain.

// TickMsg says a scheduled poll of owner's chain is due. Every
// schedule gets a new gen, and a tick whose gen is not the latest is
// ignored, so rescheduling (refresh, a new interval, resume) never leaves
// two timers running.
type TickMsg struct {
	Gen   uint64
	Owner uint64
}

// To is the chain the tick is for.
func (m TickMsg) To() uint64 { return m.Owner }

// Envelope addresses a fetch: the chain that sent it and its number.
type Envelope struct{ Owner, Seq uint64 }

// To is the chain the answer is for.
func (e Envelope) To() uint64 { return e.Owner }

// addressed is a message for one chain: a tick or an answer. The app
// delivers it to the screen whose chain it is, on top or not, and drops
// it when that screen is gone.
type Addressed interface{ To() uint64 }

// answer is what every fetch brings besides its data: every screen's
// answer message embeds one, and poller.take handles it.
type Answer struct {
	Envelope
	Err      error
	At       time.Time // when it arrived
	Requests int64     // Source.Requests() after the call
	Jitter   float64   // in [0,1): drawn in the Cmd so Update stays deterministic
	// Seen is what the data says to the schedule (model.AnswerOf): its
	// newest sample; zero for data without samples (the meeting list).
	Seen model.Answer
}

// Stamp completes an answer in the Cmd that fetched it.
func Stamp(src Counter, now func() time.Time, env Envelope, err error) Answer {
	return Answer{Envelope: env, Err: err, At: now(), Requests: src.Requests(), Jitter: rand.Float64()}
}

// Counter is what counts a source's requests: the UI's Source, *fetch.Client.
type Counter interface{ Requests() int64 }
