// Package feed holds one watched participant's data as an object of its
// own (k9s' idea: a live data object owns its refresh, views listen): the
// history, the event log, where the call stands (live, left, ended), the
// samples' cadence, and the one source that fills it. The watch panes, the
// chart screen and the event log screen are views of one Feed; opening
// another view sends no request and starts no chain. Views read the feed
// (History, Events, Who, Markers, Version); only the feed writes it. The
// meeting's markers (M) are one Marks shared by all its feeds (marks.go).
//
// # Sources
//
// Data enters a feed only through Feed.Take (a good answer: who the
// participant is and their samples) and Feed.Fail (a failed one), called
// by the feed's Source. A Source owns a poll.Chain, the state the status
// bar shows and the keys p, r, + and - act on, and turns the messages the
// app routes to that chain into Take and Fail. Zoom polls the Dashboard
// API on the chain's schedule; Push (push.go) takes Zoom's QSS events
// beside it. Others plug in without touching a view:
//
//   - A recording is replayed one step earlier (ui/replay): its Source
//     answers Zoom's questions as Zoom had by the replay clock's time,
//     and the clock is the screens' clock and timers, so the Zoom source
//     and the overview, which has no feed, replay alike. What a feed
//     learns besides samples reaches a Listener (listen.go): the flight
//     recorder.
//   - A push subscription (QSS), as Push does it: a command waits on the
//     socket for the next event (the Bubble Tea subscription pattern),
//     Update merges its samples and sends the next wait; a drop is logged
//     and subscribed again after a backoff, and each subscription is
//     followed by one poll of the Zoom chain beside it, which fills what
//     the socket missed. The chain stays, as a backstop.
//
// The views never learn which source they read.
package feed
