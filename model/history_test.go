package model_test

import (
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

var t0 = time.Date(2026, 11, 25, 19, 22, 0, 0, time.UTC)

// at is minute m after t0.
func at(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }

// sample is a sample at minute m whose audio send latency is lat.
func sample(m int, lat float64) model.Sample {
	return model.Sample{
		Time: at(m),
		Streams: map[model.StreamKey]model.StreamStats{
			{Media: model.Audio, Dir: model.Send}: {LatencyMS: model.Some(lat)},
		},
	}
}

var audioSend = model.StreamKey{Media: model.Audio, Dir: model.Send}

func latency(s model.StreamStats) model.Value { return s.LatencyMS }

// minutes lists the held samples' minutes after t0, to compare order.
func minutes(ss []model.Sample) []int {
	out := make([]int, len(ss))
	for i, s := range ss {
		out[i] = int(s.Time.Sub(t0) / time.Minute)
	}
	return out
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestHistoryMerge(t *testing.T) {
	for _, tc := range []struct {
		name      string
		cap       int
		batches   [][]model.Sample
		wantAdded []int // per batch
		want      []int // minutes held, oldest first
		wantLat   map[int]float64
	}{
		{
			name:      "in order",
			batches:   [][]model.Sample{{sample(0, 1), sample(1, 2), sample(2, 3)}},
			wantAdded: []int{3},
			want:      []int{0, 1, 2},
		},
		{
			name:      "out of order lands sorted",
			batches:   [][]model.Sample{{sample(2, 3), sample(0, 1)}, {sample(1, 2)}},
			wantAdded: []int{2, 1},
			want:      []int{0, 1, 2},
		},
		{
			name:      "repeated time replaces",
			batches:   [][]model.Sample{{sample(0, 1), sample(1, 2)}, {sample(1, 99)}},
			wantAdded: []int{2, 0},
			want:      []int{0, 1},
			wantLat:   map[int]float64{0: 1, 1: 99},
		},
		{
			name:      "repeated time within one batch keeps the last",
			batches:   [][]model.Sample{{sample(0, 1), sample(0, 7)}},
			wantAdded: []int{1},
			want:      []int{0},
			wantLat:   map[int]float64{0: 7},
		},
		{
			name:      "same instant in another zone is the same time",
			batches:   [][]model.Sample{{sample(0, 1)}, {{Time: at(0).In(time.FixedZone("X", 3600))}}},
			wantAdded: []int{1, 0},
			want:      []int{0},
		},
		{
			name:      "cap drops oldest",
			cap:       3,
			batches:   [][]model.Sample{{sample(0, 1), sample(1, 2), sample(2, 3)}, {sample(3, 4), sample(4, 5)}},
			wantAdded: []int{3, 2},
			want:      []int{2, 3, 4},
		},
		{
			name:      "a sample older than a full history is not added",
			cap:       2,
			batches:   [][]model.Sample{{sample(5, 1), sample(6, 2)}, {sample(1, 9)}},
			wantAdded: []int{2, 0},
			want:      []int{5, 6},
		},
		{
			name:      "zero time is skipped",
			batches:   [][]model.Sample{{{}, sample(0, 1)}},
			wantAdded: []int{1},
			want:      []int{0},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := model.NewHistory(tc.cap)
			for i, b := range tc.batches {
				if got := h.Merge(b...); got != tc.wantAdded[i] {
					t.Errorf("Merge batch %d added %d, want %d", i, got, tc.wantAdded[i])
				}
			}
			if got := minutes(h.Samples()); !equalInts(got, tc.want) {
				t.Fatalf("held minutes %v, want %v", got, tc.want)
			}
			if h.Len() != len(tc.want) {
				t.Errorf("Len() = %d, want %d", h.Len(), len(tc.want))
			}
			for _, s := range h.Samples() {
				m := int(s.Time.Sub(t0) / time.Minute)
				if want, ok := tc.wantLat[m]; ok {
					if got := s.Streams[audioSend].LatencyMS; got != model.Some(want) {
						t.Errorf("minute %d latency %v, want %v", m, got, want)
					}
				}
			}
		})
	}
}

func TestHistoryDefaultCap(t *testing.T) {
	h := model.NewHistory(0)
	for m := 0; m < model.DefaultHistoryCap+10; m++ {
		h.Merge(sample(m, 1))
	}
	if h.Len() != model.DefaultHistoryCap {
		t.Fatalf("Len() = %d, want DefaultHistoryCap %d", h.Len(), model.DefaultHistoryCap)
	}
	if first := h.Samples()[0].Time; !first.Equal(at(10)) {
		t.Fatalf("oldest held %v, want %v", first, at(10))
	}
}

func TestHistoryVersion(t *testing.T) {
	h := model.NewHistory(2)
	v := h.Version()
	step := func(name string, changes bool, samples ...model.Sample) {
		t.Helper()
		h.Merge(samples...)
		if got := h.Version(); (got != v) != changes {
			t.Errorf("%s: version %d -> %d, want changed=%v", name, v, got, changes)
		}
		v = h.Version()
	}
	step("new sample", true, sample(1, 1))
	step("replacement", true, sample(1, 2))
	step("the same minute again, same readings", false, sample(1, 2))
	step("nothing", false)
	step("only a zero time", false, model.Sample{})
	step("second sample", true, sample(2, 1))
	step("older than a full history", false, sample(0, 1))
	step("newer pushes out oldest", true, sample(3, 1))
}

func TestHistoryLatestAndSince(t *testing.T) {
	h := model.NewHistory(0)
	if _, ok := h.Latest(); ok {
		t.Fatal("Latest() on an empty history reported a sample")
	}
	if got := h.Since(t0); len(got) != 0 {
		t.Fatalf("Since on empty = %d samples", len(got))
	}
	h.Merge(sample(3, 3), sample(1, 1), sample(2, 2))
	latest, ok := h.Latest()
	if !ok || !latest.Time.Equal(at(3)) {
		t.Fatalf("Latest() = %v, %v; want minute 3", latest.Time, ok)
	}
	for _, tc := range []struct {
		name  string
		since time.Time
		want  []int
	}{
		{"before all", at(0), []int{1, 2, 3}},
		{"exactly at a sample", at(2), []int{2, 3}},
		{"between samples", at(2).Add(time.Second), []int{3}},
		{"after all", at(4), []int{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := minutes(h.Since(tc.since)); !equalInts(got, tc.want) {
				t.Fatalf("Since = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestSeriesGapsStayAbsent(t *testing.T) {
	samples := []model.Sample{
		sample(0, 120),
		{Time: at(1)}, // no streams at all
		{Time: at(2), Streams: map[model.StreamKey]model.StreamStats{
			{Media: model.Video, Dir: model.Send}: {LatencyMS: model.Some(50)}, // another stream only
		}},
		{Time: at(3), Streams: map[model.StreamKey]model.StreamStats{
			audioSend: {BitrateKbps: model.Some(23)}, // the stream, without a latency
		}},
		sample(4, 0), // a real zero
	}
	got := model.Series(samples, audioSend, latency)
	want := []model.Value{model.Some(120), model.None, model.None, model.None, model.Some(0)}
	if len(got) != len(want) {
		t.Fatalf("Series has %d points, want %d", len(got), len(want))
	}
	for i, p := range got {
		if !p.Time.Equal(at(i)) {
			t.Errorf("point %d time %v, want %v", i, p.Time, at(i))
		}
		if p.V != want[i] {
			t.Errorf("point %d = %+v, want %+v", i, p.V, want[i])
		}
	}
}

func TestHistoryRewrites(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 19, 0, 0, 0, time.UTC)
	at := func(m int, lat float64) model.Sample {
		return model.Sample{Time: t0.Add(time.Duration(m) * time.Minute), Streams: map[model.StreamKey]model.StreamStats{{}: {LatencyMS: model.Some(lat)}}}
	}
	h := model.NewHistory(10)
	h.Merge(at(0, 50), at(1, 50))
	h.Merge(at(2, 50))
	h.Merge(at(2, 50)) // the same minute again, unchanged
	if h.Rewrites() != 0 {
		t.Fatalf("appends and repeats counted as %d rewrites, want 0", h.Rewrites())
	}
	h.Merge(at(2, 60))
	if h.Rewrites() != 1 {
		t.Fatalf("a changed reading: %d rewrites, want 1", h.Rewrites())
	}
	h.Merge(at(-1, 50))
	if h.Rewrites() != 2 {
		t.Fatalf("a late sample before the others: %d rewrites, want 2", h.Rewrites())
	}
}
