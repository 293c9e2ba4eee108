package model

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func person(id string, t time.Time, latency float64) Participant {
	k := StreamKey{Media: Audio, Dir: Send, Path: Client}
	return Participant{UserID: id, UserName: "user " + id, JoinTime: t, Samples: []Sample{{Time: t,
		Streams: map[StreamKey]StreamStats{k: {LatencyMS: Some(latency)}}}}}
}

func TestRosterRanksWorstFirstAndKeepsWhoLeft(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	var r Roster
	th := DefaultThresholds()
	r.Merge([]Participant{person("a", t0, 40), person("b", t0, 400), person("c", t0, 40)}, t0, th)
	if got := r.Sorted(Sort{}); got[0].P.UserID != "b" || got[0].Level != Critical {
		t.Fatalf("worst first starts with %s (%v), want b critical", got[0].P.UserID, got[0].Level)
	}
	r.Merge([]Participant{person("a", t0, 40), person("c", t0, 40)}, t0.Add(time.Minute), th)
	b := r.Members["b"]
	if !b.Left() || !b.GoneAt.Equal(t0.Add(time.Minute)) {
		t.Fatalf("b, missing from the answer: left %v at %v; want kept, gone at 19:01", b.Left(), b.GoneAt)
	}
	if got := r.Sorted(Sort{}); got[len(got)-1].P.UserID != "b" {
		t.Errorf("someone who left sorts before those present: %v", got[len(got)-1].P.UserID)
	}
	r.Merge([]Participant{person("a", t0, 40), person("c", t0, 40)}, t0.Add(KeepLeftFor+2*time.Minute), th)
	if _, ok := r.Members["b"]; ok || r.Dropped != 1 {
		t.Errorf("b left over %s ago: still held %v, dropped %d; want forgotten and counted", KeepLeftFor, ok, r.Dropped)
	}
}

// An overview whose refreshes keep bringing new people, each gone by the
// next, holds at most KeepLeftMost of those who left.
func TestRosterStaysBounded(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	var r Roster
	th := DefaultThresholds()
	const refreshes, perRefresh = 200, 10
	for i := range refreshes {
		at := t0.Add(time.Duration(i) * time.Second) // all within KeepLeftFor
		var ps []Participant
		for j := range perRefresh {
			ps = append(ps, person(strconv.Itoa(i*perRefresh+j), at, 40))
		}
		r.Merge(ps, at, th)
		if len(r.Members) > KeepLeftMost+perRefresh {
			t.Fatalf("refresh %d: %d members held, want at most %d", i, len(r.Members), KeepLeftMost+perRefresh)
		}
	}
	if want := refreshes*perRefresh - KeepLeftMost - perRefresh; r.Dropped != want {
		t.Errorf("dropped %d, want %d", r.Dropped, want)
	}
	newest := strconv.Itoa(refreshes*perRefresh - perRefresh - 1) // left last: must be kept
	if _, ok := r.Members[newest]; !ok {
		t.Errorf("the most recent leaver %s was dropped before older ones", newest)
	}
}

// In a meeting that is over everyone left, hours before the answer: all
// are kept, ranked by the share of their whole call spent degraded, not
// only of its last RecentSamples.
func TestRosterOfAMeetingThatIsOver(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)
	th := DefaultThresholds()
	call := func(id string, bad int) Participant {
		p := person(id, t0, 40)
		p.Samples = nil
		for k := range 3 * RecentSamples {
			lat := 40.0
			if k < bad { // early in the call, before the last RecentSamples
				lat = 400
			}
			p.Samples = append(p.Samples, person(id, t0.Add(time.Duration(k)*time.Minute), lat).Samples...)
		}
		p.LeaveTime = t0.Add(3 * RecentSamples * time.Minute)
		return p
	}
	r := Roster{Over: true}
	r.Merge([]Participant{call("fine", 0), call("bad", 45), call("some", 9)}, t0.Add(5*time.Hour), th)
	if len(r.Members) != 3 || r.Dropped != 0 {
		t.Fatalf("%d held, %d dropped; want all 3 who were in the meeting", len(r.Members), r.Dropped)
	}
	var got []string
	for _, mb := range r.Sorted(Sort{}) {
		got = append(got, mb.P.UserID)
	}
	if want := []string{"bad", "some", "fine"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("order %q, want %q: the most of the call degraded first", got, want)
	}
	if d := r.Members["bad"].Rank.Degraded; d != 0.5 {
		t.Errorf("45 of 90 samples bad: share %v, want 0.5", d)
	}
}
