// Package chrome is what is drawn around every screen: the header and
// its badge, the status bar and its segments, the help line and the full
// help's grid and legend, the error lines, the machine line, and the
// text fitting they share (wrapping at spaces, cutting with an
// ellipsis). It draws what it is given and keeps no state; it reads the
// polling chain (ui/poll) for the bar's words, and never imports ui.
package chrome
