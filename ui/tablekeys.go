package ui

import "charm.land/bubbles/v2/key"

// TableKeyMap is the keys of the two table screens (the meeting list and
// the meeting overview) beyond the KeyMap every screen shares. As with
// KeyMap, the help is generated from the bindings that Update dispatches
// on.
type TableKeyMap struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Open     key.Binding // the meeting's overview, or the participant's watch screen
	Filter   key.Binding
	Sort     key.Binding // the overview only
}

// DefaultTableKeyMap is qostop's table keys: arrows or vi keys.
func DefaultTableKeyMap() TableKeyMap {
	return TableKeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f", "space"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "bottom")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
	}
}

// tableHelp is one table screen's help: the one line and the full help
// that ? shows, in four columns so it fits 80. Sort and back are left out
// where they do nothing.
func tableHelp(k KeyMap, t TableKeyMap, sortable, back bool) (short []key.Binding, full [][]key.Binding) {
	short = []key.Binding{k.Quit, t.Open, t.Filter}
	nav := []key.Binding{t.Open, t.Filter}
	if sortable {
		short = append(short, t.Sort)
		nav = append(nav, t.Sort)
	}
	short = append(short, k.Refresh)
	if back {
		short = append(short, k.Back)
		nav = append(nav, k.Back)
	}
	short = append(short, k.Help)
	full = [][]key.Binding{
		{k.Quit, k.Help, k.Pause, k.Refresh, k.Theme},
		{t.Up, t.Down, t.PageUp, t.PageDown},
		{t.Top, t.Bottom, k.SlowerPoll, k.FasterPoll},
		append(nav, k.Redact),
	}
	return short, full
}
