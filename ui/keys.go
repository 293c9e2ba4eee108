package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/qostop/qostop/theme"
)

// KeyMap is every key the UI answers to. It implements help.KeyMap, so
// the help line and the full help (?) are generated from the same
// bindings that Update dispatches on and cannot drift apart.
type KeyMap struct {
	Quit        key.Binding
	Help        key.Binding
	Pause       key.Binding
	Refresh     key.Binding
	SlowerPoll  key.Binding // longer interval
	FasterPoll  key.Binding // shorter interval
	ShorterSpan key.Binding // shorter history window
	LongerSpan  key.Binding // longer history window
	WholeCall   key.Binding // the window that shows the whole call, and back to the fitted one
	NextPane    key.Binding
	PrevPane    key.Binding
	Expand      key.Binding // the focused pane's medium as charts
	Back        key.Binding
	Theme       key.Binding
	Redact      key.Binding // hide names and addresses, for screen sharing
	Log         key.Binding // the watch screen's event log, every line whole
	NextPerson  key.Binding // the watch screen: the next participant in the overview's order
	PrevPerson  key.Binding
	WorstPerson key.Binding // the one ranked worst now, whatever the overview's sort
	Copy        key.Binding // the screen as snapshot table text, to the clipboard (OSC 52)
	Earlier     key.Binding // chart screen: scroll back in time
	Later       key.Binding // chart screen: scroll forward
	Live        key.Binding // chart screen: back to the newest data
	ZoomIn      key.Binding // chart screen: a shorter span (the keys of ShorterSpan)
	ZoomOut     key.Binding // chart screen: a longer span (the keys of LongerSpan)
	NextChart   key.Binding // chart screen: the next metric's chart
	PrevChart   key.Binding // chart screen: the previous metric's chart
	Cursor      key.Binding // chart screen: show or hide the cursor that reads one time
	FarEarlier  key.Binding // chart screen: the cursor a tenth of the view back (else as Earlier)
	FarLater    key.Binding // chart screen: the cursor a tenth of the view on (else as Later)
	Mark        key.Binding // a marker now, with a note: on every chart, in the log, the recording, the report
}

// DefaultKeyMap is qostop's key map.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Quit:        key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Pause:       key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pause")),
		Refresh:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh")),
		SlowerPoll:  key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "poll less often")),
		FasterPoll:  key.NewBinding(key.WithKeys("-", "_"), key.WithHelp("-", "poll more often")),
		ShorterSpan: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "shorter window")),
		LongerSpan:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "longer window")),
		WholeCall:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "whole call")),
		NextPane:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("S-tab", "previous pane")),
		Expand:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "charts")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Theme:       key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "theme")),
		Redact:      key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "redact names")),
		Log:         key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "event log")),
		NextPerson:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next person")),
		PrevPerson:  key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous person")),
		WorstPerson: key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "worst person")),
		Copy:        key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy as text")),
		Earlier:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "earlier")),
		Later:       key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "later")),
		Live:        key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end", "live")),
		ZoomIn:      key.NewBinding(key.WithKeys("["), key.WithHelp("[", "zoom in")),
		ZoomOut:     key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "zoom out")),
		NextChart:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "next chart")),
		PrevChart:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", "previous chart")),
		Cursor:      key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "cursor")),
		FarEarlier:  key.NewBinding(key.WithKeys("shift+left", "H"), key.WithHelp("S-←", "far earlier")),
		FarLater:    key.NewBinding(key.WithKeys("shift+right", "L"), key.WithHelp("S-→", "far later")),
		Mark:        key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "marker")),
	}
}

// ShortHelp is the one-line help: the keys a newcomer needs first.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Quit, k.Pause, k.Refresh, k.NextPane, k.Expand, k.Help}
}

// FullHelp is the help that ? shows, in columns of four so it fits 80
// columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Quit, k.Help, k.Pause, k.Refresh},
		{k.SlowerPoll, k.FasterPoll, k.ShorterSpan, k.LongerSpan},
		{k.NextPane, k.PrevPane, k.Expand, k.Back},
		{k.Theme, k.Redact, k.Log, k.WholeCall},
		{k.NextPerson, k.PrevPerson, k.WorstPerson, k.Copy},
		{k.Mark},
	}
}

// nameArrows names the arrow keys in the help as g does: words with
// --ascii.
func (k *KeyMap) nameArrows(g theme.Glyphs) {
	k.Earlier.SetHelp(g.KeyLeft, k.Earlier.Help().Desc)
	k.Later.SetHelp(g.KeyRight, k.Later.Help().Desc)
	k.NextChart.SetHelp(g.KeyDown, k.NextChart.Help().Desc)
	k.PrevChart.SetHelp(g.KeyUp, k.PrevChart.Help().Desc)
	k.FarEarlier.SetHelp("S-"+g.KeyLeft, k.FarEarlier.Help().Desc)
	k.FarLater.SetHelp("S-"+g.KeyRight, k.FarLater.Help().Desc)
}

// showAllHelp shows or hides the full help, and says which ? does.
func showAllHelp(h *help.Model, keys *KeyMap, show bool) {
	h.ShowAll = show
	keys.Help.SetHelp("?", map[bool]string{false: "more keys", true: "fewer keys"}[show])
}
