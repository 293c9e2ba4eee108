package chart

import (
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// Benchmarks at 200x60 with a full day of per-minute history (1440
// samples, the history's cap):
//
//	go test ./ui/chart -run '^$' -bench . -benchmem
//
// Rebuild is what a new sample, a scroll or a zoom costs (the view is a
// day, so every sample is drawn); Unchanged is every other frame. 256 is
// the test theme's 256-colour palette, Plain the zero Styles (what the
// Ascii colour profile leaves), ASCIIMode --ascii, Flapping a stream
// that drops every other sample: 720 runs, each its own ntcharts data set.

func benchChart(b *testing.B, st Styles, ascii bool, pts []model.Point) *Model {
	b.Helper()
	m := New(model.LatencyField)
	m.SetStyles(st)
	m.SetLocation(time.UTC)
	m.SetASCII(ascii)
	m.SetSize(200, 60)
	m.SetView(fixEnd.Add(-24*time.Hour), fixEnd)
	m.SetData(pts, pts)
	m.View()
	return m
}

func benchRebuild(b *testing.B, st Styles, ascii bool, pts []model.Point) {
	m := benchChart(b, st, ascii, pts)
	b.ReportAllocs()
	for b.Loop() {
		m.SetData(pts, pts)
		_ = m.View()
	}
}

func dayOfSamples() []model.Point {
	send, _ := fixture(model.DefaultHistoryCap)
	return send
}

func BenchmarkRebuild256(b *testing.B)   { benchRebuild(b, testStyles(), false, dayOfSamples()) }
func BenchmarkRebuildPlain(b *testing.B) { benchRebuild(b, Styles{}, false, dayOfSamples()) }
func BenchmarkRebuildASCIIMode256(b *testing.B) {
	benchRebuild(b, testStyles(), true, dayOfSamples())
}

func BenchmarkRebuildFlapping256(b *testing.B) {
	pts := dayOfSamples()
	for i := range pts {
		if i%2 == 1 {
			pts[i].V = model.None
		}
	}
	benchRebuild(b, testStyles(), false, pts)
}

func BenchmarkUnchanged256(b *testing.B) {
	m := benchChart(b, testStyles(), false, dayOfSamples())
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
