// Package ui holds every Bubble Tea type of qostop: the root model, the
// screens and panes, keys, messages and the commands that do IO. View is a
// pure function of state; IO happens only inside tea.Cmds.
package ui
