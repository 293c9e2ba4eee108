package model

import (
	"slices"
	"time"
)

// Choices are what a user last chose on the screens, kept between runs
// (per profile, in the state directory): the theme (t), the watch
// screen's window ([ and ]) and the overview's order and reading (s, S,
// m). Zero fields are "nothing chosen".
type Choices struct {
	Theme  string        `json:"theme,omitempty"`
	Window time.Duration `json:"window,omitempty"`
	Sort   Sort          `json:"sort"`
}

// Valid is c without what qostop does not offer: a file written by
// another version, or edited by hand, cannot set a window that is not a
// step of [ and ], or a sort column that does not exist. Theme names are
// the theme package's to check.
func (c Choices) Valid() Choices {
	if !slices.Contains(WindowSteps, c.Window) {
		c.Window = 0
	}
	if c.Sort.Column < 0 || c.Sort.Column >= NumSortColumns || c.Sort.Shown < 0 || c.Sort.Shown >= NumShown {
		c.Sort = Sort{}
	}
	return c
}
