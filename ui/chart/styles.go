package chart

import "charm.land/lipgloss/v2"

// Styles are the chart's colours and attributes. The app fills them from
// its theme; the zero value draws plain text. Nothing here is needed to
// read the chart: send and receive are separate panels, thresholds have
// their own glyphs, and the legend names them.
type Styles struct {
	Title    lipgloss.Style // the metric and direction heading a panel
	Value    lipgloss.Style // the numbers in the title
	Muted    lipgloss.Style // legend and notes such as "no readings in view"
	Axis     lipgloss.Style // axis lines and tick marks
	Label    lipgloss.Style // tick labels
	Send     lipgloss.Style // the send panel's line
	Receive  lipgloss.Style // the receive panel's line
	Warn     lipgloss.Style // the warn threshold line
	Critical lipgloss.Style // the critical threshold line
	Cursor   lipgloss.Style // the cursor's line and the time it reads in the titles
	Marker   lipgloss.Style // a marker's line, its glyph and its note at the cursor
}

// glyphs are the runes the chart adds to what ntcharts draws: threshold
// lines and tick marks. The ASCII set keeps to printable ASCII for
// terminals and fonts without box drawing or braille.
type glyphs struct {
	warn, crit   rune // threshold lines
	xTick, yTick rune // where a label meets its axis
	// The cursor's line, where it meets the x axis, and where it meets
	// the axis at a label's tick.
	cursor, cursorAxis, cursorTick rune
	// The participant's join and leave on the x axis, as the watch
	// screen's time axis marks them (theme.Glyphs.Joined and Left).
	joined, left rune
	// A marker (M): its dashed line through the graph, its glyph on the
	// x axis (theme.Glyphs.Marker).
	markerLine, marker rune
}

// The cursor is dashed, unlike the y axis, so the two never read alike.
var (
	unicodeGlyphs = glyphs{warn: '╌', crit: '━', xTick: '┬', yTick: '┤', cursor: '┊', cursorAxis: '┴', cursorTick: '┼',
		joined: '▲', left: '▼', markerLine: '╎', marker: '◆'}
	asciiGlyphs = glyphs{warn: '~', crit: '=', xTick: '+', yTick: '+', cursor: '|', cursorAxis: '+', cursorTick: '+',
		joined: '^', left: 'v', markerLine: ':', marker: 'M'}
)
