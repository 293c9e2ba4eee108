package poll

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// A push subscription (Zoom's QSS) can feed the same feed as a chain.
// While it delivers, the chain is only a backstop: it polls at least
// Backstop apart, and a reconnection's one poll fills what the push
// missed. The chain keeps the subscription's state so the status bar,
// which reads chains, can say which source is live.

// Backstop is the least wait between polls while push delivers: Zoom
// does not replay what a dropped socket missed, so the poll stays, slowly.
const Backstop = 5 * time.Minute

// PushState is what the status bar says of a push subscription.
type PushState struct {
	On        bool      // a push subscription feeds this chain's feed
	Live      bool      // subscribed now
	LastFrame time.Time // when the newest pushed sample for this feed arrived; zero before one
	Down      string    // why it is not live (scrubbed, sanitized), "" while it is
}

// SetBackstop slows polling to d apart while push delivers, or, with d
// zero, lets it run at its own pace again: a tick pending later than one
// interval from now is brought forward.
func (p *Chain) SetBackstop(d time.Duration) tea.Cmd {
	p.backstop = d
	if d > 0 || p.Inflight || p.halted() || p.Done || p.NextPoll.IsZero() {
		return nil
	}
	if due := p.clk.Now.Add(p.Interval); p.NextPoll.After(due) {
		return p.ScheduleIn(p.Interval, p.clk.Now)
	}
	return nil
}

// Backstop is the least wait between polls that push sets; 0 without push.
func (p *Chain) Backstop() time.Duration { return p.backstop }
