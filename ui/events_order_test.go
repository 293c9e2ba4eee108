package ui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// On the watch screen, a sample that arrives after a failed poll but was
// taken before it is listed below the error, in the box and in the log.
func TestWatchEventsInTimeOrder(t *testing.T) {
	src := &fakeSource{p: callParticipant(false)}
	h := newHarness(t, src, 120, 40)
	next := h.start()
	src.set(model.Participant{}, serverError())
	next = h.poll(next) // fails at 19:39:48
	p := callParticipant(false)
	late := p.Samples[len(p.Samples)-1]
	late.Time = late.Time.Add(30 * time.Second) // 19:39:30, before the failure
	late.Streams = map[model.StreamKey]model.StreamStats{{Media: model.Audio, Dir: model.Send}: {LatencyMS: model.Some(450)}}
	p.Samples = append(p.Samples, late)
	src.set(p, nil)
	h.poll(next)
	stamp := regexp.MustCompile(`^(\d\d:\d\d:\d\d) `)
	for _, screen := range []string{"watch", "log"} {
		if screen == "log" {
			h.key("l")
		}
		view := h.a.content()
		var times []string
		for _, line := range strings.Split(view, "\n") {
			if m := stamp.FindStringSubmatch(line); m != nil {
				times = append(times, m[1])
			}
		}
		if len(times) < 2 || screen == "log" && !strings.Contains(view, "19:39:30 audio send latency 450 ms critical") {
			t.Fatalf("%s: want the late crossing and the poll events:\n%s", screen, view)
		}
		for i := 1; i < len(times); i++ {
			if times[i] > times[i-1] {
				t.Errorf("%s: %s listed below %s, but it says newest first:\n%s", screen, times[i], times[i-1], view)
			}
		}
	}
}
