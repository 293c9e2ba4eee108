package chrome

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// nbHyphen stands in for '-' while wrapping.
const nbHyphen = "\u2011"

// Wordwrap wraps s to width at spaces only. ansi.Wordwrap also breaks
// after every hyphen, which cut an error's advice "use --type past" into
// "use --" and "type past": a flag split over two lines reads wrong and
// cannot be copied.
func Wordwrap(s string, width int) string {
	return strings.ReplaceAll(ansi.Wordwrap(strings.ReplaceAll(s, "-", nbHyphen), width, " "), nbHyphen, "-")
}
