package exporter

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/qostop/qostop/fetch/qss"
	"github.com/qostop/qostop/fetch/serve"
	"github.com/qostop/qostop/fetch/settings"
)

// EnvWebhookSecret holds the webhook app's secret token when
// --webhook-secret-command does not give it.
const EnvWebhookSecret = "ZOOM_WEBHOOK_SECRET"

// webhookConns caps the webhook server's connections: Zoom posts one
// event at a time per connection, and keeps a few open.
const webhookConns = 256

// secretTimeout bounds --webhook-secret-command, as client_secret_command.
const secretTimeout = settings.DefaultSecretTimeout

// checkPush makes the webhook secret's source from
// --webhook-secret-command or the environment.
func (o *Options) checkPush() error {
	if o.WebhookListen == "" || o.WebhookSecret != nil {
		return nil
	}
	if o.webhookCommand != "" {
		src, err := settings.CommandSecret(o.webhookCommand, "--webhook-secret-command", secretTimeout)
		if err != nil {
			return fmt.Errorf("exporter: %w", err)
		}
		o.WebhookSecret = src
		return nil
	}
	o.WebhookSecret = envSecret(EnvWebhookSecret)
	return nil
}

// envSecret reads the secret from an environment variable.
type envSecret string

func (e envSecret) Secret(context.Context) (string, error) {
	if s := os.Getenv(string(e)); s != "" {
		return s, nil
	}
	return "", fmt.Errorf("--webhook-listen needs the webhook's secret token (Zoom's app, Feature, Secret Token): set $%s or --webhook-secret-command", string(e))
}

// startPush starts the webhook receiver --webhook-listen asks for and
// the WebSocket subscription --push qss does, and returns the push state
// (nil without either) and what stops them.
func (o Options) startPush(ctx context.Context, snap *snapshot, stats *selfStats, reg *prometheus.Registry, api qss.API) (*pushIn, func(), error) {
	var sources []string
	if o.WebhookListen != "" {
		sources = append(sources, sourceWebhook)
	}
	if o.Subscription != "" {
		sources = append(sources, sourceWebSocket)
	}
	if len(sources) == 0 {
		return nil, func() {}, nil
	}
	x := newPushIn(snap, stats, o.Logger, sources)
	reg.MustRegister(pushCollector{x: x, now: o.Now})
	stopHook := func() {}
	if o.WebhookListen != "" {
		var err error
		if stopHook, err = o.serveWebhook(ctx, x); err != nil {
			return nil, nil, err
		}
	}
	if o.Subscription == "" {
		return x, stopHook, nil
	}
	sctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	s := socket{x: x, api: api, subscription: o.Subscription, now: o.Now, sleep: sleepCtx}
	go func() { defer close(done); s.run(sctx) }()
	return x, func() { cancel(); <-done; stopHook() }, nil
}

// serveWebhook reads the secret once, listens on --webhook-listen and
// consumes what arrives.
func (o Options) serveWebhook(ctx context.Context, x *pushIn) (func(), error) {
	sctx, cancel := context.WithTimeout(ctx, secretTimeout+time.Second)
	secret, err := o.WebhookSecret.Secret(sctx)
	cancel()
	if err != nil {
		return nil, fmt.Errorf("exporter: %w", err) // the source's words, never the secret
	}
	addr := webhookAddr(o.WebhookListen)
	ln, err := serve.Listen(addr, webhookConns)
	if err != nil {
		return nil, fmt.Errorf("exporter: cannot listen for webhooks on %s: %w", addr, err)
	}
	hook := qss.NewWebhook(secret, o.Now, 0)
	x.hook = hook
	srv := serve.NewServer(hook, ln)
	served := make(chan struct{})
	go func() { defer close(served); srv.Serve(ln) }()
	consumed := make(chan struct{})
	cctx, stopConsuming := context.WithCancel(ctx)
	go func() { defer close(consumed); x.webhook(cctx, hook) }()
	bound, exposed := serve.Bound(ln.Addr())
	o.Logger.Info("webhook listening", "addr", bound)
	if exposed {
		o.Logger.Warn("receiving webhooks beyond this machine on " + bound + ": Zoom posts only to https, so the usual way is " +
			"a TLS proxy in front and this on 127.0.0.1; every request's signature is checked either way")
	}
	if o.webhookReady != nil {
		o.webhookReady(ln.Addr().String())
	}
	return func() {
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shut); err != nil && !errors.Is(err, http.ErrServerClosed) {
			srv.Close()
		}
		<-served
		stopConsuming()
		<-consumed
	}, nil
}

// webhookAddr is a bare port on loopback: the webhook is meant to sit
// behind the TLS proxy Zoom posts to.
func webhookAddr(a string) string {
	if !strings.Contains(a, ":") {
		return net.JoinHostPort("127.0.0.1", a)
	}
	return a
}
