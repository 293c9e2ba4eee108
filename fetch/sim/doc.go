// Package sim is a simulator of Zoom's Dashboard QoS API: a real HTTP
// server that issues Server-to-Server OAuth tokens and answers the four
// metrics endpoints qostop polls, in Zoom's own wire format (strings with
// units, "" for missing readings, stream objects left out when a stream
// carries nothing).
//
// It writes its own wire structs and imports neither the fetch client nor
// the model package on purpose: the client is tested against this server,
// and two independent readings of Zoom's payloads catch more mistakes than
// one shared set of structs would.
//
// Everything it serves is a pure function of Options.Seed, the clock and the
// sample index, so a test with an injected clock gets identical bytes on
// every run, and a client polling the same minute twice sees the same
// values, as it would from Zoom. The cast (meetings, participants and what
// each of them does) is fixed; only the numbers vary with the seed.
package sim
