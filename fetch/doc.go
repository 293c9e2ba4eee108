// Package fetch is qostop's edge to Zoom: Server-to-Server OAuth, the
// Dashboard QoS endpoints, Zoom's JSON turned into model types, rate limits,
// and errors an on-call engineer can act on. It does IO and nothing else:
// no UI, no decisions about quality (those live in model).
//
// A Client is safe for concurrent use. Every call takes a context, sends at
// most a bounded number of requests, and returns model values or an
// *APIError that callers inspect with errors.As.
package fetch
