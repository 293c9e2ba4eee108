package model

import (
	"testing"
	"time"
)

func latencyAt(m int, lat float64) Sample {
	return Sample{Time: time.Date(2026, 11, 25, 19, m, 0, 0, time.UTC), Streams: map[StreamKey]StreamStats{
		{Media: Audio, Dir: Send}: {LatencyMS: Some(lat)}}}
}

// A member keeps what each minute judged: a refresh judges the minutes
// it has not seen, and the newest again, and takes the rest as they were.
// A deliberately wrong mark for an old minute stays (it was not judged
// again); one for the newest is put right.
func TestMarksJudgeOnlyNewMinutesAndTheNewest(t *testing.T) {
	th := DefaultThresholds()
	recent := []Sample{latencyAt(0, 40), latencyAt(1, 40), latencyAt(2, 400)}
	seen := th.marks(recent[:2], nil)
	seen[0].bad = true // minute 0 was healthy: only a reused mark says otherwise
	got := th.marks(recent, seen)
	if !got[0].bad || got[1].bad || !got[2].bad {
		t.Fatalf("marks %+v: want minute 0 reused as bad, 1 healthy, 2 (new) bad", got)
	}
	wrong := th.marks(recent, nil)
	wrong[2].bad = false // the newest minute, as if Zoom had revised it
	if again := th.marks(recent, wrong); !again[2].bad {
		t.Errorf("the newest minute was not judged again: %+v", again)
	}
	if same := th.marks(recent, got); &same[0] != &got[0] {
		t.Error("an unchanged window was copied rather than kept")
	}
}

// Whatever the answers (a window sliding a minute, a gap, the newest
// minute revised, a rejoin with older samples), a merged member ranks as
// one judged afresh from the same answer.
func TestMergedMembersRankAsFreshOnes(t *testing.T) {
	th := DefaultThresholds()
	p := Participant{UserID: "7", UserName: "Alice"}
	answers := [][]Sample{
		{latencyAt(0, 40), latencyAt(1, 400)},
		{latencyAt(0, 40), latencyAt(1, 400), latencyAt(2, 40)},
		{latencyAt(0, 40), latencyAt(1, 400), latencyAt(2, 400)}, // minute 2 revised
		{latencyAt(1, 400), latencyAt(3, 40)},                    // a gap, the window moved
		{latencyAt(0, 400)},                                      // older again
		nil,
	}
	var r Roster
	for i, ss := range answers {
		p.Samples = ss
		r.Merge([]Participant{p}, time.Date(2026, 11, 25, 19, 30+i, 0, 0, time.UTC), th)
		if got, want := r.Members["7"].Rank, NewMember(p, th).Rank; got != want {
			t.Errorf("answer %d: merged rank %+v, fresh %+v", i, got, want)
		}
	}
}
