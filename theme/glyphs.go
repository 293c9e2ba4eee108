package theme

import "charm.land/lipgloss/v2"

// Glyphs are the characters the UI draws besides text: one set for
// terminals with Unicode fonts, one of plain ASCII (--ascii). This is the
// one place that decides which character --ascii gets.
type Glyphs struct {
	Crumb    string // between breadcrumbs: " › "
	Sep      string // between items of a line: " · "
	Column   string // between a pane's send and receive columns: " │ "
	Rule     string // a title rule's line: "─"
	Dash     string // a dash in a sentence: "—"
	Ellipsis string // the tail of cut text: "…"
	Dots     string // something under way: "…"
	Cursor   string // the table's selected row: "▸ "
	Caret    string // where the filter is typed: "█"
	Up, Down string // send and receive in a table cell: "↑", "↓"
	// ScaleTop goes before the top of a sparkline's scale: a word, not
	// "≤", which beside "412ms!" read as a limit ("top 500ms").
	ScaleTop string
	Worse    string // before a row worse since the user last looked: "▲ "
	// Absent fills a sparkline column of time before the participant
	// joined: they were not there, which is not a gap (no sample while
	// they were). Not in the Spark ramp, nor a level marker.
	Absent string
	// Joined and Left mark the join and the leave on a time axis.
	Joined, Left string
	// Marker marks a marker the user dropped (M) on a time axis.
	Marker string
	// The arrow keys as the help names them: "↑", or "up" in ASCII.
	KeyUp, KeyDown, KeyLeft, KeyRight string
	// Spark climbs from the baseline to a full cell. The ASCII ramp stops
	// short of '*' and '!', the level markers.
	Spark  []string
	Border lipgloss.Border
}

// The two sets, built once: Glyphs hands them out per call.
var unicodeGlyphs, asciiGlyphs = UnicodeGlyphs(), ASCIIGlyphs()

// UnicodeGlyphs are box drawing, block elements and typographic marks.
func UnicodeGlyphs() Glyphs {
	return Glyphs{Crumb: " › ", Sep: " · ", Column: " │ ", Rule: "─", Dash: "—", Ellipsis: "…", Dots: "…",
		Cursor: "▸ ", Caret: "█", Up: "↑", Down: "↓", ScaleTop: "top ", Worse: "▲ ",
		Absent: "·", Joined: "▲", Left: "▼", Marker: "◆",
		KeyUp: "↑", KeyDown: "↓", KeyLeft: "←", KeyRight: "→", Spark: []string{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"},
		Border: lipgloss.RoundedBorder()}
}

// ASCIIGlyphs draw with printable ASCII only, for fonts without the rest.
func ASCIIGlyphs() Glyphs {
	return Glyphs{Crumb: " > ", Sep: " | ", Column: " | ", Rule: "-", Dash: "-", Ellipsis: "~", Dots: "...",
		Cursor: "> ", Caret: "_", Up: "^", Down: "v", ScaleTop: "top ", Worse: "+ ",
		Absent: ":", Joined: "^", Left: "v", Marker: "M",
		KeyUp: "up", KeyDown: "down", KeyLeft: "left", KeyRight: "right", Spark: []string{"_", ".", "-", "=", "^", "#"},
		Border: lipgloss.ASCIIBorder()}
}
