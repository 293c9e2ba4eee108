package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/ui/chrome"
)

// The smallest terminal any screen draws in: a tmux split or a corner of
// the screen. There the screens are reduced (the overview's first rows,
// the watch screen's first compact panes); below it a refusal.
const (
	minWidth  = 40
	minHeight = 10
)

// The smallest terminal the watch screen draws whole in: three compact
// panes (four rows each), a header line and the status bar, 60 columns
// wide. Smaller, it shows the panes that fit whole (reducedLayout).
const (
	fullWidth  = 60
	fullHeight = 16
)

// layoutIn is what the layout depends on: the terminal, how many rows each
// part wants, and which optional parts are on.
type layoutIn struct {
	width, height int
	headerLines   int    // lines renderHeader produced (1 to 3)
	full, compact [3]int // each pane's outer height, full and compact
	helpRows      int    // rows of the full help when shown, else 0
	helpKeys      int    // of which the keys' grid, the part that must be whole
	errRows       int    // rows the error text wants (0 when no error)
	axis          bool   // there is data: a time axis under the panes
}

// layout is how many rows each part of the screen gets. Every row of the
// terminal is accounted for: header + panes + sys + events + err + help
// + 1 (status bar) == height, unless tooSmall.
type layout struct {
	tooSmall bool
	header   int
	panes    [3]int // outer heights; 0 hides a pane
	axis     int    // the time axis under the panes
	sys      int
	events   int // the event log, or the full help when helpRows > 0
	err      int
	help     int // the one-line help
}

// tooSmallText is the whole screen when the terminal is below the
// minimum, wrapped to the width and cut to the height, so that what it
// asks for is read whole ("need 60x16, have 40x" was cut at 40 columns).
func tooSmallText(width, height int) string {
	text := fmt.Sprintf("terminal too small: need %dx%d, have %dx%d", minWidth, minHeight, width, height)
	if len(text) > width { // the need and the have on a line of their own
		text = strings.Replace(text, ": ", ":\n", 1)
	}
	var lines []string
	for _, part := range strings.Split(text, "\n") {
		lines = append(lines, strings.Split(chrome.Wordwrap(part, max(width, 1)), "\n")...)
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, max(width, 0), "")
	}
	return strings.Join(lines[:min(len(lines), max(height, 1))], "\n")
}

// computeLayout shares the rows out in order of importance, so every size
// from the minimum up is usable and nothing is ever cut mid-pane:
//
//  1. the status bar, then every pane in its compact form (one line per
//     stream), so all three media are always on screen;
//  2. one row each for the header, the error (if any), the event log (or
//     the full help, after the error's rest), the machine line, the help
//     line and the time axis;
//  3. the rest of the header;
//  4. panes grow to their full form (a sparkline per metric), audio
//     first, then video, then screen share, each only if it fits whole;
//  5. up to three event rows, then a second row for the error: so an
//     error appearing does not reshape the panes when the screen is tight;
//  6. whatever is left lengthens the event log.
//
// At 120x40 this gives every pane in full and a nine-row event log; at
// 80x24 audio in full, video and share compact, three event rows (two
// while an error shows). Below fullWidth x fullHeight, reducedLayout.
func computeLayout(in layoutIn) layout {
	rem := in.height - 1 // the status bar
	switch small := in.width < fullWidth || in.height < fullHeight; {
	case in.width < minWidth || in.height < minHeight:
		return layout{tooSmall: true}
	case small && in.helpRows > 0:
		return helpInPanes(in, rem)
	case small:
		return reducedLayout(in, rem)
	}
	return fullLayout(in, rem)
}

// fullLayout is computeLayout from fullWidth x fullHeight up; rem rows
// are left above the status bar.
func fullLayout(in layoutIn, rem int) layout {
	var l layout
	take := taker(&rem)
	sum := in.compact[0] + in.compact[1] + in.compact[2]
	if sum > rem {
		// Only a participant on several paths at once (client and room
		// connector) gets here near the minimum size: squeeze every pane
		// in proportion, and the panes cut what does not fit.
		left := rem
		for i := range l.panes {
			l.panes[i] = in.compact[i] * rem / sum
			left -= l.panes[i]
		}
		l.panes[0] += left
		return l
	}
	if in.helpKeys > 0 && rem-sum-1-min(in.errRows, 1) < in.helpKeys {
		return helpInPanes(in, rem)
	}
	rem -= sum
	l.panes = in.compact

	l.header = take(1)
	if in.errRows > 0 {
		l.err = take(1)
	}
	if in.helpRows > 0 {
		// The help and the error are both text to read: the error's
		// rest before the help's, which may take the panes' detail.
		l.err += take(in.errRows - l.err)
		l.events = take(in.helpRows)
	} else {
		l.events = take(1)
	}
	l.sys = take(1)
	if in.helpRows == 0 {
		l.help = take(1)
	}
	if in.axis {
		l.axis = take(1)
	}
	l.header += take(in.headerLines - 1)
	for i := range l.panes {
		if grow := in.full[i] - in.compact[i]; grow > 0 && grow <= rem {
			l.panes[i] += take(grow)
		}
	}
	l.events += take(3 - l.events)
	l.err += take(in.errRows - l.err)
	l.events += take(rem)
	return l
}

// reducedLayout is the layout below fullWidth x fullHeight: one header
// line, then the compact panes that fit whole, audio first (at 40x10,
// audio and video), the error's line when there is one, and what is left
// to the help line and the event log. rem rows are left above the bar.
func reducedLayout(in layoutIn, rem int) layout {
	var l layout
	take := taker(&rem)
	l.header = take(1)
	if in.errRows > 0 {
		l.err = take(1)
	}
	for i := range l.panes {
		if in.compact[i] > rem { // never a later pane without the one before it
			if i == 0 {
				l.panes[0] = take(rem) // a participant on several paths: audio, cut
			}
			break
		}
		l.panes[i] = take(in.compact[i])
	}
	l.help = take(1)
	l.events = take(rem)
	return l
}

// helpInPanes is the layout when the full help's keys do not fit beside
// the compact panes (60x16): the help takes the panes' place until ?
// closes it, so every key is listed; rem rows are left above the bar.
func helpInPanes(in layoutIn, rem int) layout {
	var l layout
	take := taker(&rem)
	l.header = take(1)
	if in.errRows > 0 {
		l.err = take(1)
	}
	l.events = take(in.helpRows)
	l.header += take(in.headerLines - 1)
	l.err += take(in.errRows - l.err)
	l.events += take(rem)
	return l
}

// rows is the number of rows the layout fills, for tests.
func (l layout) rows() int {
	return l.header + l.panes[0] + l.panes[1] + l.panes[2] + l.axis + l.sys + l.events + l.err + l.help + 1
}

// taker hands out rows from *rem: as many as asked while any are left,
// and never fewer than none.
func taker(rem *int) func(n int) int {
	return func(n int) int {
		n = max(0, min(n, *rem))
		*rem -= n
		return n
	}
}
