package model

import (
	"slices"
	"testing"
	"time"
)

var trendT0 = time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)

// trendPerson has a sample a minute from minute 0 to last, audio sent at
// latency 100+k ms, but none of audio in minute 7 (a gap), and video
// received whose jitter is the worst of every stream.
func trendPerson(last int) Participant {
	p := Participant{UserID: "u1", UserName: "Ann", JoinTime: trendT0}
	for k := 0; k <= last; k++ {
		s := Sample{Time: trendT0.Add(time.Duration(k) * time.Minute), Streams: map[StreamKey]StreamStats{
			{Media: Video, Dir: Receive}: {LatencyMS: Some(50), JitterMS: Some(40), AvgLossPct: Some(0.2)},
		}}
		if k != 7 {
			s.Streams[StreamKey{Media: Audio, Dir: Send}] = StreamStats{LatencyMS: Some(float64(400 + k)), JitterMS: Some(3), AvgLossPct: Some(0.1)}
		}
		p.Samples = append(p.Samples, s)
	}
	return p
}

// A member's trend is its worst reading's series over the last half hour:
// a minute without the stream is an absent point, never 0; a refresh that
// reads only the new minutes gives what a fresh reading of all of them
// gives.
func TestMemberTrend(t *testing.T) {
	th := DefaultThresholds()
	r := Roster{Trends: true}
	for last := 0; last <= 45; last++ {
		p := trendPerson(last)
		r.Merge([]Participant{p}, p.Samples[last].Time, th)
		once := Roster{Trends: true}
		once.Merge([]Participant{p}, p.Samples[last].Time, th)
		got, fresh := r.Members["u1"].Trend, once.Members["u1"].Trend
		if !slices.Equal(got, fresh) {
			t.Fatalf("minute %d: the trend kept across refreshes\n%v\ndiffers from a fresh one\n%v", last, got, fresh)
		}
		want := StreamKey{Media: Audio, Dir: Send}
		if last == 7 { // no audio this minute: the trend follows video's jitter, then goes back
			want = StreamKey{Media: Video, Dir: Receive}
		}
		if w := r.Members["u1"].Rank.Worst; w.Stream != want {
			t.Fatalf("minute %d: worst %v %v, want %v", last, w.Stream, w.Metric, want)
		}
	}
	tr := r.Members["u1"].Trend
	if len(tr) != 30 || !tr[0].Time.Equal(trendT0.Add(16*time.Minute)) || !tr[29].Time.Equal(trendT0.Add(45*time.Minute)) {
		t.Fatalf("the trend holds %d points from %v to %v, want the 30 minutes 16 to 45", len(tr), tr[0].Time, tr[len(tr)-1].Time)
	}
	if v := tr[29].V; !v.OK || v.V != 445 {
		t.Errorf("the newest point is %v, want 445 ms", v)
	}
	early := Roster{Trends: true}
	early.Merge([]Participant{trendPerson(10)}, trendT0.Add(10*time.Minute), th)
	if v := early.Members["u1"].Trend[7].V; v.OK {
		t.Errorf("minute 7 has no audio, but its point is %v", v)
	}
	if off := NewMember(trendPerson(10), th); off.Trend != nil {
		t.Error("a member of a roster that keeps no trends has one")
	}
}

// WorstOf names the stream with the worst reading of one field: here
// video received for jitter, audio sent for latency; none for a field
// no stream has.
func TestWorstOf(t *testing.T) {
	th := DefaultThresholds()
	s := trendPerson(3).Samples[3]
	if r, ok := th.WorstOf(s, JitterField); !ok || r.Stream != (StreamKey{Media: Video, Dir: Receive}) || r.Value.V != 40 || r.Level != Warn {
		t.Errorf("worst jitter %+v %v", r, ok)
	}
	if r, ok := th.WorstOf(s, LatencyField); !ok || r.Stream != (StreamKey{Media: Audio, Dir: Send}) || r.Level != Critical {
		t.Errorf("worst latency %+v %v", r, ok)
	}
	if _, ok := th.WorstOf(s, MaxLossField); ok {
		t.Error("a worst max loss where no stream has one")
	}
	if _, ok := th.WorstOf(s, BitrateField); ok {
		t.Error("a worst bitrate, which has no thresholds")
	}
}
