// Package poll is the polling chain, with no drawing: when to ask next
// (Zoom's minute, a fixed interval, the day's budget, a backoff, a rate
// limit's Retry-After), at most one request in flight, and the numbered
// ticks and answers (Envelope, TickMsg, Answer) by which the app routes
// each to its chain and drops the superseded. The screens start the
// fetches and draw what the chain says; this package imports no screen.
package poll
