package exporter

// WithIdle returns o with f called whenever the poller, on an injected
// clock, waits with nothing due: a test moves its clock only then, as
// the real one would move while the exporter sleeps.
func WithIdle(o Options, f func()) Options {
	o.idle = f
	return o
}
