package ui

import (
	"math"
	"strconv"
	"strings"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// The overview's cells: how a roster member's readings read in a table.
// What they are and how they rank is model's (roster.go).

// readingText is "loss 8.5%" and the level's marker.
func readingText(r model.MediaReading) string {
	v := strconv.FormatFloat(math.Round(r.V.V*100)/100, 'f', -1, 64)
	return r.Judged.Short + " " + v + strings.TrimSpace(r.Judged.Unit) + theme.Marker(r.Level)
}
