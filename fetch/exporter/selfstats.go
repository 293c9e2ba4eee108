package exporter

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/qostop/qostop/fetch"
)

// selfStats is what the exporter says about itself: what it asked Zoom,
// how Zoom answered, and what is left of the day's budget.
type selfStats struct {
	requests  *prometheus.CounterVec
	limited   prometheus.Counter
	budget    *fetch.Budget
	mu        sync.Mutex
	lastOK    time.Time
	meetings  int
	gap       time.Duration // planned least time between polls of one meeting
	limitedBy bool          // the budget holds polls below one per sample
	fatal     error         // the last failure a person must fix, until a success
	refused   int           // meetings of the last list skipped for their IDs
	conns     func() int    // open HTTP connections of /metrics and /healthz

	// /healthz fails when the metrics have not been brought up to date
	// (a meeting polled, or a list with nothing to poll) for staleAfter.
	now        func() time.Time
	current    time.Time // when they last were, or the start
	staleAfter time.Duration
	last       error // the last failure of any kind, for /healthz to say
}

// minStale is the least time without a successful poll before /healthz
// fails: ten of Zoom's one-minute samples.
const minStale = 10 * time.Minute

func newSelfStats(b *fetch.Budget, now func() time.Time) *selfStats {
	return &selfStats{
		budget: b, now: now, current: now(), staleAfter: minStale,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "qostop_zoom_requests_total",
			Help: "API requests the exporter sent to Zoom, by endpoint and HTTP status (\"error\" when no answer came)."},
			[]string{"endpoint", "code"}),
		limited: prometheus.NewCounter(prometheus.CounterOpts{Name: "qostop_zoom_rate_limit_waits_total",
			Help: "Answers that were Zoom's 429: each one makes the exporter wait before that endpoint is asked again."}),
	}
}

var (
	lastOKDesc = prometheus.NewDesc("qostop_zoom_last_success_timestamp_seconds",
		"When a Zoom request last succeeded.", nil, nil)
	usedDesc = prometheus.NewDesc("qostop_budget_requests_used",
		"Requests qostop (every process of the user) has sent today, UTC.", nil, nil)
	capDesc = prometheus.NewDesc("qostop_budget_requests_limit",
		"qostop's own daily request budget (--budget).", nil, nil)
	leftDesc = prometheus.NewDesc("qostop_budget_requests_left",
		"Requests qostop may still send today: the smaller of its budget and the account's remaining quota.", nil, nil)
	acctDesc = prometheus.NewDesc("qostop_zoom_account_requests_remaining",
		"The account's remaining daily quota as Zoom last reported it (X-RateLimit-Remaining), today.", nil, nil)
	meetingsDesc = prometheus.NewDesc("qostop_exporter_meetings",
		"Meetings the exporter is polling.", nil, nil)
	gapDesc = prometheus.NewDesc("qostop_exporter_poll_interval_seconds",
		"Least time between two polls of one meeting that the budget allows.", nil, nil)
	connsDesc = prometheus.NewDesc("qostop_exporter_http_connections",
		"Connections open to the exporter's HTTP server (at most 64: the longest idle is closed for a new one).", nil, nil)
	refusedDesc = prometheus.NewDesc("qostop_exporter_meetings_refused",
		"Meetings of Zoom's last list skipped because qostop refuses their ID (empty, or a . or .. path segment).", nil, nil)
	limitedDesc = prometheus.NewDesc("qostop_exporter_budget_limited",
		"1 when the budget makes the exporter poll each meeting less often than Zoom produces samples.", nil, nil)
)

func (s *selfStats) Describe(ch chan<- *prometheus.Desc) {
	s.requests.Describe(ch)
	s.limited.Describe(ch)
}

func (s *selfStats) Collect(ch chan<- prometheus.Metric) {
	s.requests.Collect(ch)
	s.limited.Collect(ch)
	s.mu.Lock()
	lastOK, meetings, gap, limited, refused := s.lastOK, s.meetings, s.gap, s.limitedBy, s.refused
	s.mu.Unlock()
	if !lastOK.IsZero() {
		send(ch, lastOKDesc, float64(lastOK.UnixMilli())/1e3)
	}
	send(ch, meetingsDesc, float64(meetings))
	send(ch, gapDesc, gap.Seconds())
	send(ch, limitedDesc, map[bool]float64{true: 1}[limited])
	send(ch, refusedDesc, float64(refused))
	if s.conns != nil {
		send(ch, connsDesc, float64(s.conns()))
	}
	st := s.budget.Status()
	send(ch, usedDesc, float64(st.Used))
	if st.Cap > 0 {
		send(ch, capDesc, float64(st.Cap))
	}
	if left := st.Left(); left >= 0 {
		send(ch, leftDesc, float64(left))
	}
	if st.AccountKnown {
		send(ch, acctDesc, float64(st.AccountRemaining))
	}
}

// fresh records that the metrics are up to date at t.
func (s *selfStats) fresh(t time.Time) {
	s.mu.Lock()
	s.current, s.last = t, nil
	s.mu.Unlock()
}

// problem keeps err for /healthz to name if the metrics go stale.
func (s *selfStats) problem(err error) {
	s.mu.Lock()
	s.last = err
	s.mu.Unlock()
}

func (s *selfStats) ok(t time.Time) {
	s.mu.Lock()
	s.lastOK, s.fatal = t, nil
	s.mu.Unlock()
}

// wire counts every request the client sends, token requests included,
// by endpoint and status.
type wire struct {
	base  http.RoundTripper
	stats *selfStats
}

func (w wire) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := w.base.RoundTrip(req)
	code := "error"
	if err == nil {
		code = strconv.Itoa(resp.StatusCode)
		if resp.StatusCode == http.StatusTooManyRequests {
			w.stats.limited.Inc()
		}
	}
	w.stats.requests.WithLabelValues(endpointOf(req), code).Inc()
	return resp, err
}

// endpointOf names a request's endpoint from its escaped path, where a
// meeting UUID's slashes stay encoded.
func endpointOf(req *http.Request) string {
	p := req.URL.EscapedPath()
	if strings.HasSuffix(p, "/oauth/token") {
		return "oauth_token"
	}
	if p == "/ws" { // Zoom's QSS WebSocket (--push qss): its upgrades, 101 when subscribed
		return "push_websocket"
	}
	if strings.Contains(p, "/metrics/zoomrooms") {
		return "zoomrooms"
	}
	// A webinar's endpoints are the meetings' with "webinar_" before them.
	family, prefix := "/metrics/meetings", ""
	i := strings.Index(p, family)
	if i < 0 {
		family, prefix = "/metrics/webinars", "webinar_"
		if i = strings.Index(p, family); i < 0 {
			return "other"
		}
	}
	segs := strings.Split(strings.Trim(p[i+len(family):], "/"), "/")
	switch {
	case len(segs) == 1 && segs[0] == "":
		return prefix + "meetings"
	case len(segs) == 2 && segs[1] == "participants":
		return prefix + "participants"
	case len(segs) == 3 && segs[2] == "qos":
		return prefix + "participants_qos"
	case len(segs) == 4 && segs[3] == "qos":
		return prefix + "participant_qos"
	}
	return "other"
}

// defaultTransport is a private clone of http.DefaultTransport that
// honours HTTPS_PROXY, as the fetch client's own default does.
func defaultTransport() http.RoundTripper {
	if t, ok := http.DefaultTransport.(*http.Transport); ok {
		c := t.Clone()
		c.Proxy = http.ProxyFromEnvironment
		return c
	}
	return &http.Transport{Proxy: http.ProxyFromEnvironment}
}
