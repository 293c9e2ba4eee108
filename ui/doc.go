// Package ui holds every Bubble Tea type of qostop: the root model, the
// screens, keys, messages and the commands that do IO. View is a pure
// function of state; IO happens only inside tea.Cmds. The widgets the
// screens draw with live in folders of their own (pane, table, chart,
// report) and never import this package.
package ui
