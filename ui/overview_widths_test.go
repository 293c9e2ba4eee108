package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// wideReadings is one direction's readings, the same in every medium.
type wideReadings struct{ lat, jit, loss, kbps float64 }

// widePerson sends and receives readings of three, four and five digits,
// most past a threshold, so that every media cell carries its widest.
func widePerson(id, name string, send, recv wideReadings) model.Participant {
	streams := map[model.StreamKey]model.StreamStats{}
	for _, md := range model.Medias {
		for dir, r := range map[model.Direction]wideReadings{model.Send: send, model.Receive: recv} {
			streams[model.StreamKey{Media: md, Dir: dir}] = model.StreamStats{LatencyMS: model.Some(r.lat),
				JitterMS: model.Some(r.jit), AvgLossPct: model.Some(r.loss), BitrateKbps: model.Some(r.kbps)}
		}
	}
	return model.Participant{UserID: id, UserName: name, JoinTime: watchT0, Health: "Good",
		Samples: []model.Sample{{Time: watchT0.Add(39 * time.Minute), Streams: streams}}}
}

// A number in a media column is shown whole, with its marker, at every
// size and under every m, or its column is not shown at all: "↓22…" for
// 225 ms reads as 22 ms.
func TestOverviewMediaNumbersAreNeverCut(t *testing.T) {
	people := []model.Participant{
		widePerson("16778241", "Alice Chen", wideReadings{216, 35, 0.06, 1515}, wideReadings{1225, 1040, 12.5, 18340}),
		widePerson("16778242", "Bob Okafor", wideReadings{1003, 4, 5.25, 880}, wideReadings{98, 61, 0, 2450}),
	}
	// The cells as a reader must see them: send, then receive, each with
	// its level's marker (150:300 ms latency, 30:60 ms jitter, 1:5 % loss).
	want := map[string][2]string{ // title word -> each person's cell
		"lat":  {"↑216* ↓1225!", "↑1003! ↓98"},
		"jit":  {"↑35* ↓1040!", "↑4 ↓61!"},
		"loss": {"↑0.06 ↓12.5!", "↑5.25! ↓0"},
		"kbps": {"↑1515 ↓18340", "↑880 ↓2450"},
	}
	for _, sz := range [][2]int{{60, 16}, {80, 24}, {120, 40}, {139, 40}} { // the wide form: overview_wide_test.go
		src := newTableSource()
		src.setPeople(people)
		h, _ := newTableHarness(t, src, sz[0], sz[1], onBridge)
		for _, word := range []string{"lat", "jit", "loss", "kbps"} {
			t.Run(fmt.Sprintf("%dx%d_%s", sz[0], sz[1], word), func(t *testing.T) {
				lines := strings.Split(h.a.content(), "\n")
				title := -1
				for i, l := range lines {
					if strings.Contains(l, "participant") && strings.Contains(l, "worst now") {
						title = i
					}
				}
				if title < 0 {
					t.Fatalf("no table:\n%s", h.a.content())
				}
				shown := 0
				for _, md := range []string{"audio", "video", "share"} {
					if !strings.Contains(lines[title], md+" "+word) {
						continue // dropped whole
					}
					shown++
					for i, name := range []string{"Alice Chen", "Bob Okafor"} {
						row := ""
						for _, l := range lines[title+1:] {
							if strings.Contains(l, name) {
								row = l
							}
						}
						if cell := want[word][i]; strings.Count(row, cell) < shown {
							t.Errorf("%s's %s %s is not shown whole as %q:\n%s\n%s", name, md, word, cell, lines[title], row)
						}
					}
				}
				if shown == 0 {
					t.Errorf("no media column under %s:\n%s", word, lines[title])
				}
				if sz[0] >= 120 && shown != 3 {
					t.Errorf("at %d columns %d media columns, want all 3:\n%s", sz[0], shown, lines[title])
				}
			})
			h.press("m")
		}
	}
}

// The count line keeps whole parts, the least needed going first: the
// table's position stays, and nothing is cut mid-word ("1-18 o…").
func TestOverviewCountLineDropsWholeParts(t *testing.T) {
	var cast []castMember
	for i := range 42 {
		cast = append(cast, castMember{name: fmt.Sprintf("Person %02d", i), latencyMS: 50, lossPct: 0.1})
	}
	for _, width := range []int{60, 70, 80, 90, 100, 120} {
		src := newTableSource()
		src.setPeople(castOf(cast...))
		h, _ := newTableHarness(t, src, width, 24, onBridge)
		h.press("G")
		var line string
		for _, l := range strings.Split(h.a.content(), "\n") {
			if strings.HasPrefix(l, "42 participants") {
				line = l
			}
		}
		if !strings.HasSuffix(line, " of 42") || strings.Contains(line, "…") {
			t.Errorf("at %d columns the count line is %q, want whole parts ending in the position", width, line)
		}
		if width >= 100 && !strings.Contains(line, "5 req/refresh, 5 in last minute") {
			t.Errorf("at %d columns the cost went: %q", width, line)
		}
	}
}

// The worst cell names the peak loss as loss: "max" alone said nothing
// of what was at its maximum. It is shown whole at 80 columns.
func TestOverviewWorstCellSaysMaxLoss(t *testing.T) {
	p := castOf(castMember{name: "Alice Chen", latencyMS: 40, lossPct: 0.2})[0]
	k := model.StreamKey{Media: model.Audio, Dir: model.Send}
	last := &p.Samples[len(p.Samples)-1]
	st := last.Streams[k]
	st.MaxLossPct = model.Some(11.9)
	last.Streams[k] = st
	src := newTableSource()
	src.setPeople([]model.Participant{p})
	h, _ := newTableHarness(t, src, 80, 24, onBridge)
	if v := h.a.content(); !strings.Contains(v, "audio ↑ maxloss 11.9%!") {
		t.Errorf("the worst cell does not say the peak loss whole:\n%s", v)
	}
}

// Milliseconds and kbps from 10 up are whole in a cell, so a column
// reads alike down; loss keeps its hundredths.
func TestOverviewCellsRoundMillisecondsNotLoss(t *testing.T) {
	people := []model.Participant{
		widePerson("16778241", "Alice Chen", wideReadings{30.2, 3.5, 0.06, 24.5}, wideReadings{65, 12.6, 1.25, 1515.4}),
	}
	src := newTableSource()
	src.setPeople(people)
	h, _ := newTableHarness(t, src, 120, 40, onBridge)
	for _, want := range []string{"↑30 ↓65", "↑3.5 ↓13", "↑0.06 ↓1.25*", "↑25 ↓1515"} {
		if v := h.a.content(); !strings.Contains(v, want) {
			t.Errorf("the cells lack %q:\n%s", want, v)
		}
		h.press("m")
	}
}
