package model

import (
	"strings"
	"testing"
	"time"
)

func ids(ms []Member) []string {
	var out []string
	for _, mb := range ms {
		out = append(out, mb.P.UserID)
	}
	return out
}

func withStream(p Participant, k StreamKey, st StreamStats) Participant {
	p.Samples[0].Streams[k] = st
	return p
}

// Two participants at Warn: 290 ms against 150:300 is further past its
// threshold than 160 ms, so it ranks first, whatever the names say.
func TestSortedWorstFirstBySeverityWithinALevel(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	var r Roster
	th := DefaultThresholds()
	r.Merge([]Participant{person("a", t0, 160), person("z", t0, 290), person("m", t0, 40)}, t0, th)
	if a, z := r.Members["a"], r.Members["z"]; a.Level != z.Level {
		t.Fatalf("fixture: levels %v and %v, want equal", a.Level, z.Level)
	}
	if got := ids(r.Sorted(Sort{})); got[0] != "z" || got[1] != "a" || got[2] != "m" {
		t.Errorf("worst first = %v, want [z a m]", got)
	}
	if got := ids(r.Sorted(Sort{Reverse: true})); got[0] != "m" || got[2] != "z" {
		t.Errorf("best first = %v, want [m a z]", got)
	}
}

func TestSortedByMediaColumnKeepsMissingLast(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	vs, vr := StreamKey{Media: Video, Dir: Send}, StreamKey{Media: Video, Dir: Receive}
	a := withStream(person("a", t0, 40), vs, StreamStats{LatencyMS: Some(50)})
	b := withStream(person("b", t0, 40), vr, StreamStats{LatencyMS: Some(90)}) // receive is the worse way
	c := person("c", t0, 400)                                                  // no video at all
	var r Roster
	r.Merge([]Participant{a, b, c}, t0, DefaultThresholds())
	for _, tc := range []struct {
		sort Sort
		want [3]string
	}{
		{Sort{Column: SortVideo}, [3]string{"b", "a", "c"}},
		{Sort{Column: SortVideo, Reverse: true}, [3]string{"a", "b", "c"}},
		{Sort{Column: SortName, Reverse: true}, [3]string{"c", "b", "a"}},
	} {
		t.Run(tc.sort.String(), func(t *testing.T) {
			if got := ids(r.Sorted(tc.sort)); [3]string(got) != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestMediaValueBothDirectionsAndBitrateSum(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	p := person("a", t0, 52)
	p = withStream(p, StreamKey{Media: Audio, Dir: Receive}, StreamStats{LatencyMS: Some(61), BitrateKbps: Some(30)})
	p = withStream(p, StreamKey{Media: Audio, Dir: Receive, Path: CRC}, StreamStats{LatencyMS: Some(70), BitrateKbps: Some(12)})
	mb := NewMember(p, DefaultThresholds())
	if v := mb.MediaValue(Audio, Send, ShowLatency); v != Some(52) {
		t.Errorf("send latency %v, want 52", v)
	}
	if v := mb.MediaValue(Audio, Receive, ShowLatency); v != Some(70) {
		t.Errorf("receive latency %v, want the worse path's 70", v)
	}
	if v := mb.MediaValue(Audio, Receive, ShowBitrate); v != Some(42) {
		t.Errorf("receive bitrate %v, want both paths' 42", v)
	}
	if v := mb.MediaValue(Video, Send, ShowLatency); v.OK {
		t.Errorf("video latency %v, want missing", v)
	}
}

// snapshot --format table of a meeting lists the worst first, like the
// overview: the critical person is not buried among 37 rows by name.
func TestSortParticipants(t *testing.T) {
	at := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	person := func(name string, ms float64, joined int) Participant {
		return Participant{UserID: name, UserName: name, JoinTime: at.Add(time.Duration(joined) * time.Minute),
			Samples: []Sample{{Time: at, Streams: map[StreamKey]StreamStats{{Media: Audio, Dir: Send}: {LatencyMS: Some(ms)}}}}}
	}
	ps := []Participant{person("Ann", 40, 3), person("Bob", 412, 2), person("Cy", 200, 1)}
	th := DefaultThresholds()
	for _, tc := range []struct {
		arg  string
		want string
	}{{"worst", "Bob,Cy,Ann"}, {"", "Bob,Cy,Ann"}, {"name", "Ann,Bob,Cy"}, {"join", "Cy,Bob,Ann"}} {
		c, err := ParseSortColumn(tc.arg)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range SortParticipants(ps, th, c, false) {
			got = append(got, p.UserName)
			if len(p.Samples) != 1 {
				t.Errorf("%s lost their samples", p.UserName)
			}
		}
		if strings.Join(got, ",") != tc.want {
			t.Errorf("--sort %q: %v, want %s", tc.arg, got, tc.want)
		}
	}
	if _, err := ParseSortColumn("loudest"); err == nil {
		t.Error("--sort loudest accepted")
	}
}
