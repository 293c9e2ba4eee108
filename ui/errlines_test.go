package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/chrome"
)

// The error under the panes is whole where there are rows for it, and
// where it is cut it ends at a word with where to read the rest: at
// 100x30 it was cut at two lines mid-word ("try again after th…") with
// rows to spare, and said nothing of l.
func TestWatchErrorWholeOrSaysWhere(t *testing.T) {
	whole := "error: " + strings.TrimPrefix(quotaError().Error(), "fetch participant QoS: ")
	for _, size := range [][2]int{{60, 16}, {80, 24}, {100, 30}, {120, 40}, {200, 60}} {
		for _, help := range []bool{false, true} {
			name := fmt.Sprintf("%dx%d help=%v", size[0], size[1], help)
			src := &fakeSource{p: callParticipant(true)}
			h := newHarness(t, src, size[0], size[1])
			next := h.start()
			src.set(model.Participant{}, quotaError())
			h.poll(next)
			if help {
				h.key("?")
			}
			v := h.a.content()
			lines := strings.Split(v, "\n")
			start := -1
			for i, l := range lines {
				if strings.HasPrefix(l, "error: ") {
					start = i
				}
			}
			if start < 0 {
				t.Errorf("%s: no error line:\n%s", name, v)
				continue
			}
			end := start
			for end+1 < len(lines) && !strings.HasPrefix(lines[end+1], " newest") && !strings.HasPrefix(lines[end+1], "q quit") {
				end++
			}
			shown := flat(strings.Join(lines[start:end+1], " "))
			switch {
			case shown == whole:
			case strings.HasSuffix(shown, "… l: full text") &&
				strings.HasPrefix(whole, strings.TrimSuffix(shown, " … l: full text")+" "):
			default:
				t.Errorf("%s: the error is neither whole nor cut at a word with where to read it:\n%q", name, shown)
			}
			if size[1] >= 40 && shown != whole {
				t.Errorf("%s: rows to spare, but the error is cut:\n%s", name, v)
			}
		}
	}
}

// "? help" at the end of the bar keeps a blank before it at every width:
// at 60 columns it ran into the time ("next sample due 12:33:33? help").
func TestStatusHelpHintKeepsItsBlank(t *testing.T) {
	h := newHarness(t, &fakeSource{p: callParticipant(false)}, 60, 16)
	h.start()
	si := h.watch().status()
	si.HelpHint = true
	for w := 20; w <= 120; w++ {
		bar := chrome.StatusBar(si, h.a.c.ss, w)
		if i := strings.Index(bar, "? help"); i > 0 && bar[i-1] != ' ' {
			t.Errorf("at %d columns: %q", w, bar)
		}
	}
}
