package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/qostop/qostop/ui/chrome"
)

// helpLineMemo keeps a screen's short help line: it changes with the
// width, the bindings and the styles, not with the data, yet the watch
// screen draws it again on every new sample, a lipgloss render per key.
// forget after a change of styles.
type helpLineMemo struct {
	key, line string
}

// short is chrome.ShortHelp, drawn again only when the width or the
// bindings (keys, words, enabled) differ from last time's.
func (c *helpLineMemo) short(h help.Model, bs []key.Binding, width int) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(width))
	for _, k := range bs {
		hk := k.Help()
		b.WriteByte(0)
		b.WriteString(hk.Key)
		b.WriteByte(1)
		b.WriteString(hk.Desc)
		if k.Enabled() {
			b.WriteByte(2)
		}
	}
	if sig := b.String(); sig != c.key || c.key == "" {
		c.key, c.line = sig, chrome.ShortHelp(h, bs, width)
	}
	return c.line
}

func (c *helpLineMemo) forget() { *c = helpLineMemo{} }
