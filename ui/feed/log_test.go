package feed

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
)

// t0 is the start of the tests' call.
var t0 = time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)

// serverError is Zoom's server failing, as the client words it.
func serverError() error {
	return &fetch.APIError{Op: "fetch participant QoS", Status: 503, Kind: fetch.Server}
}

// The log is newest first by time, whatever order events arrive in: a
// sample's events carry the sample's time, a poll's the answer's, and a
// late sample's crossing came in above a newer "Zoom answers again".
func TestEventLogKeepsTimeOrder(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	l := newLog()
	l.failed(t0.Add(38*time.Second), "Zoom's server failed (HTTP 503)")
	l.succeeded(t0.Add(40 * time.Second))
	th := model.DefaultThresholds()
	k := model.StreamKey{Media: model.Audio, Dir: model.Send}
	l.observe([]model.Sample{
		{Time: t0.Add(21 * time.Second), Streams: map[model.StreamKey]model.StreamStats{k: {LatencyMS: model.Some(450)}}},
	}, th, time.Minute)
	l.add(Event{At: t0.Add(40 * time.Second), Text: "second at :40"})
	var got []string
	for _, e := range l.events {
		got = append(got, e.At.Format("04:05")+" "+e.Text)
	}
	want := []string{"00:40 second at :40", "00:40 Zoom answers again after 1 failed poll",
		"00:38 Zoom's server failed (HTTP 503)", "00:21 audio send latency 450 ms critical"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("log order:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The same error again moves up to its new time.
	l.failed(t0.Add(50*time.Second), "Zoom's server failed (HTTP 503)")
	l.failed(t0.Add(60*time.Second), "Zoom's server failed (HTTP 503)")
	if e := l.events[0]; e.Count != 2 || !e.At.Equal(t0.Add(60*time.Second)) {
		t.Errorf("a repeated error is %+v, want one line counting 2 at :60", e)
	}
}

// The log never keeps more than maxEvents, and an event older than all it
// keeps when full is not put in at the bottom in place of a newer one.
func TestEventLogBoundedInOrder(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	l := newLog()
	for i := range maxEvents + 20 {
		l.add(Event{At: t0.Add(time.Duration(i) * time.Second), Text: "e"})
	}
	l.add(Event{At: t0, Text: "too old"})
	if len(l.events) != maxEvents || l.events[len(l.events)-1].Text == "too old" {
		t.Fatalf("%d events, the oldest %q", len(l.events), l.events[len(l.events)-1].Text)
	}
	for i := 1; i < len(l.events); i++ {
		if l.events[i].At.After(l.events[i-1].At) {
			t.Fatalf("event %d (%s) is newer than the one above it", i, l.events[i].At)
		}
	}
}

func TestEventLog(t *testing.T) {
	th := model.DefaultThresholds()
	audio := model.StreamKey{Media: model.Audio, Dir: model.Send}
	at := func(min int, lossPct model.Value) model.Sample {
		return model.Sample{Time: t0.Add(time.Duration(min) * time.Minute),
			Streams: map[model.StreamKey]model.StreamStats{audio: {AvgLossPct: lossPct}}}
	}
	l := newLog()
	l.observe([]model.Sample{at(0, model.Some(0.2)), at(1, model.Some(7.2)), at(2, model.None), at(3, model.Some(3)), at(4, model.Some(0.4))}, th, time.Minute)
	// A late sample, older than what was judged, makes no event.
	l.observe([]model.Sample{at(1, model.Some(0)), at(5, model.Some(0.3))}, th, time.Minute)
	l.failed(t0.Add(6*time.Minute), "Zoom's server failed (HTTP 503)")
	l.failed(t0.Add(7*time.Minute), "Zoom's server failed (HTTP 503)")
	l.succeeded(t0.Add(8 * time.Minute))

	var got []string
	for _, e := range l.events {
		s := e.At.Format("15:04") + " " + e.Text
		if e.Count > 1 {
			s += " x" + string(rune('0'+e.Count))
		}
		got = append(got, s)
	}
	want := []string{
		"19:08 Zoom answers again after 2 failed polls",
		"19:07 Zoom's server failed (HTTP 503) x2",
		"19:04 audio send loss recovered 0.4%",
		"19:03 audio send loss 3% warn",
		"19:01 audio send loss 7.2% critical",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	for i := range maxEvents + 10 {
		l.failed(t0.Add(9*time.Minute+time.Duration(i)*time.Second), fmt.Sprint("error ", i))
	}
	if len(l.events) != maxEvents || l.events[0].Text != fmt.Sprint("error ", maxEvents+9) {
		t.Fatalf("log holds %d events, newest %q; want %d and the newest", len(l.events), l.events[0].Text, maxEvents)
	}
}

func TestShortError(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{serverError(), "Zoom's server failed (HTTP 503)"},
		{&fetch.APIError{Op: "fetch participant QoS", Status: 404, Code: 3001, Message: "Meeting does not exist: 1. Sorry.", Kind: fetch.NotFound},
			`Zoom found no such meeting, or it is not live now (HTTP 404, code 3001: "Meeting does not exist: 1. Sorry.")`},
		{errors.New("plain \x1b]0;title\x07failure; more"), "plain failure"},
	} {
		if got := shortError(tc.err); got != tc.want {
			t.Errorf("shortError(%q) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
