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
