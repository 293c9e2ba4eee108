package model_test

import (
	"encoding/binary"
	"math"
	"sort"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// FuzzGridBucket feeds the grid any window, width, clock and points
// (times and values from the fuzzer's bytes, NaN and Inf included): it
// must not panic, must give exactly width columns, must keep a column
// without a drawable reading a gap, and must keep the worst reading of
// every other column. Run with
// go test ./model -run '^$' -fuzz FuzzGridBucket -fuzztime 20s
func FuzzGridBucket(f *testing.F) {
	f.Add(int64(time.Hour), 60, int64(0), []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add(int64(time.Minute), 200, int64(17e9), []byte{0xff, 0xf8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0})
	f.Add(int64(0), 0, int64(-1), []byte{})
	f.Add(int64(math.MaxInt64), 1, int64(math.MaxInt64), []byte{0x7f, 0xf0, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 0})
	f.Fuzz(func(t *testing.T, window int64, width int, nowNS int64, raw []byte) {
		width = min(max(width, -1), 2000) // bound the work, still try <1
		now := gridNow.Add(time.Duration(nowNS % int64(48*time.Hour)))
		// History keeps samples oldest first; an odd first byte breaks
		// that promise, to show the grid still neither panics nor invents.
		sorted := len(raw) == 0 || raw[0]%2 == 0
		var pts []model.Point
		for len(raw) >= 12 {
			v := math.Float64frombits(binary.BigEndian.Uint64(raw))
			off := int32(binary.BigEndian.Uint32(raw[8:]))
			raw = raw[12:]
			p := model.Point{Time: now.Add(time.Duration(off) * time.Second)}
			if off%5 != 0 {
				p.V = model.Some(v)
			}
			pts = append(pts, p)
		}
		if sorted {
			sort.SliceStable(pts, func(i, j int) bool { return pts[i].Time.Before(pts[j].Time) })
		}
		for _, w := range []model.Worse{model.HigherWorse, model.LowerWorse} {
			g := model.NewGrid(time.Duration(window), now, width)
			cols := g.Bucket(nil, pts, w)
			if len(cols) != max(width, 0) {
				t.Fatalf("%d columns for width %d", len(cols), width)
			}
			want := make([]model.Value, len(cols))
			for _, p := range pts {
				if c, ok := g.Column(p.Time); ok {
					want[c] = w.Pick(want[c], p.V)
				}
			}
			for c := range cols {
				if cols[c].OK && !want[c].OK {
					t.Fatalf("column %d = %v, but no reading falls in it", c, cols[c])
				}
				if sorted && cols[c] != want[c] {
					t.Fatalf("column %d = %v, want %v", c, cols[c], want[c])
				}
				if cols[c].OK && (math.IsNaN(cols[c].V) || math.IsInf(cols[c].V, 0)) {
					t.Fatalf("column %d holds %v: not drawable", c, cols[c].V)
				}
			}
		}
	})
}
