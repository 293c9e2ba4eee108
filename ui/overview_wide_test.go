package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// critPerson has half an hour of samples, minutes 10 to 39 but for 35:
// audio sent at 100 ms, then 412 ms in the last minute; video received
// with 66 ms jitter; screen share sent with 6.5 % loss; audio received
// without a jitter reading, so it has no MOS.
func critPerson() model.Participant {
	p := model.Participant{UserID: "16778241", UserName: "Alice Chen", JoinTime: watchT0, Health: "Poor",
		Device: "Mac", NetworkType: "Wifi", Location: "Oakland (US)"}
	for k := 10; k < 40; k++ {
		if k == 35 {
			continue // Zoom has no sample for this minute
		}
		lat := 100.0
		if k == 39 {
			lat = 412
		}
		p.Samples = append(p.Samples, model.Sample{Time: watchT0.Add(time.Duration(k) * time.Minute), Streams: map[model.StreamKey]model.StreamStats{
			{Media: model.Audio, Dir: model.Send}:    {LatencyMS: model.Some(lat), JitterMS: model.Some(3), AvgLossPct: model.Some(0.1)},
			{Media: model.Audio, Dir: model.Receive}: {LatencyMS: model.Some(40), AvgLossPct: model.Some(0)},
			{Media: model.Video, Dir: model.Receive}: {LatencyMS: model.Some(60), JitterMS: model.Some(66), AvgLossPct: model.Some(0.2)},
			{Media: model.Share, Dir: model.Send}:    {LatencyMS: model.Some(70), JitterMS: model.Some(5), AvgLossPct: model.Some(6.5)},
		}})
	}
	return p
}

// column is the text of the row holding name under the title that
// starts with title, as wide as the title line gives it (to the next
// title), trimmed.
func column(t *testing.T, screen, title, name string) string {
	t.Helper()
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		rl := []rune(l)
		at := strings.Index(l, title)
		if !strings.Contains(l, "worst now") || at < 0 {
			continue
		}
		start := len([]rune(l[:at])) // the title line is ASCII, the rows are not
		end := len(rl)
		for j := start + len(title); j+1 < len(rl); j++ {
			if rl[j] == ' ' && rl[j+1] == ' ' && j+2 < len(rl) && rl[j+2] != ' ' {
				end = j + 2
				break
			}
		}
		for _, row := range lines[i+1:] {
			if strings.Contains(row, name) {
				rr := []rune(row)
				return strings.TrimRight(string(rr[min(start, len(rr)):min(end, len(rr))]), " ")
			}
		}
	}
	t.Fatalf("no %q column with a row of %s:\n%s", title, name, screen)
	return ""
}

// From 140 columns the overview shows latency, jitter and loss side by
// side, each the worst medium and direction of that reading, without m;
// at 139 and at 80 it is as before, one reading at a time under m.
func TestOverviewWideShowsEveryReading(t *testing.T) {
	for _, width := range []int{140, 200} {
		src := newTableSource()
		src.setPeople([]model.Participant{critPerson()})
		h, _ := newTableHarness(t, src, width, 30, onBridge)
		v := h.a.content()
		for title, want := range map[string]string{"latency ms": "audio ↑412!", "jitter ms": "video ↓66!", "loss %": "share ↑6.5!"} {
			if got := column(t, v, title, "Alice Chen"); got != want {
				t.Errorf("%d columns: under %q Alice has %q, want %q:\n%s", width, title, got, want, v)
			}
		}
	}
	for _, width := range []int{80, 139} {
		src := newTableSource()
		src.setPeople([]model.Participant{critPerson()})
		h, _ := newTableHarness(t, src, width, 30, onBridge)
		if v := h.a.content(); strings.Contains(v, "latency ms") || strings.Contains(v, "est. MOS") || !strings.Contains(v, "audio lat") {
			t.Errorf("%d columns: not the narrow form with m:\n%s", width, v)
		}
		h.press("m")
		if v := h.a.content(); !strings.Contains(v, "audio jit") {
			t.Errorf("%d columns: m does not switch the media columns to jitter:\n%s", width, v)
		}
	}
}

// The wide form estimates each audio direction's MOS from its latency,
// jitter and loss, "est. MOS", and a direction missing an input has none:
// "-", never a score of 0 or 1.
func TestOverviewWideEstimatesMOS(t *testing.T) {
	src := newTableSource()
	src.setPeople([]model.Participant{critPerson()})
	h, _ := newTableHarness(t, src, 200, 30, onBridge)
	send := model.MOSEstimate(model.Some(412), model.Some(3), model.Some(0.1))
	want := "↑" + strconv.FormatFloat(send.V, 'f', 1, 64) + " ↓-"
	if got := column(t, h.a.content(), "est. MOS", "Alice Chen"); got != want {
		t.Errorf("est. MOS is %q, want %q:\n%s", got, want, h.a.content())
	}
}

// The wide form's trend is the row's worst reading (here audio sent
// latency) over the last 30 minutes, a minute a cell, full height at
// critical: the minute Zoom has no sample for is a blank, not a 0.
func TestOverviewWideTrendHasGaps(t *testing.T) {
	src := newTableSource()
	src.setPeople([]model.Participant{critPerson()})
	h, _ := newTableHarness(t, src, 200, 30, onBridge)
	want := strings.Repeat("▃", 25) + " " + strings.Repeat("▃", 3) + "█"
	if got := column(t, h.a.content(), "worst reading, last 30 min", "Alice Chen"); got != want {
		t.Errorf("the trend is\n%q, want\n%q:\n%s", got, want, h.a.content())
	}
}
