package ui

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/feed"
	"github.com/qostop/qostop/ui/poll"
)

// tableSource is a Source for the meeting list and the overview: it
// answers with what the test put in it and counts the calls per kind.
type tableSource struct {
	mu       sync.Mutex
	meetings []model.Meeting
	people   []model.Participant
	err      error
	p        model.Participant // for the watch screen
	calls    map[string]int
	pages    int           // requests of MeetingQoS: one per ten participants, as the real client sends
	hangQoS  bool          // MeetingQoS blocks until its context ends
	hungQoS  chan struct{} // closed when a hanging MeetingQoS begins
	endedQoS chan error    // the hanging call's context error
	// participantCtx is the newest ParticipantQoS call's context.
	participantCtx context.Context
}

func newTableSource() *tableSource { return &tableSource{calls: map[string]int{}} }

func (s *tableSource) count(kind string) (model.Participant, []model.Participant, []model.Meeting, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[kind]++
	return s.p, s.people, s.meetings, s.err
}

func (s *tableSource) ParticipantQoS(ctx context.Context, _, participantID string, _ model.MeetingType) (model.Participant, error) {
	s.mu.Lock()
	s.participantCtx = ctx
	s.mu.Unlock()
	p, people, _, err := s.count("participant")
	for _, q := range people {
		if q.UserID == participantID {
			p = q
		}
	}
	return p, err
}

// lastParticipantCtx is the context of the newest ParticipantQoS call:
// cancelled once the feed that asked is gone.
func (s *tableSource) lastParticipantCtx() context.Context {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.participantCtx
}

func (s *tableSource) MeetingQoS(ctx context.Context, _ string, _ model.MeetingType) ([]model.Participant, error) {
	_, people, _, err := s.count("meeting")
	s.mu.Lock()
	s.pages += max(1, (len(people)+fetch.QoSPageSize-1)/fetch.QoSPageSize)
	s.mu.Unlock()
	s.mu.Lock()
	hang := s.hangQoS
	s.mu.Unlock()
	if hang {
		close(s.hungQoS)
		<-ctx.Done()
		s.endedQoS <- ctx.Err()
		return nil, ctx.Err()
	}
	return people, err
}

func (s *tableSource) LiveMeetings(context.Context, time.Time, time.Time) ([]model.Meeting, error) {
	_, _, ms, err := s.count("list")
	return ms, err
}

func (s *tableSource) Meetings(_ context.Context, typ model.MeetingType, from, to time.Time) ([]model.Meeting, error) {
	_, _, ms, err := s.count("list " + string(typ) + " " + from.Format("2006-01-02") + " " + to.Format("2006-01-02"))
	return ms, err
}

func (s *tableSource) Meeting(_ context.Context, id string, _ model.MeetingType) (model.Meeting, error) {
	_, _, ms, err := s.count("details")
	for _, mt := range ms {
		if mt.ID == id {
			return mt, err
		}
	}
	return model.Meeting{}, errors.New("no such meeting")
}

func (s *tableSource) Requests() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.pages
	for kind, c := range s.calls {
		if kind != "meeting" {
			n += c
		}
	}
	return int64(n)
}

func (s *tableSource) callsOf(kind string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[kind]
}

func (s *tableSource) setErr(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.err = err
}

func (s *tableSource) setPeople(ps []model.Participant) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.people = ps
}

// newTableHarness starts the app on the screen the IDs choose (none: the
// meeting list) against src, and delivers the first answer.
func newTableHarness(t testing.TB, src Source, width, height int, opts ...harnessOpt) (*harness, []tea.Msg) {
	t.Helper()
	opts = append([]harnessOpt{func(c *Config) {
		c.Source, c.MeetingID, c.ParticipantID, c.Topic = src, "", "", ""
	}}, opts...)
	h := newHarness(t, nil, width, height, opts...)
	return h, h.settle(runCmd(h.a.Init()))
}

// settle delivers every answer among msgs (and the answers they lead
// to) the way Bubble Tea would, with the jitter fixed, and returns the
// timers left.
func (h *harness) settle(msgs []tea.Msg) []tea.Msg {
	h.t.Helper()
	var timers []tea.Msg
	for _, msg := range msgs {
		switch m := msg.(type) {
		case feed.FetchedMsg:
			m.Jitter = 0.5
			timers = append(timers, h.settle(h.send(m))...)
		case overviewFetchedMsg:
			m.Jitter = 0.5
			timers = append(timers, h.settle(h.send(m))...)
		case meetingsFetchedMsg:
			m.Jitter = 0.5
			timers = append(timers, h.settle(h.send(m))...)
		default:
			timers = append(timers, msg)
		}
	}
	return timers
}

// press sends keys and settles the answers they cause.
func (h *harness) press(keys ...string) []tea.Msg {
	h.t.Helper()
	var out []tea.Msg
	for _, k := range keys {
		msg := keyMsg(k)
		switch k {
		case "backspace":
			msg = keyMsg("backspace")
		case "ctrl+u":
			msg = keyMsg("ctrl+u")
		case "ctrl+w":
			msg = keyMsg("ctrl+w")
		case "up":
			msg = keyMsg("up")
		case "down":
			msg = keyMsg("down")
		}
		out = append(out, h.settle(h.send(msg))...)
	}
	return out
}

// pollOf finds owner's poll timer among msgs.
func pollOf(t testing.TB, msgs []tea.Msg, owner uint64) (timerMsg, poll.TickMsg, bool) {
	t.Helper()
	for _, tm := range only[timerMsg](msgs) {
		if pt, ok := tm.fire().(poll.TickMsg); ok && pt.Owner == owner {
			return tm, pt, true
		}
	}
	return timerMsg{}, poll.TickMsg{}, false
}

// cast is a meeting's participants at one sample time: name, whose
// newest audio reading is latency ms and loss %, and whether they left.
type castMember struct {
	name      string
	latencyMS float64
	lossPct   float64
	left      bool
	joinMin   int     // minutes after watchT0
	pastLoss  float64 // loss % ten samples back, for the recent worst
}

func castOf(ms ...castMember) []model.Participant {
	var ps []model.Participant
	for i, c := range ms {
		p := model.Participant{UserID: fmt.Sprint(16778241 + i), UserName: c.name,
			Device: "Mac", NetworkType: "Wifi", Location: "Oakland (US)", Health: "Good",
			JoinTime: watchT0.Add(time.Duration(c.joinMin) * time.Minute)}
		if c.left {
			p.LeaveTime = watchT0.Add(30 * time.Minute)
		}
		for k := range 12 {
			loss := c.lossPct
			if k == 1 {
				loss = max(loss, c.pastLoss)
			}
			s := model.Sample{Time: watchT0.Add(time.Duration(28+k) * time.Minute), Streams: map[model.StreamKey]model.StreamStats{
				{Media: model.Audio, Dir: model.Send}:    {LatencyMS: model.Some(c.latencyMS), JitterMS: model.Some(3), AvgLossPct: model.Some(loss)},
				{Media: model.Video, Dir: model.Receive}: {LatencyMS: model.Some(c.latencyMS + 4), JitterMS: model.Some(4), AvgLossPct: model.Some(0.1)},
			}}
			p.Samples = append(p.Samples, s)
		}
		ps = append(ps, p)
	}
	return ps
}

// bridge is the Incident bridge as the tests see it: Alice degrading,
// Bob fine, a guest with no name, Erik gone.
func bridge() []model.Participant {
	ps := castOf(
		castMember{name: "Bob Okafor", latencyMS: 40, lossPct: 0.2, joinMin: -2},
		castMember{name: "Alice Chen", latencyMS: 210, lossPct: 6.5, joinMin: -1},
		castMember{name: "", latencyMS: 60, lossPct: 0.3, joinMin: 3},
		castMember{name: "Erik Lund", latencyMS: 400, lossPct: 9, left: true, joinMin: 0},
		castMember{name: "Dana Reyes", latencyMS: 45, lossPct: 0.1, pastLoss: 1.5, joinMin: 5},
	)
	return ps
}

func liveMeetings() []model.Meeting {
	start := watchT0.Add(-time.Minute)
	return []model.Meeting{
		{UUID: "c9RfTn4yQ3u8WkzL1mE+Aw==", ID: "89900112233", Topic: "Company all-hands", Host: "Morgan Blake",
			StartTime: start.Add(-time.Hour), Duration: "01:40:38", Participants: 42, HasVideo: true, HasScreenShare: true},
		{UUID: "qT7vXq2bR0eJx4mZs9LkPw==", ID: "85012345678", Topic: "Incident bridge", Host: "Bob Okafor",
			StartTime: start, Duration: "00:40:38", Participants: 7, HasVideo: true, HasScreenShare: true},
		{UUID: "Zp3a//Kx7QeW1nV2sT5yBg==", ID: "83098765432", Topic: "Design review", Host: "Grace Park",
			StartTime: start.Add(-20 * time.Minute), Duration: "01:00:38", Participants: 3, HasVideo: true},
	}
}
