package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

var start = time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)

// call is n minutes of one participant's audio both ways at the given
// send latency per minute (a 0 leaves the minute out: a gap), jitter 5 ms
// and no loss.
func call(id, name string, latency ...float64) model.Participant {
	p := model.Participant{UserID: id, UserName: name, Device: "Mac", NetworkType: "Wifi", DataCenter: "SC",
		JoinTime: start.Add(-30 * time.Second)}
	for i, l := range latency {
		if l == 0 {
			continue
		}
		st := model.StreamStats{LatencyMS: model.Some(l), JitterMS: model.Some(5), AvgLossPct: model.Some(0), MaxLossPct: model.Some(0)}
		p.Samples = append(p.Samples, model.Sample{Time: start.Add(time.Duration(i) * time.Minute), Streams: map[model.StreamKey]model.StreamStats{
			{Media: model.Audio, Dir: model.Send}: st, {Media: model.Audio, Dir: model.Receive}: st}})
	}
	return p
}

const hostile = "<img src=x onerror=alert(1)>[click](http://evil.example) *x* | \x1b]0;pwned\x07www.evil.example"

func incident(ps ...model.Participant) Incident {
	return Incident{Meeting: model.Meeting{ID: "85012345678", Topic: hostile, StartTime: start}, Type: model.Past,
		Source: "test", Participants: ps, Thresholds: model.DefaultThresholds(),
		Generated: start.Add(time.Hour), Local: time.FixedZone("CET", 3600),
		Timeline: []model.RecordedEntry{{At: start.Add(2 * time.Minute), Kind: model.RecMarker, Text: "user reported " + hostile}}}
}

// Worst first, the crossings, the gap, the marker and the diagnosis.
func TestIncidentAnalysis(t *testing.T) {
	a := analyze(incident(
		call("1", "Calm", 40, 40, 40, 40, 40),
		call("2", "Bad", 40, 200, 400, 0, 0, 40),
		call("3", "Warn", 40, 40, 180, 40, 40)))
	var order []string
	for _, p := range a.people {
		order = append(order, p.name)
	}
	if strings.Join(order, ",") != "Bad,Warn,Calm" {
		t.Errorf("ranked %v, want the worst reading first: Bad, Warn, Calm", order)
	}
	var lines []string
	for _, e := range a.timeline {
		lines = append(lines, e.At.Format("15:04")+" "+e.Who+" "+e.What)
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{
		"14:01 Bad audio send warn: latency 200 ms",
		"14:02 Bad audio send critical: latency 400 ms",
		"14:02 Bad no samples for 3m0s",
		"14:05 Bad audio send back to good",
		"14:02 Warn audio receive warn: latency 180 ms",
		"14:02  marker: user reported",
		"13:59 Calm joined",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the timeline lacks %q:\n%s", want, got)
		}
	}
	if !a.worstAt.Equal(start.Add(2*time.Minute)) || a.diagnosis.Degraded != 2 || a.diagnosis.Rule == 1 {
		t.Errorf("worst minute %s, diagnosis %q (rule %d): want 14:02 with 2 degraded", a.worstAt, a.diagnosis, a.diagnosis.Rule)
	}
	if !a.started.Equal(start.Add(time.Minute)) {
		t.Errorf("trouble started %s, want 14:01, Bad's first warn", a.started)
	}
	bad := a.people[0]
	if rows := a.peakRows(bad); len(rows) != 3 || rows[1][0] != "audio send" || rows[1][1] != "400 ms (critical)" || rows[2][3] != "0% (good)" {
		t.Errorf("Bad's peaks: %v, want audio send peaking at 400 ms (critical)", rows)
	}
	if got := a.when(start); got != "2026-03-02 14:00:00 UTC (15:00:00 CET)" {
		t.Errorf("when = %q, want UTC and local", got)
	}
}

// Text from Zoom or a recording can make neither markup, a link, a
// script nor a terminal sequence in either report.
func TestIncidentEscapesHostileText(t *testing.T) {
	inc := incident(call("1", hostile, 40, 400, 40))
	var md, page bytes.Buffer
	if err := WriteIncidentMarkdown(&md, inc); err != nil {
		t.Fatal(err)
	}
	if err := WriteIncidentHTML(&page, inc); err != nil {
		t.Fatal(err)
	}
	// Unescaped: not after a backslash.
	for _, bad := range []string{"<img", "](http", "[click", "*x*", "www.evil", "http://", "\x1b", "\x07"} {
		if i := strings.Index(md.String(), bad); i >= 0 && (i == 0 || md.String()[i-1] != '\\') {
			t.Errorf("the Markdown holds %q unescaped", bad)
		}
	}
	for _, bad := range []string{"<img", "\x1b", "\x07", "http://", "href", "src="} {
		if strings.Contains(page.String(), bad) {
			t.Errorf("the HTML holds %q", bad)
		}
	}
	if !strings.Contains(page.String(), "&lt;img src&#61;x") || !strings.Contains(md.String(), `\<img src=x`) {
		t.Error("the name is not shown escaped: it should be readable as text")
	}
}

// A chart breaks its line at a missing reading: a gap is not drawn as 0
// nor bridged.
func TestChartBreaksAtGaps(t *testing.T) {
	p := call("1", "Bad", 40, 200, 0, 0, 40, 40)
	c := chart{pts: model.Series(p.Samples, model.StreamKey{Media: model.Audio, Dir: model.Send}, model.LatencyField.Of),
		from: start, to: start.Add(5 * time.Minute), step: time.Minute, warn: 150, crit: 300}
	if runs := c.runs(); len(runs) != 2 || len(runs[0]) != 2 || len(runs[1]) != 2 {
		t.Errorf("runs %v, want two lines of two points", runs)
	}
	var b strings.Builder
	c.svg(&b)
	if n := strings.Count(b.String(), "<polyline"); n != 2 {
		t.Errorf("%d polylines, want 2 (one each side of the gap)", n)
	}
}
