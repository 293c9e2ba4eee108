package ui

import "charm.land/bubbles/v2/key"

// OverviewKeyMap is the overview's keys beyond the table's: what the
// media columns show, and which way the sort runs (s, the column, is the
// table's).
type OverviewKeyMap struct {
	Shown   key.Binding // latency, jitter, loss, bitrate in turn
	Reverse key.Binding
}

// DefaultOverviewKeyMap is qostop's overview keys.
func DefaultOverviewKeyMap() OverviewKeyMap {
	return OverviewKeyMap{
		Shown:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "lat/jit/loss/kbps")),
		Reverse: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "reverse sort")),
	}
}
