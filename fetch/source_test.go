package fetch_test

import (
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/ui"
)

// The UI polls through ui.Source; checked here because ui imports fetch.
var _ ui.Source = (*fetch.Client)(nil)
