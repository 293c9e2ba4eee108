package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/ui/chrome"
	"github.com/qostop/qostop/ui/poll"
)

// countScreen is a screen the app has never heard of: it polls the
// Source's request count and says it, with the common size and redact
// switch. That the app stacks, routes, sizes, restyles and pops it with
// no change of its own is what "a new screen is one new file" means.
type countScreen struct {
	c       *common
	poll    poll.Chain
	ctx     context.Context
	cancel  context.CancelFunc
	got     int64 // the count the last good answer brought
	answers int
	sized   int // setSize calls
}

type countedMsg struct {
	poll.Answer
	n int64
}

func newCountScreen(c *common) *countScreen {
	ctx, cancel := context.WithCancel(c.ctx)
	s := &countScreen{c: c, ctx: ctx, cancel: cancel}
	src, now := c.cfg.Source, c.cfg.Now
	s.poll = newPoller(c, c.cfg.Interval, func(env poll.Envelope) tea.Cmd {
		return func() tea.Msg { return countedMsg{Answer: poll.Stamp(src, now, env, nil), n: src.Requests()} }
	})
	return s
}

func (s *countScreen) name() string       { return "count" }
func (s *countScreen) chain() *poll.Chain { return &s.poll }
func (s *countScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case poll.TickMsg:
		return s.poll.Tick(msg)
	case countedMsg:
		_, next := s.poll.Take(s.ctx, msg.Answer, false, func() { s.got, s.answers = msg.n, s.answers+1 })
		return next
	}
	return nil
}
func (s *countScreen) view() string {
	return fmt.Sprintf("count %d at %dx%d redact %v", s.got, s.c.width, s.c.height, s.c.redact)
}
func (s *countScreen) setSize()                               { s.sized++ }
func (s *countScreen) restyle()                               {}
func (s *countScreen) help() ([]key.Binding, [][]key.Binding) { return nil, nil }
func (s *countScreen) opens(tea.KeyPressMsg) screen           { return nil }
func (s *countScreen) captures() bool                         { return false }
func (s *countScreen) atRest() bool                           { return true }
func (s *countScreen) status() chrome.StatusInfo              { return chrome.PollStatus(&s.poll) }
func (s *countScreen) close()                                 { s.cancel() }

func TestAppTakesAScreenItHasNeverHeardOf(t *testing.T) {
	h, _ := newTableHarness(t, listSource(), 100, 30)
	list := h.meetings()
	s := newCountScreen(h.a.c)
	first := runCmd(h.a.push(s))
	if got := stackOf(h); got != "meetings > count" || s.sized != 1 {
		t.Fatalf("pushed: stack %s, sized %d times; want meetings > count, once", got, s.sized)
	}
	// Its first answer reaches it by its envelope alone.
	for _, m := range only[countedMsg](first) {
		h.send(m)
	}
	if s.answers != 1 || s.got == 0 {
		t.Fatalf("the new screen's first answer: %d answers, count %d", s.answers, s.got)
	}
	// The list below holds its chain, and its tick starts nothing.
	if got := h.send(poll.TickMsg{Gen: list.poll.Gen, Owner: list.poll.Owner}); len(got) != 0 || !list.poll.Hidden {
		t.Fatalf("the list polled under the new screen: %#v", got)
	}
	// Size and redact are the common context's: nothing to copy.
	h.resize(90, 25)
	h.key("R")
	if v := h.a.content(); v != fmt.Sprintf("count %d at 90x25 redact true", s.got) || s.sized != 2 {
		t.Fatalf("after resize and R the screen says %q (sized %d times)", v, s.sized)
	}
	// esc pops it, cancels its requests, and its answers go nowhere.
	env := s.poll.Envelope()
	h.press("esc")
	if got := stackOf(h); got != "meetings" || s.ctx.Err() == nil {
		t.Fatalf("esc: stack %s, requests cancelled %v", got, s.ctx.Err() != nil)
	}
	if got := h.send(countedMsg{Answer: poll.Answer{Envelope: env}, n: 99}); len(got) != 0 || s.got == 99 {
		t.Fatalf("a popped screen took an answer: %#v", got)
	}
	if v := h.a.content(); !strings.Contains(v, "REDACTED") {
		t.Fatalf("back on the list, redact was lost:\n%s", v)
	}
}
