package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// titleStarts is where each column title of the overview starts.
func titleStarts(t *testing.T, h *harness, titles []string) []int {
	t.Helper()
	for _, l := range strings.Split(h.a.content(), "\n") {
		if strings.Contains(l, "participant") && strings.Contains(l, "worst now") {
			var at []int
			for _, title := range titles {
				at = append(at, strings.Index(l, title))
			}
			return at
		}
	}
	t.Fatalf("no title line:\n%s", h.a.content())
	return nil
}

// The columns keep still across polls: a reading that widened a column
// for one poll keeps it wide for a minute, rather than the names
// shrinking and growing back under the reader's eye (issue 17: 22 -> 21
// -> 16 characters).
func TestOverviewColumnsKeepStill(t *testing.T) {
	for width, titles := range map[int][]string{
		100: {"worst now", "audio", "video", "share"},
		160: {"worst now", "latency ms", "jitter ms", "loss %", "est. MOS", "worst reading"}, // the wide form
	} {
		t.Run(strconv.Itoa(width), func(t *testing.T) { columnsKeepStill(t, width, titles) })
	}
}

func columnsKeepStill(t *testing.T, width int, titles []string) {
	src := newTableSource()
	calm := castOf(castMember{name: "Bob Okafor", latencyMS: 40, lossPct: 0.1}, castMember{name: "Ann Low", latencyMS: 60, lossPct: 0.1})
	spike := castOf(castMember{name: "Bob Okafor", latencyMS: 1234, lossPct: 0.1}, castMember{name: "Ann Low", latencyMS: 60, lossPct: 0.1})
	src.setPeople(calm)
	h, _ := newTableHarness(t, src, width, 30, onBridge)
	first := titleStarts(t, h, titles)
	for i := range 3 { // three polls of an unchanged meeting
		h.clock.set(h.clock.Now().Add(10 * time.Second))
		h.press("r")
		if got := titleStarts(t, h, titles); !slices.Equal(got, first) {
			t.Fatalf("poll %d of the same meeting moved the columns: %v, then %v", i+1, first, got)
		}
	}
	src.setPeople(spike)
	h.press("r")
	wide := titleStarts(t, h, titles)
	if slices.Equal(wide, first) {
		t.Fatalf("a 1234 ms reading did not widen anything: %v\n%s", wide, h.a.content())
	}
	src.setPeople(calm)
	h.clock.set(h.clock.Now().Add(20 * time.Second))
	h.press("r")
	if got := titleStarts(t, h, titles); !slices.Equal(got, wide) {
		t.Errorf("the columns shrank back within a minute: %v, then %v", wide, got)
	}
	h.clock.set(h.clock.Now().Add(2 * time.Minute))
	h.press("r")
	if got := titleStarts(t, h, titles); !slices.Equal(got, first) {
		t.Errorf("a minute on, the columns are not back: %v, want %v", got, first)
	}
}

// No ID is cut at 80, 100, 120 columns, nor in the wide form: a hidden name's user ID is
// whole ("(hidden)" gives way first), and people of one name are told
// apart by the end of theirs.
func TestOverviewNeverCutsAnID(t *testing.T) {
	cast := castOf(castMember{name: "Alex Kim", latencyMS: 40}, castMember{name: "Alex Kim", latencyMS: 50},
		castMember{name: "Alex Kim", latencyMS: 60}, castMember{name: "", latencyMS: 70},
		castMember{name: "Maximiliana Featherstonehaugh-Cholmondeley", latencyMS: 80})
	cast[3].UserID = "16778243-ab12cd34ef"
	src := newTableSource()
	src.setPeople(cast)
	for _, width := range []int{80, 100, 120, 140, 200} {
		h, _ := newTableHarness(t, src, width, 30, onBridge)
		v := h.a.content()
		for _, want := range []string{"16778243-ab12cd34ef", "Alex Kim #8241", "Alex Kim #8242", "Alex Kim #8243", "Maximiliana"} {
			if !strings.Contains(v, want) {
				t.Errorf("%d columns: %q is not whole on screen:\n%s", width, want, v)
			}
		}
	}
}
