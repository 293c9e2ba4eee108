package pane

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
)

// lossyCall is a call whose newest readings are as wide as they get:
// three-digit latency and two-digit jitter and loss, each with a marker.
func lossyCall() []model.Sample {
	s := paneFixture(30, everyStream...)
	for k, st := range s[len(s)-1].Streams {
		st.LatencyMS, st.JitterMS, st.AvgLossPct, st.MaxLossPct = ms(845), ms(61), ms(12.5), ms(45.5)
		s[len(s)-1].Streams[k] = st
	}
	return s
}

// compactTokens are the readings a compact line can show: a labelled one
// ("lat 85ms!", "max 0.7%"), a bitrate, a frame rate or a resolution.
var compactTokens = regexp.MustCompile(`(lat|jit|loss|max) \S+|\S+(kbps|Mbps|fps)|\d+x\d+`)

// wholeEnd is how the last word of a compact line may end: a unit with or
// without its marker, a resolution, an absent reading, or a time.
var wholeEnd = regexp.MustCompile(`(ms|%|kbps|Mbps|fps)[!*]?$|^\d+x\d+$|^-$|^\d\d:\d\d(:\d\d)?$`)

// At every width a compact line shows each reading whole or not at all:
// at 60 columns "loss 0.06% max 0." read as a max loss of 0.
func TestCompactLineShowsWholeReadings(t *testing.T) {
	calls := map[string][]model.Sample{
		"normal": paneFixture(40, everyStream...), "critical": criticalCall(),
		"missing": missingCurrent(), "lossy": lossyCall(), "connectors": viaConnectors(),
		"share": paneFixture(40, skey(model.Share, model.Send, model.Client), skey(model.Share, model.Receive, model.Client)),
	}
	for name, s := range calls {
		for _, m := range model.Medias {
			for _, ascii := range []bool{false, true} {
				for w := 40; w <= 120; w++ {
					p := newTestPane(m, w, 4, ascii, s)
					if name == "connectors" {
						p.SetSize(w, 7)
					}
					want := map[string]bool{"max -": true, "lat -": true, "jit -": true, "loss -": true}
					for _, secs := range p.data.dirs {
						for _, sec := range secs {
							for f := range numCompactFields {
								for _, tok := range compactTokens.FindAllString(ansi.Strip(p.pal.compactValue(f, sec.cur, p.th).s), -1) {
									want[tok] = true
								}
							}
						}
					}
					checkWholeReadings(t, fmt.Sprintf("%s/%s/ascii=%v/%d", name, m, ascii, w), p.View(), want)
				}
			}
		}
	}
}

func checkWholeReadings(t *testing.T, name, view string, want map[string]bool) {
	t.Helper()
	lines := strings.Split(ansi.Strip(view), "\n")
	for _, l := range lines[1 : len(lines)-1] {
		r := []rune(l)
		inner := strings.TrimRight(string(r[1:len(r)-1]), " ")
		if strings.HasPrefix(inner, "no ") || strings.Contains(inner, "no traffic") || inner == "" {
			continue
		}
		for _, tok := range compactTokens.FindAllString(inner, -1) {
			if !want[tok] {
				t.Errorf("%s: %q is not a whole reading in\n%s", name, tok, view)
				return
			}
		}
		words := strings.Fields(inner)
		if last := words[len(words)-1]; !wholeEnd.MatchString(last) {
			t.Errorf("%s: the line ends in a cut reading %q:\n%s", name, last, view)
			return
		}
	}
}

// A narrow line drops max loss before jitter, and jitter before loss.
func TestCompactLineDropsMaxFirst(t *testing.T) {
	p := newTestPane(model.Audio, 60, 4, false, paneFixture(40, everyStream...))
	send := paneRow(t, p.View(), "send")
	if !strings.Contains(send, "lat ") || !strings.Contains(send, "loss ") || strings.Contains(send, "max") {
		t.Errorf("at 60 columns want latency and loss without max:\n%s", p.View())
	}
	p.SetSize(80, 4)
	if send := paneRow(t, p.View(), "send"); !strings.Contains(send, "jit ") || !strings.Contains(send, "max ") {
		t.Errorf("at 80 columns want jitter and max loss too:\n%s", p.View())
	}
}

// everySeconds is s with its samples d apart instead of a minute.
func everySeconds(s []model.Sample, d time.Duration) []model.Sample {
	for i := range s {
		s[i].Time = paneT0.Add(time.Duration(i) * d)
	}
	return s
}

// A compact line of a stream that stopped says when its readings are
// from, at every width that shows one of them: Erik's screen share kept
// "lat 114ms" for minutes as if it were now.
func TestCompactLineSaysWhenStopped(t *testing.T) {
	for _, tc := range []struct {
		name    string
		samples []model.Sample
		seen    string
	}{
		{"minutes", missingCurrent(), "seen 10:26"},
		{"seconds", everySeconds(missingCurrent(), 10*time.Second), "seen 10:04:20"},
	} {
		for _, ascii := range []bool{false, true} {
			for w := 40; w <= 120; w++ {
				p := newTestPane(model.Audio, w, 4, ascii, tc.samples)
				view := ansi.Strip(p.View())
				recv, send := paneRow(t, view, "receive"), paneRow(t, view, "send")
				if strings.Contains(recv, "lat ") && !strings.Contains(recv, tc.seen) {
					t.Errorf("%s/%d: the stopped stream's readings without %q:\n%s", tc.name, w, tc.seen, view)
				}
				if w >= 80 && !strings.Contains(recv, "lat 29ms") {
					t.Errorf("%s/%d: room for the latency and the note, but not shown:\n%s", tc.name, w, view)
				}
				if strings.Contains(send, "seen") {
					t.Errorf("%s/%d: the current stream is marked stopped:\n%s", tc.name, w, view)
				}
			}
		}
	}
}

// At sub-minute cadence the full pane's "last seen" has seconds too.
func TestFullPaneLastSeenSeconds(t *testing.T) {
	p := newTestPane(model.Audio, 80, 12, false, everySeconds(missingCurrent(), 10*time.Second))
	if row := paneRow(t, p.View(), "receive"); !strings.Contains(row, "(last seen 10:04:20)") {
		t.Errorf("samples every 10 s, but the stopped stream's time is %q", row)
	}
}
