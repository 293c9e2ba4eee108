// Package ui is the app: the root model (a stack of screens over one
// common context), the screen contract, the program's settings and keys,
// and the screens themselves (meeting list, overview, watch, charts,
// event log). View is a pure function of state; IO happens only inside
// tea.Cmds.
//
// The layers below it live in folders of their own and never import it:
// ui/poll is the polling chain (when to ask, one request in flight, the
// routing of ticks and answers), ui/chrome the frame drawn around every
// screen (header, status bar, help, error lines), and ui/pane, ui/chart,
// ui/table and ui/report the widgets and the printed snapshot.
package ui
