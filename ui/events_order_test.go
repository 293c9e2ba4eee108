package ui

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// The log is newest first by time, whatever order events arrive in: a
// sample's events carry the sample's time, a poll's the answer's, and a
// late sample's crossing came in above a newer "Zoom answers again".
func TestEventLogKeepsTimeOrder(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	l := newEventLog()
	l.failed(t0.Add(38*time.Second), "Zoom's server failed (HTTP 503)")
	l.succeeded(t0.Add(40 * time.Second))
	th := model.DefaultThresholds()
	k := model.StreamKey{Media: model.Audio, Dir: model.Send}
	l.observe([]model.Sample{
		{Time: t0.Add(21 * time.Second), Streams: map[model.StreamKey]model.StreamStats{k: {LatencyMS: model.Some(450)}}},
	}, th, time.Minute)
	l.add(event{at: t0.Add(40 * time.Second), text: "second at :40"})
	var got []string
	for _, e := range l.events {
		got = append(got, e.at.Format("04:05")+" "+e.text)
	}
	want := []string{"00:40 second at :40", "00:40 Zoom answers again after 1 failed poll",
		"00:38 Zoom's server failed (HTTP 503)", "00:21 audio send latency 450 ms critical"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("log order:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The same error again moves up to its new time.
	l.failed(t0.Add(50*time.Second), "Zoom's server failed (HTTP 503)")
	l.failed(t0.Add(60*time.Second), "Zoom's server failed (HTTP 503)")
	if e := l.events[0]; e.count != 2 || !e.at.Equal(t0.Add(60*time.Second)) {
		t.Errorf("a repeated error is %+v, want one line counting 2 at :60", e)
	}
}

// The log never keeps more than maxEvents, and an event older than all it
// keeps when full is not put in at the bottom in place of a newer one.
func TestEventLogBoundedInOrder(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	l := newEventLog()
	for i := range maxEvents + 20 {
		l.add(event{at: t0.Add(time.Duration(i) * time.Second), text: "e"})
	}
	l.add(event{at: t0, text: "too old"})
	if len(l.events) != maxEvents || l.events[len(l.events)-1].text == "too old" {
		t.Fatalf("%d events, the oldest %q", len(l.events), l.events[len(l.events)-1].text)
	}
	for i := 1; i < len(l.events); i++ {
		if l.events[i].at.After(l.events[i-1].at) {
			t.Fatalf("event %d (%s) is newer than the one above it", i, l.events[i].at)
		}
	}
}

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
