package model_test

import (
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// Bucketing a day of samples (the history's cap) into a 200-column
// sparkline over 24 hours, the widest case:
//
//	go test ./model -run '^$' -bench Bucket -benchmem
func BenchmarkBucketDay200(b *testing.B) {
	k := model.StreamKey{Media: model.Audio, Dir: model.Send}
	samples := make([]model.Sample, model.DefaultHistoryCap)
	pts := make([]model.Point, len(samples))
	for i := range samples {
		t := gridNow.Add(time.Duration(i-len(samples)) * time.Minute)
		v := model.Some(float64(i % 97))
		samples[i] = model.Sample{Time: t, Streams: map[model.StreamKey]model.StreamStats{k: {LatencyMS: v}}}
		pts[i] = model.Point{Time: t, V: v}
	}
	g := model.NewGrid(24*time.Hour, gridNow, 200)
	buf := make([]model.Value, 0, 200)
	b.Run("points", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf = g.Bucket(buf, pts, model.HigherWorse)
		}
	})
	b.Run("samples", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf = g.BucketSamples(buf, samples, k, model.LatencyField)
		}
	})
}
