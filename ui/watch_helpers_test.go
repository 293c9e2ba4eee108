package ui

import (
	"context"
	"errors"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/qostop/qostop/fetch/sim/simtest/fakeclock"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/poll"
)

// watchT0 is the first sample of the hand-built call; the clock of every
// test starts 38 s after its newest sample.
var watchT0 = time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)

// testClock is the clock tests move by hand: fakeclock's, which the
// simulator can share, under the names ui tests call it by.
type testClock struct{ *fakeclock.Clock }

func newTestClock(t time.Time) *testClock { return &testClock{fakeclock.New(t)} }

func (c *testClock) set(t time.Time) { c.Set(t) }

// fakeSource answers ParticipantQoS with what the test put in it, or,
// with hang set, blocks until the request's context ends.
type fakeSource struct {
	mu      sync.Mutex
	p       model.Participant
	err     error
	calls   int
	hang    bool
	started chan struct{}   // closed when a hanging call begins
	ended   chan error      // receives the hanging call's ctx error
	ctx     context.Context // the newest call's: the watched feed's requests
}

// lastCtx is the context of the newest ParticipantQoS call: cancelled
// once the feed that asked is gone.
func (f *fakeSource) lastCtx() context.Context {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.ctx
}

func (f *fakeSource) ParticipantQoS(ctx context.Context, meetingID, participantID string, typ model.MeetingType) (model.Participant, error) {
	f.mu.Lock()
	f.calls++
	f.ctx = ctx
	p, err, hang := f.p, f.err, f.hang
	f.mu.Unlock()
	if hang {
		close(f.started)
		<-ctx.Done()
		f.ended <- ctx.Err()
		return model.Participant{}, ctx.Err()
	}
	return p, err
}

func (f *fakeSource) MeetingQoS(context.Context, string, model.MeetingType) ([]model.Participant, error) {
	return nil, errors.New("not used by the watch screen")
}

func (f *fakeSource) LiveMeetings(context.Context, time.Time, time.Time) ([]model.Meeting, error) {
	return nil, errors.New("not used by the watch screen")
}

func (f *fakeSource) Meetings(context.Context, model.MeetingType, time.Time, time.Time) ([]model.Meeting, error) {
	return nil, errors.New("not used by the watch screen")
}

func (f *fakeSource) Meeting(context.Context, string, model.MeetingType) (model.Meeting, error) {
	return model.Meeting{}, errors.New("not used by the watch screen")
}

func (f *fakeSource) Requests() int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return int64(f.calls)
}

func (f *fakeSource) set(p model.Participant, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.p, f.err = p, err
}

func (f *fakeSource) callCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

// timerMsg is what a scheduled command yields in tests: the delay it
// asked for and the message it would have sent, instead of sleeping.
type timerMsg struct {
	d    time.Duration
	fire func() tea.Msg
}

func recordScheduler(d time.Duration, f func() tea.Msg) tea.Cmd {
	return func() tea.Msg { return timerMsg{d: d, fire: f} }
}

// runCmd executes cmd and every command batched in it, returning the
// messages they yield. Fetches run against the fake source at once;
// timers come back as timerMsg.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, runCmd(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// harness drives an app through Update the way Bubble Tea would, but
// synchronously, with timers recorded rather than slept.
type harness struct {
	t     testing.TB
	a     *app
	src   *fakeSource
	clock *testClock
}

type harnessOpt func(*Config)

func newHarness(t testing.TB, src *fakeSource, width, height int, opts ...harnessOpt) *harness {
	t.Helper()
	clock := newTestClock(watchT0.Add(39*time.Minute + 38*time.Second))
	cfg := Config{
		Source: src, MeetingID: "85012345678", ParticipantID: "16778241", Type: model.Live,
		Interval: 10 * time.Second, MinInterval: 2 * time.Second,
		Thresholds: model.DefaultThresholds(), Theme: theme.Dark(),
		Profile: colorprofile.Ascii, Now: clock.Now, Topic: "Incident bridge", schedule: recordScheduler,
	}
	for _, o := range opts {
		o(&cfg)
	}
	m, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	a := m.(*app)
	h := &harness{t: t, a: a, src: src, clock: clock}
	h.resize(width, height)
	return h
}

func (h *harness) resize(width, height int) {
	h.t.Helper()
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
}

// send passes msg through Update and returns what the commands yield.
func (h *harness) send(msg tea.Msg) []tea.Msg {
	h.t.Helper()
	m, cmd := h.a.Update(msg)
	h.a = m.(*app)
	return runCmd(cmd)
}

// start runs Init and delivers the first answer; it returns the messages
// that answer produced (the next poll's timer).
func (h *harness) start() []tea.Msg {
	h.t.Helper()
	var out []tea.Msg
	for _, msg := range runCmd(h.a.Init()) {
		if f, ok := msg.(feed.FetchedMsg); ok {
			f.Jitter = 0.5
			out = append(out, h.send(f)...)
		}
	}
	return out
}

func (h *harness) key(k string) []tea.Msg {
	h.t.Helper()
	return h.send(keyMsg(k))
}

// keyMsg is the key press Bubble Tea delivers for k, written as
// key.Binding writes keys: "enter", "ctrl+c", "shift+tab", "space", or
// the text typed ("j", "G", "alice").
func keyMsg(k string) tea.KeyPressMsg {
	var mod tea.KeyMod
	for {
		switch {
		case strings.HasPrefix(k, "ctrl+") && len(k) > len("ctrl+"):
			mod |= tea.ModCtrl
			k = k[len("ctrl+"):]
			continue
		case strings.HasPrefix(k, "shift+") && len(k) > len("shift+"):
			mod |= tea.ModShift
			k = k[len("shift+"):]
			continue
		}
		break
	}
	named := map[string]rune{"tab": tea.KeyTab, "enter": tea.KeyEnter, "esc": tea.KeyEscape,
		"up": tea.KeyUp, "down": tea.KeyDown, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
		"home": tea.KeyHome, "end": tea.KeyEnd, "backspace": tea.KeyBackspace,
		"left": tea.KeyLeft, "right": tea.KeyRight}
	if c, ok := named[k]; ok {
		return tea.KeyPressMsg{Code: c, Mod: mod}
	}
	if k == "space" || k == " " {
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	if mod != 0 {
		return tea.KeyPressMsg{Code: []rune(k)[0], Mod: mod}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// only returns the messages of type T.
func only[T any](msgs []tea.Msg) []T {
	var out []T
	for _, m := range msgs {
		if v, ok := m.(T); ok {
			out = append(out, v)
		}
	}
	return out
}

// wave is a smooth deterministic curve for the fixtures.
func wave(i int, phase, period float64) float64 { return math.Sin((float64(i) + phase) / period) }

// callParticipant is a 40-minute call: audio and video both ways, a loss
// and latency episode on audio send around minutes 30-35 that recovers,
// video receive loss climbing at the end, a screen share received in
// minutes 12-25, CPU and Wi-Fi throughout.
func callParticipant(share bool) model.Participant {
	p := model.Participant{
		ID: "_f08HhPJS82MIVLuuFaJPg", UserID: "16778241", UserName: "Alice Chen",
		Device: "Mac", Client: "Zoom", Version: "6.2.5", OS: "macOS",
		NetworkType: "Wifi", Location: "Boston (US)", DataCenter: "US (Virginia)",
		JoinTime: watchT0.Add(-time.Minute), Health: "Warning", IssueList: []string{"audio"},
	}
	r1 := func(v float64) model.Value { return model.Some(math.Round(v*10) / 10) }
	r0 := func(v float64) model.Value { return model.Some(math.Round(v)) }
	for i := range 40 {
		s := model.Sample{Time: watchT0.Add(time.Duration(i) * time.Minute), Streams: map[model.StreamKey]model.StreamStats{}}
		lat, loss := 70+25*wave(i, 0, 5), 0.1+0.1*wave(i, 1, 3)
		if i >= 30 && i <= 34 { // the episode
			lat, loss = 180+120*wave(i-30, 0, 1.6), 2+5.5*wave(i-30, 0.3, 1.6)
		}
		s.Streams[model.StreamKey{Media: model.Audio, Dir: model.Send}] = model.StreamStats{
			BitrateKbps: r0(40 + 8*wave(i, 0, 4)), LatencyMS: r0(lat), JitterMS: r0(9 + 5*wave(i, 2, 3)),
			AvgLossPct: r1(loss), MaxLossPct: r1(loss * 3),
		}
		s.Streams[model.StreamKey{Media: model.Audio, Dir: model.Receive}] = model.StreamStats{
			BitrateKbps: r0(45 + 6*wave(i, 1, 4)), LatencyMS: r0(65 + 20*wave(i, 2, 5)), JitterMS: r0(7 + 4*wave(i, 0, 3)),
			AvgLossPct: r1(0.1), MaxLossPct: r1(0.4),
		}
		vloss := 0.2
		if i >= 37 {
			vloss = 1.5 + float64(i-37)
		}
		s.Streams[model.StreamKey{Media: model.Video, Dir: model.Send}] = model.StreamStats{
			BitrateKbps: r0(900 + 250*wave(i, 0, 4)), LatencyMS: r0(75 + 25*wave(i, 1, 5)), JitterMS: r0(10 + 6*wave(i, 0, 3)),
			AvgLossPct: r1(0.2), MaxLossPct: r1(0.9), FrameRateFPS: r0(25 + 4*wave(i, 0, 6)),
			Width: model.Some(1280), Height: model.Some(720),
		}
		s.Streams[model.StreamKey{Media: model.Video, Dir: model.Receive}] = model.StreamStats{
			BitrateKbps: r0(1100 + 300*wave(i, 2, 4)), LatencyMS: r0(80 + 20*wave(i, 3, 5)), JitterMS: r0(11 + 5*wave(i, 1, 3)),
			AvgLossPct: r1(vloss), MaxLossPct: r1(vloss * 2), FrameRateFPS: r0(24 + 5*wave(i, 2, 6)),
			Width: model.Some(1280), Height: model.Some(720),
		}
		if share && i >= 12 && i <= 25 {
			s.Streams[model.StreamKey{Media: model.Share, Dir: model.Receive}] = model.StreamStats{
				BitrateKbps: r0(300 + 150*wave(i, 0, 2)), LatencyMS: r0(90 + 20*wave(i, 1, 4)), JitterMS: r0(12 + 4*wave(i, 0, 2)),
				AvgLossPct: r1(0.1), MaxLossPct: r1(0.5), FrameRateFPS: r0(8 + 3*wave(i, 0, 3)),
				Width: model.Some(1920), Height: model.Some(1080),
			}
		}
		s.CPU = model.CPU{ZoomMinPct: r0(8), ZoomAvgPct: r0(14 + 3*wave(i, 0, 4)), ZoomMaxPct: r0(22 + 6*wave(i, 1, 4)), SystemMaxPct: r0(46 + 10*wave(i, 0, 7))}
		s.WiFi = model.WiFi{MinRSSIdBm: r0(-62 + 3*wave(i, 0, 5)), AvgRSSIdBm: r0(-57 + 2*wave(i, 0, 5)), MaxRSSIdBm: r0(-52 + 2*wave(i, 1, 5))}
		p.Samples = append(p.Samples, s)
	}
	return p
}

// pollTimer finds the poll timer among msgs.
func pollTimer(t testing.TB, msgs []tea.Msg) (timerMsg, poll.TickMsg) {
	t.Helper()
	for _, tm := range only[timerMsg](msgs) {
		if pt, ok := tm.fire().(poll.TickMsg); ok {
			return tm, pt
		}
	}
	t.Fatalf("no poll was scheduled; messages: %#v", msgs)
	return timerMsg{}, poll.TickMsg{}
}

// poll lets the scheduled poll among msgs fire, at its time on the test
// clock, and delivers the answer; it returns what the answer produced.
func (h *harness) poll(msgs []tea.Msg) []tea.Msg {
	h.t.Helper()
	tm, pt := pollTimer(h.t, msgs)
	h.clock.set(h.clock.Now().Add(tm.d))
	var out []tea.Msg
	for _, msg := range h.send(pt) {
		if f, ok := msg.(feed.FetchedMsg); ok {
			f.Jitter = 0.5 // the middle of the spread, so goldens do not move
			out = append(out, h.send(f)...)
		}
	}
	return out
}

// pollDelays lets n polls fire in turn, each after the delay the answer
// before it set, and returns those delays and what the last answer produced.
func (h *harness) pollDelays(next []tea.Msg, n int) ([]time.Duration, []tea.Msg) {
	h.t.Helper()
	var delays []time.Duration
	for range n {
		next = h.poll(next)
		tm, _ := pollTimer(h.t, next)
		delays = append(delays, tm.d)
	}
	return delays, next
}

// tick delivers a clock tick at the test clock's time plus d.
func (h *harness) tick(d time.Duration) {
	h.t.Helper()
	h.clock.set(h.clock.Now().Add(d))
	h.send(clockMsg{now: h.clock.Now()})
}

// watch, overview and meetings are the topmost screen of their kind on
// the stack; the test fails if there is none.
func (h *harness) watch() *watchModel       { return screenOf[*watchModel](h) }
func (h *harness) overview() *overviewModel { return screenOf[*overviewModel](h) }
func (h *harness) meetings() *meetingsModel { return screenOf[*meetingsModel](h) }

func screenOf[S screen](h *harness) S {
	h.t.Helper()
	for i := len(h.a.stack) - 1; i >= 0; i-- {
		if s, ok := h.a.stack[i].(S); ok {
			return s
		}
	}
	var none S
	h.t.Fatalf("no %T on the stack", none)
	return none
}
