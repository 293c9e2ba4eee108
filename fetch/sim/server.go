package sim

import (
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/qostop/qostop/model"
)

// The credentials the simulator accepts unless Options say otherwise.
// `qostop demo` and `qostop sim` use them; they open nothing real.
const (
	DemoAccountID    = "demo-account"
	DemoClientID     = "demo-client"
	DemoClientSecret = "demo-secret-not-a-real-one"
)

// Options configure a Server. The zero value is a quiet simulator on the
// wall clock with Zoom's one-minute cadence.
type Options struct {
	// Seed makes the numbers, the faults and the paging tokens
	// reproducible: same seed, same clock, same options, same bytes.
	Seed int64
	// Now is the clock; default time.Now. Tests inject one and move it.
	Now func() time.Time
	// SampleEvery is the time between QoS samples of the live meetings;
	// default one minute, Zoom's cadence. The demo uses a few seconds so
	// something happens. It is rounded to whole seconds, at least one.
	SampleEvery time.Duration
	// PreHistory is how many samples are already in the past when the
	// server starts, so a watcher sees a filled sparkline at once.
	// 0 means the default of 20; a negative value means none.
	PreHistory int
	// ServeLast is how many of the newest samples a live QoS call returns
	// per participant; default 30. Past meetings return every sample.
	ServeLast int
	// TokenTTL is the access token lifetime (expires_in); default 1h.
	TokenTTL time.Duration
	// Faults is the share (0..1) of API requests answered with a failure
	// drawn from FaultKinds. The token endpoint never faults.
	Faults float64
	// FaultKinds limits the failures Faults draws from; nil means all.
	FaultKinds []FaultKind
	// SlowDelay is how long a FaultSlow response stalls; default 15s,
	// longer than a 10s client timeout. Tests set a few milliseconds.
	SlowDelay time.Duration
	// QPS, if positive, answers API requests beyond this rate (a token
	// bucket with a burst of QPS on the injected clock) with Zoom's 429.
	QPS float64
	// Credentials the token endpoint accepts; default the Demo* constants.
	AccountID, ClientID, ClientSecret string
	// Hostile adds a participant to the demo meeting whose name and
	// location carry terminal escape sequences, a bidi override and
	// invalid UTF-8, to prove the UI sanitizes what Zoom sends.
	Hostile bool
	// EndAfter, if positive, ends the demo meeting about this long after
	// the server starts: from then on live calls find nothing (404, code
	// 3001), as Zoom's do for a meeting that is over, and past calls find
	// all of it, everyone with the end as their leave_time.
	EndAfter time.Duration
	// TrackServed records the samples each participant QoS answer
	// delivers, for Served. Tests use it; it is off by default because
	// the record grows with every sample a long run serves.
	TrackServed bool
	// PublishLag and PublishJitter delay each live sample's appearance
	// past its date_time, as Zoom's do (publish.go); zero publishes at once.
	PublishLag, PublishJitter time.Duration
	// PushEvery is how often the QSS WebSocket (/ws) pushes what was
	// published since its last push; default SampleEvery, one event per
	// participant per sample. Rounded to whole seconds, at least one.
	PushEvery time.Duration
	// WebhookURL, if set, is where ListenAndServe posts the live calls'
	// participant_qos events as Zoom's webhooks (webhook.go), signed with
	// $WebhookSecretEnv, or DemoWebhookSecret when that is unset.
	WebhookURL, WebhookSecretEnv string
	// ExtraMeetings adds that many live meetings (extra.go) of
	// ExtraPeople participants each (default 3): a large account.
	ExtraMeetings, ExtraPeople int
	// DailyLimit, if positive, is the account's daily API cap (daily.go).
	DailyLimit int
	// NoWebinarScope and NoRoomScope refuse the webinar and Zoom Rooms
	// endpoints as Zoom does a token without their scope (code 4700).
	NoWebinarScope, NoRoomScope bool
	// Replay, when set, serves this recording's meeting instead of the
	// simulated ones (replay.go); ReplayFile is --replay, which the
	// command loads into Replay (fetch/record.Load: the simulator opens
	// no file itself).
	Replay     *model.Recording
	ReplayFile string
}

// Limits that keep a careless option from turning one request into
// millions of generated samples.
const (
	maxPreHistory = 10000
	maxServeLast  = 10000
	maxTokens     = 1024
)

func (o Options) withDefaults() Options {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.SampleEvery <= 0 {
		o.SampleEvery = time.Minute
	}
	// date_time has whole seconds: faster samples would share timestamps
	// and a client merging by date_time would rightly collapse them.
	o.SampleEvery = max(o.SampleEvery.Truncate(time.Second), time.Second)
	if o.PushEvery <= 0 {
		o.PushEvery = o.SampleEvery
	}
	o.PushEvery = max(o.PushEvery.Truncate(time.Second), time.Second)
	switch {
	case o.PreHistory == 0:
		o.PreHistory = 20
	case o.PreHistory < 0:
		o.PreHistory = 0
	}
	o.PreHistory = min(o.PreHistory, maxPreHistory)
	if o.ServeLast <= 0 {
		o.ServeLast = 30
	}
	o.ServeLast = min(o.ServeLast, maxServeLast)
	if o.TokenTTL <= 0 {
		o.TokenTTL = time.Hour
	}
	if o.SlowDelay <= 0 {
		o.SlowDelay = 15 * time.Second
	}
	if len(o.FaultKinds) == 0 {
		o.FaultKinds = AllFaultKinds()
	}
	if o.AccountID == "" {
		o.AccountID = DemoAccountID
	}
	if o.ClientID == "" {
		o.ClientID = DemoClientID
	}
	if o.ClientSecret == "" {
		o.ClientSecret = DemoClientSecret
	}
	return o
}

// Server simulates Zoom's token endpoint and Dashboard API. It is safe for
// concurrent use.
type Server struct {
	opts     Options
	t0       time.Time // time of sample 0 of the live meetings
	meetings []*meeting
	byID     map[string]*meeting // numeric ID and UUID

	// bound and exposed are what ListenAndServe listens on, for Banner.
	bound   string
	exposed bool

	done      chan struct{} // closed by Close to release stalled responses
	closeOnce sync.Once

	mu     sync.Mutex
	tokens map[string]time.Time // access token -> expiry
	issued []string             // tokens oldest first, to bound the map
	rng    *rand.Rand           // fault draws, in request order
	bucket bucket
	daily  daily
	stats  Stats
	served map[servedKey]map[time.Time]bool // by TrackServed

	pushRng   *rand.Rand   // which pushes Faults drops (ws.go)
	pushConns atomic.Int32 // open WebSockets
}

// New builds a server whose meetings started around opts.Now().
func New(opts Options) *Server {
	o := opts.withDefaults()
	s := &Server{
		opts:   o,
		byID:   map[string]*meeting{},
		done:   make(chan struct{}),
		tokens: map[string]time.Time{},
		rng:    rand.New(rand.NewPCG(uint64(o.Seed), 0x716f73746f70)),
		// 0x70757368 is "push".
		pushRng: rand.New(rand.NewPCG(uint64(o.Seed), 0x70757368)),
	}
	s.stats.Faults = map[FaultKind]int{}
	start := o.Now().UTC()
	s.t0 = start.Truncate(o.SampleEvery).Add(-time.Duration(o.PreHistory) * o.SampleEvery)
	if o.Replay != nil {
		s.meetings = []*meeting{s.replayMeeting(o.Replay, start)}
	} else {
		s.meetings = append(s.cast(), s.extraMeetings()...)
	}
	s.setPublishLag()
	for _, m := range s.meetings {
		s.byID[m.id] = m
		s.byID[m.uuid] = m
	}
	return s
}

// Handler serves the token endpoint at /oauth/token, the API under /v2
// and the QSS WebSocket at /ws.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

// Close releases responses stalled by FaultSlow, so an httptest.Server
// holding one can shut down at once. The handler keeps working afterwards.
func (s *Server) Close() { s.closeOnce.Do(func() { close(s.done) }) }

func (s *Server) now() time.Time { return s.opts.Now().UTC() }

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	switch p := r.URL.Path; {
	case p == "/oauth/token":
		s.serveToken(w, r)
	case p == "/v2" || strings.HasPrefix(p, "/v2/"):
		s.serveAPI(w, r)
	case p == "/ws":
		s.servePush(w, r)
	default:
		errorReply(http.StatusNotFound, 404, "Not Found").write(w)
	}
}

// serveAPI runs the checks in Zoom's order: who you are, how fast you
// ask, then what you asked for.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	t := parseRoute(r)
	s.count(t)
	if r.Method != http.MethodGet {
		errorReply(http.StatusMethodNotAllowed, 405, "Method Not Allowed").write(w)
		return
	}
	if !s.authorized(r) {
		s.mu.Lock()
		s.stats.Unauthorized++
		s.mu.Unlock()
		invalidToken().write(w)
		return
	}
	if rep, limited := s.rateLimit(t.ep); limited {
		rep.write(w)
		return
	}
	if rep, limited := s.dailyLimit(t.ep, w.Header()); limited {
		rep.write(w)
		return
	}
	rep := s.answer(t, r)
	if kind, ok := s.drawFault(); ok {
		s.serveFault(w, r, t.ep, kind, rep)
		return
	}
	rep.write(w)
	s.noteServed(rep)
}

func (s *Server) answer(t target, r *http.Request) reply {
	if t.err != nil {
		return *t.err
	}
	q := r.URL.Query()
	if bad := s.familyCheck(t, q); bad != nil {
		return *bad
	}
	switch t.ep {
	case epListMeetings:
		return s.listMeetings(q, t.webinar)
	case epListRooms:
		return s.listRooms(q)
	case epRoom:
		return s.roomDetails(t.meeting)
	case epParticipants:
		return s.participants(t.meeting, q)
	case epParticipantsQoS:
		return s.participantsQoS(t.meeting, q)
	case epParticipantQoS:
		return s.participantQoS(t.meeting, t.participant, q)
	case epMeeting:
		return s.meetingDetails(t.meeting, q)
	}
	return errorReply(http.StatusNotFound, 404, "Not Found")
}
