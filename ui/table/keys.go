package table

import (
	"charm.land/bubbles/v2/key"
	"github.com/qostop/qostop/theme"
)

// KeyMap is the keys of the two table screens (the meeting list and
// the meeting overview) beyond the KeyMap every screen shares. As with
// the app's KeyMap, the help is generated from the bindings that Update
// dispatches on.
type KeyMap struct {
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

// DefaultKeyMap is qostop's table keys: arrows or vi keys, the arrows
// drawn as arrows.
func DefaultKeyMap() KeyMap { return NewKeyMap(theme.UnicodeGlyphs()) }

// NewKeyMap is the table keys with the arrows named as g names them
// ("up/k" with --ascii).
func NewKeyMap(g theme.Glyphs) KeyMap {
	return KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp(g.KeyUp+"/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp(g.KeyDown+"/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f", "space"), key.WithHelp("pgdn", "page down")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "bottom")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
	}
}
