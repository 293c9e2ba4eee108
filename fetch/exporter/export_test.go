package exporter

import "time"

// WithIdle returns o with f called, with the time it waits until,
// whenever the exporter on an injected clock waits (the poller with
// nothing due, the client for its pace or a Retry-After): a test moves
// its clock only then, as the real one would move while it sleeps.
func WithIdle(o Options, f func(until time.Time)) Options {
	o.idle = f
	return o
}

// WithWebhookReady returns o with f called with the webhook's address
// once it listens.
func WithWebhookReady(o Options, f func(addr string)) Options {
	o.webhookReady = f
	return o
}
