package ui

import (
	"strings"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// lineInput is the filter line: a prompt and text typed at its end.
// Bubbles' textinput would bring a clipboard dependency and a blinking
// cursor's timer messages for what needs only typing, backspace, ctrl+w
// (a word) and ctrl+u (everything).
type lineInput struct {
	value []rune
}

// update applies one key and reports whether it edited the text.
func (l *lineInput) update(msg tea.KeyMsg) bool {
	switch msg.Type {
	case tea.KeyRunes, tea.KeySpace:
		// Sanitize: a paste may carry escape sequences and newlines.
		l.value = append(l.value, []rune(model.Sanitize(string(msg.Runes)))...)
	case tea.KeyBackspace:
		if len(l.value) == 0 {
			return false
		}
		l.value = l.value[:len(l.value)-1]
	case tea.KeyCtrlW:
		s := strings.TrimRightFunc(string(l.value), unicode.IsSpace)
		i := strings.LastIndexFunc(s, unicode.IsSpace)
		l.value = []rune(s[:i+1])
	case tea.KeyCtrlU:
		l.value = nil
	default:
		return false
	}
	return true
}

func (l *lineInput) set(s string) { l.value = []rune(s) }

func (l lineInput) text() string { return string(l.value) }

// view is "/text", with a block for the cursor while typing, cut from
// the left to width so the end being typed stays in sight.
func (l lineInput) view(st theme.Styles, typing bool, width int) string {
	text := string(l.value)
	cur := ""
	if typing {
		cur = "█"
		if st.ASCII() {
			cur = "_"
		}
	}
	if over := ansi.StringWidth(text) + len(cur) + 1 - width; over > 0 {
		text = ansi.TruncateLeft(text, over, "")
	}
	return st.Key.Render("/") + st.Text.Render(text) + st.Muted.Render(cur)
}
