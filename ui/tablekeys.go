package ui

import (
	"charm.land/bubbles/v2/key"
	"github.com/qostop/qostop/ui/table"
)

// tableHelp is one table screen's help: the one line and the full help
// that ? shows, in four columns so it fits 80. Sort and back are left out
// where they do nothing.
func tableHelp(k KeyMap, t table.KeyMap, sortable, back bool) (short []key.Binding, full [][]key.Binding) {
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
		append(nav, k.Redact, k.Copy),
	}
	return short, full
}
