package table

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// Input is the filter line: a prompt and text typed at its end.
// Bubbles' textinput would bring a clipboard dependency and a blinking
// cursor's timer messages for what needs only typing, backspace, ctrl+w
// (a word) and ctrl+u (everything).
type Input struct {
	value []rune
}

// Update applies one key and reports whether it edited the text.
func (l *Input) Update(msg tea.KeyPressMsg) bool {
	switch msg.String() {
	case "backspace":
		if len(l.value) == 0 {
			return false
		}
		l.value = l.value[:len(l.value)-1]
	case "ctrl+w":
		s := strings.TrimRightFunc(string(l.value), unicode.IsSpace)
		i := strings.LastIndexFunc(s, unicode.IsSpace)
		l.value = []rune(s[:i+1])
	case "ctrl+u":
		l.value = nil
	default:
		// Text, not a key with a modifier; Sanitize, since text may carry
		// escape sequences and newlines.
		if msg.Text == "" || msg.Mod&^tea.ModShift != 0 {
			return false
		}
		l.value = append(l.value, []rune(model.Sanitize(msg.Text))...)
	}
	return true
}

// Set replaces the text.
func (l *Input) Set(s string) { l.value = []rune(s) }

// Text is the text typed so far.
func (l Input) Text() string { return string(l.value) }

// View is "/text", with a block for the cursor while typing, cut from
// the left to width so the end being typed stays in sight.
func (l Input) View(st theme.Styles, typing bool, width int) string {
	text := string(l.value)
	cur := ""
	if typing {
		cur = st.Glyphs().Caret
	}
	if over := ansi.StringWidth(text) + len(cur) + 1 - width; over > 0 {
		text = ansi.TruncateLeft(text, over, "")
	}
	return st.Key.Render("/") + st.Text.Render(text) + st.Muted.Render(cur)
}
