package pane

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

var (
	audioSend = skey(model.Audio, model.Send, model.Client)
	audioRecv = skey(model.Audio, model.Receive, model.Client)
	videoRecv = skey(model.Video, model.Receive, model.Client)
)

// missingCurrent is a call whose newest audio send sample has no latency
// and no bitrate, and whose audio receive stopped three minutes early.
func missingCurrent() []model.Sample {
	s := paneFixture(30, everyStream...)
	last := len(s) - 1
	st := s[last].Streams[audioSend]
	st.LatencyMS, st.BitrateKbps = model.None, model.None
	s[last].Streams[audioSend] = st
	for i := last - 2; i <= last; i++ {
		delete(s[i].Streams, audioRecv)
	}
	return s
}

// critical is a call whose newest audio send latency and loss are past
// the critical bounds and jitter and max loss past the warn bounds.
func criticalCall() []model.Sample {
	s := paneFixture(30, everyStream...)
	last := len(s) - 1
	st := s[last].Streams[audioSend]
	st.LatencyMS, st.JitterMS, st.AvgLossPct, st.MaxLossPct = ms(450), ms(40), ms(6), ms(7)
	s[last].Streams[audioSend] = st
	return s
}

// viaConnectors has audio on the client and through a room connector both
// ways, and received audio through the web gateway.
func viaConnectors() []model.Sample {
	return paneFixture(30, audioSend, audioRecv,
		skey(model.Audio, model.Send, model.CRC), skey(model.Audio, model.Receive, model.CRC),
		skey(model.Audio, model.Receive, model.RWG))
}

func TestPaneGolden(t *testing.T) {
	normal := paneFixture(40, everyStream...)
	tests := []struct {
		name    string
		media   model.Media
		w, h    int
		ascii   bool
		samples []model.Sample
	}{
		{"audio_80x12", model.Audio, 80, 12, false, normal},
		{"video_120x16", model.Video, 120, 16, false, normal},
		{"video_stacked_60x16", model.Video, 60, 16, false, normal},
		{"audio_compact_80x4", model.Audio, 80, 4, false, normal},
		{"video_compact_80x4", model.Video, 80, 4, false, normal},
		{"share_no_traffic_80x4", model.Share, 80, 4, false, normal},
		{"video_send_missing_80x10", model.Video, 80, 10, false, paneFixture(40, videoRecv)},
		{"video_send_missing_compact_80x4", model.Video, 80, 4, false, paneFixture(40, videoRecv)},
		{"audio_missing_current_80x12", model.Audio, 80, 12, false, missingCurrent()},
		{"audio_missing_current_compact_80x4", model.Audio, 80, 4, false, missingCurrent()},
		{"audio_critical_80x12", model.Audio, 80, 12, false, criticalCall()},
		{"audio_critical_compact_80x4", model.Audio, 80, 4, false, criticalCall()},
		{"ascii_video_80x16", model.Video, 80, 16, true, normal},
		{"ascii_audio_compact_80x4", model.Audio, 80, 4, true, criticalCall()},
		{"connectors_audio_100x27", model.Audio, 100, 27, false, viaConnectors()},
		{"connectors_audio_compact_100x7", model.Audio, 100, 7, false, viaConnectors()},
		{"day_video_200x16", model.Video, 200, 16, false, paneFixture(model.DefaultHistoryCap, everyStream...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newTestPane(tt.media, tt.w, tt.h, tt.ascii, tt.samples)
			golden.RequireEqual(t, p.View())
		})
	}
}

// paneRow finds the first line of a drawn pane that contains label.
func paneRow(t *testing.T, view, label string) string {
	t.Helper()
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, label) {
			return l
		}
	}
	t.Fatalf("no row with %q in\n%s", label, view)
	return ""
}

func TestPaneMissingValueIsDashAndGap(t *testing.T) {
	// Fewer samples than sparkline cells, so each sample is one column.
	p := newTestPane(model.Audio, 120, 12, false, missingCurrent())
	view := p.View()
	// Send is stacked above receive: the first row of a label is send's.
	sendCol := func(label string) string { return paneRow(t, view, label) }
	lat := []rune(sendCol("latency"))
	jit := []rune(sendCol("jitter"))
	br := sendCol("bitrate")

	if !strings.Contains(string(lat), " - ") || strings.Contains(string(lat), " 0 ms") {
		t.Errorf("latency row should show - for the missing current value, not 0:\n%s", string(lat))
	}
	if !strings.Contains(br, " - ") || strings.Contains(br, " 0 kbps") {
		t.Errorf("bitrate row should show - for the missing current value, not 0:\n%s", br)
	}
	// The newest column is where jitter's last glyph is; latency has a gap there.
	end := -1
	for i, r := range jit {
		if strings.ContainsRune(strings.Join(theme.UnicodeGlyphs().Spark, ""), r) {
			end = i
		}
	}
	if end < 1 {
		t.Fatalf("no sparkline in jitter row %q", string(jit))
	}
	if lat[end] != ' ' {
		t.Errorf("latency sparkline newest column = %q, want a gap:\n%s\n%s", lat[end], string(lat), string(jit))
	}
	if !strings.ContainsRune(strings.Join(theme.UnicodeGlyphs().Spark, ""), lat[end-1]) {
		t.Errorf("latency sparkline column before the gap = %q, want a bar", lat[end-1])
	}
}

func TestPaneStoppedStreamSaysWhen(t *testing.T) {
	p := newTestPane(model.Audio, 80, 12, false, missingCurrent())
	if row := paneRow(t, p.View(), "receive"); !strings.Contains(row, "last seen 10:26") {
		t.Errorf("receive stopped after 10:26 but the title does not say so: %q", row)
	}
	if row := paneRow(t, p.View(), "send"); strings.Contains(row, "send (last seen") {
		t.Errorf("send is current but is marked as stopped: %q", row)
	}
}

func TestPaneMarkers(t *testing.T) {
	for _, h := range []int{12, 4} { // full, compact
		p := newTestPane(model.Audio, 80, h, false, criticalCall())
		send := paneRow(t, p.View(), "send")
		if h == 12 {
			lat, jit, loss := paneRow(t, p.View(), "latency"), paneRow(t, p.View(), "jitter"), paneRow(t, p.View(), "loss")
			send = lat + jit + loss
		}
		for _, want := range []string{"450", "ms!", "40", "ms*", "6%!", "7%*"} {
			if !strings.Contains(send, want) {
				t.Errorf("height %d: send rows lack %q:\n%s", h, want, p.View())
			}
		}
	}
}

func TestPaneColoursByLevel(t *testing.T) {
	st := testStyles(colorprofile.ANSI256, false)
	p := New(model.Audio)
	p.SetStyles(st)
	p.SetSize(80, 12)
	p.SetData(criticalCall())
	crit, good := theme.InkOf(st.Level(model.Critical)), theme.InkOf(st.Level(model.Good))
	if crit.Pre == "" || crit.Pre == good.Pre {
		t.Fatalf("test needs distinct critical and good colours, got %q and %q", crit.Pre, good.Pre)
	}
	if v := p.View(); !strings.Contains(v, crit.Pre+"450 ms!"+crit.Suf) {
		t.Errorf("critical latency not drawn in the critical style:\n%q", v)
	}
	s := criticalCall()
	recvJitter := s[len(s)-1].Streams[audioRecv].JitterMS.V
	if v := p.View(); !strings.Contains(v, good.Pre+model.FormatNum(recvJitter)+" ms ") {
		t.Errorf("healthy receive jitter not drawn in the good style:\n%q", v)
	}
}

func TestPaneNoTraffic(t *testing.T) {
	for _, h := range []int{3, 4, 9} {
		p := newTestPane(model.Share, 80, h, false, paneFixture(10, everyStream...))
		if p.hasTraffic() {
			t.Fatal("share pane reports traffic in a call without screen share")
		}
		if v := p.View(); !strings.Contains(v, "no screen share in this window") || strings.Contains(v, "0 ms") {
			t.Errorf("height %d: want one line saying there was no share, got\n%s", h, v)
		}
	}
	p := newTestPane(model.Video, 80, 10, false, paneFixture(10, videoRecv))
	if !p.hasTraffic() {
		t.Fatal("video pane with received video reports no traffic")
	}
	if v := p.View(); !strings.Contains(v, "send: no traffic") || !strings.Contains(v, "1280x720") {
		t.Errorf("want send: no traffic beside the receive rows, got\n%s", v)
	}
}

func TestPaneEmptyStreamObjectIsNoTraffic(t *testing.T) {
	s := paneFixture(5)
	for i := range s {
		s[i].Streams[skey(model.Share, model.Send, model.Client)] = model.StreamStats{} // Zoom's all-"" object
	}
	if p := newTestPane(model.Share, 80, 4, false, s); p.hasTraffic() {
		t.Error("a stream whose every field is empty counts as traffic")
	}
}

func TestPaneConnectorsVisible(t *testing.T) {
	for h, wants := range map[int][]string{
		27: {"send via room connector", "receive via room connector", "receive via web gateway"},
		7:  {"send RC ", "receive RC ", "receive WG "},
	} {
		p := newTestPane(model.Audio, 100, h, false, viaConnectors())
		v := p.View()
		for _, want := range wants {
			if !strings.Contains(v, want) {
				t.Errorf("height %d: %q missing from\n%s", h, want, v)
			}
		}
	}
}

func TestPaneMinHeight(t *testing.T) {
	normal := paneFixture(10, everyStream...)
	tests := []struct {
		media         model.Media
		w             int
		samples       []model.Sample
		full, compact int
	}{
		{model.Audio, 80, normal, 12, 4},
		{model.Video, 80, normal, 16, 4},
		{model.Share, 80, normal, 3, 3},
		{model.Audio, 60, normal, 12, 4},
		{model.Video, 60, normal, 16, 4},
		{model.Video, 80, paneFixture(10, videoRecv), 10, 4},
		{model.Audio, 100, viaConnectors(), 27, 7},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s_%d", tt.media, tt.w), func(t *testing.T) {
			p := newTestPane(tt.media, tt.w, 30, false, tt.samples)
			if got := p.MinHeight(false); got != tt.full {
				t.Errorf("MinHeight(full) = %d, want %d", got, tt.full)
			}
			if got := p.MinHeight(true); got != tt.compact {
				t.Errorf("MinHeight(compact) = %d, want %d", got, tt.compact)
			}
			// At its full height the pane draws rows; one less, compact lines.
			p.SetSize(tt.w, tt.full)
			full := p.View()
			p.SetSize(tt.w, tt.full-1)
			compact := p.View()
			if p.hasTraffic() && (!strings.Contains(full, "latency") || strings.Contains(compact, "latency")) {
				t.Errorf("want full rows at height %d and compact below:\n%s\n%s", tt.full, full, compact)
			}
		})
	}
}

// At 80x24 the three panes must fit beside a 3-line header, the system
// line and the status bar: 24-5 = 19 rows.
func TestPanesFit80x24(t *testing.T) {
	s := paneFixture(60, everyStream...)
	total := 0
	for _, m := range model.Medias {
		p := newTestPane(m, 80, 6, false, s)
		total += p.MinHeight(true)
	}
	if total > 19 {
		t.Errorf("compact panes need %d rows, more than the 19 left at 80x24", total)
	}
}

func TestPaneViewIsExactlyItsSize(t *testing.T) {
	data := map[string][]model.Sample{
		"normal":     paneFixture(50, everyStream...),
		"none":       nil,
		"connectors": viaConnectors(),
		"day":        paneFixture(model.DefaultHistoryCap, everyStream...),
	}
	for name, s := range data {
		for _, m := range model.Medias {
			for _, ascii := range []bool{false, true} {
				p := newTestPane(m, 0, 0, ascii, s)
				for _, focused := range []bool{false, true} {
					p.SetFocused(focused)
					for w := 0; w <= 210; w += 1 + w/8 {
						for h := 0; h <= 40; h += 1 + h/6 {
							p.SetSize(w, h)
							checkSize(t, fmt.Sprintf("%s/%s/ascii=%v/focused=%v/%dx%d", name, m, ascii, focused, w, h), p.View(), w, h)
						}
					}
				}
			}
		}
	}
}

func checkSize(t *testing.T, name, v string, w, h int) {
	t.Helper()
	if h == 0 {
		if v != "" {
			t.Errorf("%s: want empty view, got %q", name, v)
		}
		return
	}
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		t.Errorf("%s: %d lines, want %d:\n%s", name, len(lines), h, v)
		return
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Errorf("%s: line %d is %d cells, want %d: %q", name, i, got, w, l)
			return
		}
	}
}

func TestPaneASCIIModeIsASCII(t *testing.T) {
	for _, s := range [][]model.Sample{paneFixture(40, everyStream...), viaConnectors(), criticalCall(), nil} {
		for _, m := range model.Medias {
			for _, size := range [][2]int{{80, 4}, {80, 9}, {60, 16}, {200, 20}, {5, 3}} {
				p := newTestPane(m, size[0], size[1], true, s)
				p.SetFocused(size[1] == 9)
				v := p.View()
				for i := 0; i < len(v); i++ {
					if v[i] >= 0x80 {
						t.Fatalf("%s %dx%d: byte %#x at %d in ASCII mode:\n%s", m, size[0], size[1], v[i], i, v)
					}
				}
			}
		}
	}
}

func TestPaneViewIsCached(t *testing.T) {
	p := newTestPane(model.Video, 200, 20, false, paneFixture(model.DefaultHistoryCap, everyStream...))
	first := p.View()
	if allocs := testing.AllocsPerRun(20, func() { _ = p.View() }); allocs != 0 {
		t.Errorf("View() with nothing changed allocates %.0f times: it is redrawing", allocs)
	}
	// A Bubble Tea model is copied on every Update: drawing through the
	// copy must fill the cache the original holds, and a setter on the
	// copy must not change what the original shows.
	q := p
	q.SetFocused(true)
	if strings.Contains(p.View(), "[video]") || !strings.Contains(q.View(), "[video]") {
		t.Error("focus set on a copy leaked into the original, or did not show on the copy")
	}
	if p.View() != first {
		t.Error("the original's view changed after a setter on a copy")
	}
	r := newTestPane(model.Audio, 80, 12, false, paneFixture(10, everyStream...))
	c := r
	_ = c.View()
	if allocs := testing.AllocsPerRun(5, func() { _ = r.View() }); allocs != 0 {
		t.Error("a View() through a copy did not fill the shared cache")
	}
	r.SetSize(80, 12) // unchanged: keeps the cache
	if allocs := testing.AllocsPerRun(5, func() { _ = r.View() }); allocs != 0 {
		t.Error("SetSize with the same size threw the drawing away")
	}
	before := r.View()
	s := criticalCall()
	r.SetData(s)
	if r.View() == before || !strings.Contains(r.View(), "450 ms!") {
		t.Error("SetData did not redraw")
	}
	th := model.DefaultThresholds()
	th[model.Latency] = model.Bound{Warn: 500, Critical: 600}
	r.SetThresholds(th)
	if strings.Contains(r.View(), "450 ms!") || !strings.Contains(r.View(), "450 ms ") {
		t.Error("SetThresholds did not re-judge the current values")
	}
	r.SetStyles(testStyles(colorprofile.Ascii, true))
	if !strings.HasPrefix(r.View(), "+-") {
		t.Errorf("SetStyles to ASCII did not redraw the border: %q", r.View()[:10])
	}
}

func TestPaneZeroValueAndUnstyled(t *testing.T) {
	var p Model // never built with New
	p.SetSize(40, 5)
	checkSize(t, "zero", p.View(), 40, 5)
	q := New(model.Audio) // no SetStyles yet
	q.SetSize(40, 5)
	q.SetData(paneFixture(3, everyStream...))
	checkSize(t, "unstyled", q.View(), 40, 5)
}

func TestFmtBitrate(t *testing.T) {
	if got := fmtBitrate(12500, " "); got != "12.5 Mbps" {
		t.Errorf("fmtBitrate(12500) = %q", got)
	}
}

// Given rows to spare, a full row's bars grow to two or three lines: the
// top line holds the upper band of the scale, the bottom one the lower.
func TestPaneRowLines(t *testing.T) {
	p := newTestPane(model.Audio, 80, 12, false, criticalCall())
	one := p.MinHeight(false)
	p.SetRowLines(2)
	if got := p.MinHeight(false); got != one+8 {
		t.Fatalf("two lines a metric: MinHeight %d, want %d (four metrics, two directions)", got, one+8)
	}
	p.SetSize(80, p.MinHeight(false))
	lines := strings.Split(p.View(), "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "│latency") {
			continue
		}
		top, bottom := []rune(l), []rune(lines[i+1])
		// The newest send latency (450 ms, on a 500 ms scale) reaches the
		// top band; the calm ones before it stay in the bottom one.
		last := strings.LastIndexAny(string(bottom), "▁▂▃▄▅▆▇█")
		col := len([]rune(string(bottom)[:last]))
		if top[col] == ' ' || bottom[col] != '█' {
			t.Errorf("the 450 ms spike is not drawn across both lines:\n%s\n%s", l, lines[i+1])
		}
		if top[col-3] != ' ' {
			t.Errorf("a calm reading reaches the top line:\n%s\n%s", l, lines[i+1])
		}
		return
	}
	t.Fatalf("no latency row:\n%s", p.View())
}

// A compact line keeps a blank before the border at every width: at 80
// and 120 columns the frame rate ran into it ("11fps│").
func TestCompactLineNeverTouchesTheBorder(t *testing.T) {
	for _, w := range []int{60, 80, 100, 120, 200} {
		p := newTestPane(model.Video, w, 4, false, paneFixture(40, everyStream...))
		view := ansi.Strip(p.View())
		for _, l := range strings.Split(view, "\n") {
			r := []rune(l)
			if len(r) > 2 && r[len(r)-1] == '│' && r[len(r)-2] != ' ' {
				t.Errorf("width %d: %q runs into the border", w, l)
			}
		}
	}
}
