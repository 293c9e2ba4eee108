package model_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/qostop/qostop/model"
)

// latencies is a window of samples, one a minute, of audio send latency.
func latencies(ms ...float64) []model.Sample {
	out := make([]model.Sample, len(ms))
	for i, v := range ms {
		out[i] = sample(i, v)
	}
	return out
}

type person struct {
	id, name string
	recent   []model.Sample // the last one is "now"
}

func rankAll(th model.Thresholds, ps []person) []string {
	ranks := make([]model.Rank, len(ps))
	for i, p := range ps {
		var now model.Sample
		if len(p.recent) > 0 {
			now = p.recent[len(p.recent)-1]
		}
		ranks[i] = th.Rank(p.id, p.name, now, p.recent)
	}
	slices.SortFunc(ranks, model.CompareRanks)
	names := make([]string, len(ranks))
	for i, r := range ranks {
		names[i] = r.Name
	}
	return names
}

func TestRankOrder(t *testing.T) {
	th := model.DefaultThresholds()
	for _, tc := range []struct {
		name string
		ps   []person
		want []string
	}{
		{"same level: further past the threshold first", []person{
			{"1", "Aaron", latencies(160)},
			{"2", "Bob", latencies(290)},
		}, []string{"Bob", "Aaron"}},
		{"all good: the higher reading first, not the alphabet", []person{
			{"1", "Aaron Adeyemi", latencies(76)},
			{"2", "Daria Dubois", latencies(135)},
			{"3", "Alice", latencies(52)},
		}, []string{"Daria Dubois", "Aaron Adeyemi", "Alice"}},
		{"critical beats warn whatever the metric", []person{
			{"1", "Latency", latencies(290)},
			{"2", "Loss", []model.Sample{streams(map[model.StreamKey]model.StreamStats{audioSend: {AvgLossPct: model.Some(5.5)}})}},
		}, []string{"Loss", "Latency"}},
		{"same reading now: longer degraded first", []person{
			{"1", "Aaron", latencies(40, 40, 40, 200)},
			{"2", "Bob", latencies(200, 200, 40, 200)},
		}, []string{"Bob", "Aaron"}},
		{"same reading and share: name, ignoring case", []person{
			{"1", "bob", latencies(40, 200)},
			{"2", "Alice", latencies(40, 200)},
			{"3", "ALICE", latencies(40, 200)},
			{"4", "carol", latencies(40, 200)},
		}, []string{"ALICE", "Alice", "bob", "carol"}},
		{"no reading now sorts last, even when degraded before", []person{
			{"1", "Gone quiet", append(latencies(400, 400), model.Sample{Time: at(2)})},
			{"2", "Fine", latencies(20)},
			{"3", "Never seen", nil},
		}, []string{"Fine", "Gone quiet", "Never seen"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := rankAll(th, tc.ps)
			if !slices.Equal(got, tc.want) {
				t.Fatalf("order %q, want %q", got, tc.want)
			}
		})
	}
}

// Two people with the same name and readings keep one order, whichever
// comes first in the input: rows must not swap between polls.
func TestRankTotalOrder(t *testing.T) {
	th := model.DefaultThresholds()
	a := th.Rank("16778250", "iPhone", sample(0, 90), nil)
	b := th.Rank("16778249", "iPhone", sample(0, 90), nil)
	if model.CompareRanks(a, b) <= 0 || model.CompareRanks(b, a) >= 0 || model.CompareRanks(a, a) != 0 {
		t.Fatalf("CompareRanks(a, b) = %d, (b, a) = %d, (a, a) = %d", model.CompareRanks(a, b), model.CompareRanks(b, a), model.CompareRanks(a, a))
	}
}

// A Rank written as a literal (no precomputed key) still sorts by name
// without regard to case.
func TestRankLiteralFolds(t *testing.T) {
	a, b := model.Rank{Name: "bob"}, model.Rank{Name: "Alice"}
	if model.CompareRanks(b, a) >= 0 {
		t.Fatalf("Alice does not sort before bob")
	}
}

func TestRankReason(t *testing.T) {
	th := model.DefaultThresholds()
	now := streams(map[model.StreamKey]model.StreamStats{
		audioSend: {AvgLossPct: model.Some(7.2), LatencyMS: model.Some(80)},
		videoRecv: {JitterMS: model.Some(35)},
	})
	r := th.Rank("7", "Alice Chen", now, []model.Sample{now})
	w := r.Worst
	got := strings.Join([]string{w.Stream.Media.String(), w.Stream.Dir.String(), w.Metric.String(), w.Value.String(), w.Level.String()}, " ")
	if want := "audio send loss 7.2 critical"; !r.HasWorst || got != want || r.Degraded != 1 {
		t.Fatalf("reason %q (has %v, degraded %g), want %q", got, r.HasWorst, r.Degraded, want)
	}
}

func BenchmarkSortRanks(b *testing.B) {
	th := model.DefaultThresholds()
	names := []string{"Aaron Adeyemi", "Daria Dubois", "alice", "Bob", "Émile", "zoë"}
	base := make([]model.Rank, 42)
	for i := range base {
		base[i] = th.Rank("", names[i%len(names)], sample(0, float64(40+i%5)), nil)
	}
	rs := make([]model.Rank, len(base))
	b.ReportAllocs()
	for b.Loop() {
		copy(rs, base)
		slices.SortFunc(rs, model.CompareRanks)
	}
}
