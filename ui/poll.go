package ui

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// pollTickMsg says a scheduled poll is due. Every schedule gets a new gen,
// and a tick whose gen is not the latest is ignored, so rescheduling
// (refresh, a new interval, resume) never leaves two timers running.
type pollTickMsg struct{ gen uint64 }

// clockMsg is the once-a-second clock that ages the status bar. It
// carries the time, so Update and View never read the clock themselves.
type clockMsg struct{ now time.Time }

// fetchedMsg is the answer to fetch number seq. A result whose seq is not
// the one in flight is stale and dropped.
type fetchedMsg struct {
	seq      uint64
	p        model.Participant
	err      error
	at       time.Time // when the answer arrived
	requests int64     // Source.Requests() after the call
	jitter   float64   // in [0,1): drawn here so Update stays deterministic
}

// scheduler makes a command that yields f's message after d. Tests swap
// it for one that records the delay instead of sleeping.
type scheduler func(d time.Duration, f func() tea.Msg) tea.Cmd

func tickScheduler(d time.Duration, f func() tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return f() })
}

// fetchCmd asks src for the participant's QoS. All IO of the watch screen
// happens here, off the Update loop; ctx is cancelled on quit, so a hung
// request never holds the program open.
func fetchCmd(ctx context.Context, src Source, now func() time.Time, seq uint64,
	meetingID, participantID string, typ model.MeetingType) tea.Cmd {
	return func() tea.Msg {
		p, err := src.ParticipantQoS(ctx, meetingID, participantID, typ)
		return fetchedMsg{seq: seq, p: p, err: err, at: now(), requests: src.Requests(), jitter: rand.Float64()}
	}
}

// clockCmd ticks on the next whole second, so every countdown on screen
// changes in step.
func clockCmd(schedule scheduler, now func() time.Time, last time.Time) tea.Cmd {
	d := time.Second - time.Duration(last.Nanosecond())
	return schedule(d, func() tea.Msg { return clockMsg{now: now()} })
}

// backoff is the wait after the n-th failure in a row (n >= 1): twice the
// interval, doubled per further failure and capped at maxBackoff (or the
// interval, if longer), then spread by jitter over its upper half ("equal
// jitter") so clients that failed together do not retry together. It is
// never shorter than the interval: an error must not make qostop poll
// faster.
func backoff(interval time.Duration, n int, jitter float64) time.Duration {
	ceiling := max(maxBackoff, interval)
	d := interval
	for i := 0; i < n && d < ceiling; i++ {
		d *= 2
	}
	d = min(d, ceiling)
	return max(interval, d/2+time.Duration(jitter*float64(d/2)))
}

// rateLimit extracts the Retry-After of a rate-limit error: zero when err
// is no *fetch.APIError or carries no time.
func rateLimit(err error) (retryAt time.Time, limitType string, ok bool) {
	var ae *fetch.APIError
	if !errors.As(err, &ae) || ae.RetryAt.IsZero() {
		return time.Time{}, "", false
	}
	return ae.RetryAt, ae.LimitType, true
}

// canceled reports whether err is only the echo of our own cancellation.
func canceled(err error) bool {
	var ae *fetch.APIError
	if errors.As(err, &ae) && ae.Kind == fetch.Canceled {
		return true
	}
	return errors.Is(err, context.Canceled)
}
