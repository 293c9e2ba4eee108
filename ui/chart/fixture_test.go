package chart

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
)

// The fixture is three hours of per-minute audio latency ending at
// fixEnd: send calm around 60-90 ms with a single spike to 420 ms (over
// the 300 ms critical line) at 19:20, receive calm around 40 ms rising
// past warn (150 ms) at 19:30-19:35, and a 10-minute hole in both from
// 18:50 to 18:59 when Zoom sent nothing.
var (
	fixEnd   = time.Date(2026, 11, 25, 19, 45, 0, 0, time.UTC)
	fixSpike = time.Date(2026, 11, 25, 19, 20, 0, 0, time.UTC)
	fixHole  = [2]time.Time{time.Date(2026, 11, 25, 18, 50, 0, 0, time.UTC), time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)}
)

const fixMinutes = 180

func fixture(minutes int) (send, receive []model.Point) {
	for i := range minutes {
		t := fixEnd.Add(-time.Duration(minutes-1-i) * time.Minute)
		if !t.Before(fixHole[0]) && t.Before(fixHole[1]) {
			continue
		}
		s := 75 + 15*math.Sin(float64(i)/7)
		r := 40 + 5*math.Cos(float64(i)/5)
		if t.Equal(fixSpike) {
			s = 420
		}
		if m := t.Sub(fixSpike).Minutes(); m >= 10 && m <= 15 {
			r = 180
		}
		send = append(send, model.Point{Time: t, V: model.Some(math.Round(s))})
		receive = append(receive, model.Point{Time: t, V: model.Some(math.Round(r))})
	}
	return send, receive
}

// testStyles colour everything and make titles bold, as a theme would,
// so the goldens prove that colour is not needed to read the chart.
func testStyles() Styles {
	c := func(n string) lipgloss.Style { return lipgloss.NewStyle().Foreground(lipgloss.Color(n)) }
	return Styles{
		Title: c("255").Bold(true), Value: c("255"), Muted: c("245"), Axis: c("240"), Label: c("250"),
		Send: c("39"), Receive: c("213"), Warn: c("214"), Critical: c("196"),
	}
}

// fixtureChart is the fixture's latency chart at w x h over the last
// view before fixEnd.
func fixtureChart(w, h int, view time.Duration, ascii bool) *Model {
	m := New(model.LatencyField)
	m.SetStyles(testStyles())
	m.SetLocation(time.UTC)
	m.SetASCII(ascii)
	m.SetSize(w, h)
	m.SetView(fixEnd.Add(-view), fixEnd)
	m.SetData(fixture(fixMinutes))
	return m
}

// plain is what a terminal without colour shows: the Ascii profile drops
// the colours, and Strip the bold, which a golden file cannot show.
func plain(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	w := colorprofile.Writer{Forward: &b, Profile: colorprofile.Ascii}
	if _, err := w.WriteString(s); err != nil {
		t.Fatal(err)
	}
	return ansi.Strip(b.String())
}

// requireSize fails unless s is exactly h lines of w cells.
func requireSize(t *testing.T, s string, w, h int) {
	t.Helper()
	lines := strings.Split(s, "\n")
	if len(lines) != h {
		t.Fatalf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n != w {
			t.Fatalf("line %d is %d cells, want %d: %q", i, n, w, l)
		}
	}
}
