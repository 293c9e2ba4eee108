// Package exporter serves Zoom QoS of every live meeting of an account
// as Prometheus metrics, within a daily request budget.
package exporter

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/serve"
)

// DefaultPace is the exporter's most requests a second, every endpoint
// together: a tenth of the Heavy limit of a Pro account (10 a second,
// shared by every app on it). It never holds back
// the day: at one a second the exporter could send 86,400 requests a day,
// more than any account's daily cap (60,000 on Business). It only
// spreads the polls that fall due together, and a meeting's pages.
const DefaultPace = 1

// DefaultListen is the exporter's address when none is given: loopback,
// because the metrics name meetings and, with Names, people.
const DefaultListen = "127.0.0.1:9464"

// maxConns caps the exporter's open connections: a few Prometheus
// servers and probes need a handful; idle ones beyond it are closed
// (fetch/serve), so 20,000 kept-alive connections no longer exhaust the
// file limit.
const maxConns = 64

// Options configure Run. Config (the credentials at least) is required;
// the rest have defaults.
type Options struct {
	// Listen is the address of /metrics and /healthz; "" is DefaultListen.
	Listen string
	// Config is the Zoom client's; the exporter adds its own request
	// counting to Config.Transport and sets Config.Budget.
	Config fetch.Config
	// Budget is the day's request budget shared with every qostop process;
	// nil opens one in fetch.StateDir() with a cap of DefaultBudget.
	Budget *fetch.Budget
	// Meetings, if set, are the only meetings polled, and the meeting
	// list (a Resource-intensive call) is never asked for.
	Meetings []string
	// Webinars also lists the live webinars (scope
	// dashboard_webinars:read:admin) and polls them as meetings, labelled
	// kind="webinar"; Rooms also lists the Zoom Rooms (scope
	// dashboard_zr:read:admin) for zoom_room_status and zoom_room_health.
	// Each costs one more Resource-intensive request per meeting list, so
	// the list comes as much less often.
	Webinars, Rooms bool
	// Names adds participants' names (and meeting topics) as labels of
	// the info metrics; Redact replaces them with "[redacted]".
	Names, Redact bool
	// Interval is the cadence's poll interval while answers bring change
	// (default 10s); Fixed polls every Interval instead of following
	// Zoom's minute.
	Interval time.Duration
	Fixed    bool
	// Keep is how long a participant who left or went silent stays in
	// the metrics; default 5 minutes.
	Keep time.Duration
	// MaxParticipants caps one meeting's participants and MaxSeries the
	// zoom_qos_* series of all, dropping the oldest first (caps.go); 0
	// is DefaultMaxParticipants, DefaultMaxSeries.
	MaxParticipants, MaxSeries int
	// WebhookListen ("host:port") takes participants' QoS from Zoom's
	// QSS webhooks posted there, checked with WebhookSecret (the app's
	// secret token; nil reads $ZOOM_WEBHOOK_SECRET): REST then only lists
	// the meetings and polls one push has been silent about for 2m30s
	// (push.go).
	WebhookListen string
	WebhookSecret fetch.SecretSource
	// Subscription (--push qss --subscription ID) takes participants'
	// QoS from Zoom's QSS WebSocket with that subscription, as
	// WebhookListen does from webhooks, subscribing again after a drop
	// (pushws.go).
	Subscription string
	// Pace is the most requests a second, evenly spaced
	// (fetch.Config.Pace); 0 is DefaultPace.
	Pace float64
	// Logger gets structured logs; nil writes text to io.Discard.
	Logger *slog.Logger
	// Now is the clock; nil is time.Now. Tests move an injected one.
	Now func() time.Time
	// Ready, if set, is called with the listening address once /metrics
	// answers.
	Ready func(addr string)

	fakeClock      bool                  // Now was injected: the poller rechecks it while it waits
	webhookCommand string                // --webhook-secret-command
	webhookReady   func(addr string)     // tests: the webhook's address once it listens
	idle           func(until time.Time) // with fakeClock: called while waiting (tests)
}

func (o Options) withDefaults() (Options, error) {
	if o.Listen == "" {
		o.Listen = DefaultListen
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	o.fakeClock = o.Now != nil
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Config.Now == nil {
		o.Config.Now = o.Now
	}
	if o.Keep <= 0 {
		o.Keep = defaultKeep
	}
	if o.MaxParticipants < 0 || o.MaxSeries < 0 {
		return o, fmt.Errorf("exporter: --max-participants %d, --max-series %d: want positive numbers", o.MaxParticipants, o.MaxSeries)
	}
	o.MaxParticipants = cmp.Or(o.MaxParticipants, DefaultMaxParticipants)
	o.MaxSeries = cmp.Or(o.MaxSeries, DefaultMaxSeries)
	if o.Interval < 0 {
		return o, fmt.Errorf("exporter: interval %v must not be negative", o.Interval)
	}
	if o.Pace == 0 {
		o.Pace = DefaultPace
	}
	for _, id := range o.Meetings {
		if err := fetch.CheckID(id); err != nil {
			return o, fmt.Errorf("exporter: --meetings: %w", err)
		}
	}
	if err := o.checkPush(); err != nil {
		return o, err
	}
	if o.Budget == nil {
		b, err := fetch.OpenBudget(fetch.BudgetOptions{Cap: DefaultBudget, Now: o.Now})
		if err != nil {
			return o, err
		}
		o.Budget = b
	}
	return o, nil
}

// Run polls Zoom and serves the metrics until ctx ends, then shuts the
// server down and returns nil. It returns an error at once if the
// options are wrong or the address cannot be listened on.
func Run(ctx context.Context, opts Options) error {
	o, err := opts.withDefaults()
	if err != nil {
		return err
	}
	stats := newSelfStats(o.Budget, o.Now)
	cfg := o.Config
	base := cfg.Transport
	if base == nil {
		base = defaultTransport()
	}
	cfg.Transport = wire{base: base, stats: stats}
	cfg.Budget = o.Budget
	cfg.Pace = o.Pace
	cfg.Wait = o.waitUntil
	client, err := fetch.New(cfg)
	if err != nil {
		return err
	}
	snap := newSnapshot(o.Keep, o.MaxParticipants, o.MaxSeries)
	reg := prometheus.NewRegistry()
	reg.MustRegister(stats, &qosCollector{snap: snap, now: o.Now, names: o.Names, redact: o.Redact},
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	ln, err := serve.Listen(o.Listen, maxConns)
	if err != nil {
		return fmt.Errorf("exporter: cannot listen on %s: %w", o.Listen, err)
	}
	stats.conns = ln.Open
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{ErrorLog: slog.NewLogLogger(o.Logger.Handler(), slog.LevelError)}))
	mux.HandleFunc("/healthz", stats.health)
	srv := serve.NewServer(mux, ln)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	// Without --meetings nothing is known of the meetings yet: the poller
	// logs how many it found once it has listed them.
	meetings := "all live (listing them)"
	if len(o.Meetings) > 0 {
		meetings = strings.Join(o.Meetings, ",")
	}
	bound, exposed := serve.Bound(ln.Addr())
	o.Logger.Info("exporter listening", "addr", bound, "meetings", meetings,
		"budget", o.Budget.Status().Cap, "names", o.Names, "redact", o.Redact)
	if exposed {
		o.Logger.Warn("serving metrics without authentication beyond this machine: whoever reaches " + bound +
			" reads meeting IDs and QoS (with --names, people's names); listen on 127.0.0.1 or behind an authenticating proxy")
	}
	if err := o.Budget.Status().Err; err != nil {
		o.Logger.Warn("request budget counted in memory only", "err", err)
	}
	p := &poller{o: o, c: client, snap: snap, stats: stats, log: o.Logger, meetings: map[string]*tracked{}}
	pctx, stop := context.WithCancel(ctx)
	defer stop()
	var stopPush func()
	if p.push, stopPush, err = o.startPush(pctx, snap, stats, reg, client); err != nil {
		stop()
		srv.Close()
		return err
	}
	defer stopPush()
	if o.Ready != nil {
		o.Ready(ln.Addr().String())
	}
	polled := make(chan struct{})
	go func() { defer close(polled); p.run(pctx) }()

	select {
	case <-ctx.Done():
	case err = <-served:
	}
	stop()
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	serr := srv.Shutdown(shut)
	<-polled // every request the poller sends takes pctx
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("exporter: serving metrics: %w", err)
	}
	o.Logger.Info("exporter stopped")
	return serr
}

// health answers 200 while the exporter can do its job, and 503 with
// the reason when a failure needs a person (credentials, scopes, plan)
// or when no meeting has been polled successfully for a while (Zoom
// refusing or failing every poll), so a probe sees an exporter that
// exports nothing.
func (s *selfStats) health(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	err, since, stale, last := s.fatal, s.now().Sub(s.current), s.staleAfter, s.last
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err == nil && since > stale {
		why := "no answer yet"
		if last != nil {
			why = "last failure: " + last.Error()
		}
		err = fmt.Errorf("no meeting polled successfully for %s (more than %s): %s", since.Round(time.Second), stale, why)
	}
	if err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, err)
		return
	}
	fmt.Fprintln(w, "ok")
}
