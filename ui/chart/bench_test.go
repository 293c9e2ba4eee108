package chart

import (
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// Benchmarks at 200x60 with a full day of per-minute history (1440
// samples, the history's cap) in a 256-colour palette:
//
//	go test ./ui/chart -run '^$' -bench . -benchmem
//
// Rebuild is what a new sample, a scroll or a zoom costs; Unchanged is
// every other frame.

func benchChart(b *testing.B, ascii bool) *Model {
	b.Helper()
	m := New(model.LatencyField)
	m.SetStyles(testStyles())
	m.SetLocation(time.UTC)
	m.SetASCII(ascii)
	m.SetSize(200, 60)
	m.SetView(fixEnd.Add(-24*time.Hour), fixEnd)
	send, recv := fixture(model.DefaultHistoryCap)
	m.SetData(send, recv)
	m.View()
	return m
}

func BenchmarkRebuild200x60(b *testing.B) {
	m := benchChart(b, false)
	send, recv := fixture(model.DefaultHistoryCap)
	b.ReportAllocs()
	for b.Loop() {
		m.SetData(send, recv)
		_ = m.View()
	}
}

func BenchmarkRebuild200x60ASCII(b *testing.B) {
	m := benchChart(b, true)
	send, recv := fixture(model.DefaultHistoryCap)
	b.ReportAllocs()
	for b.Loop() {
		m.SetData(send, recv)
		_ = m.View()
	}
}

func BenchmarkUnchanged200x60(b *testing.B) {
	m := benchChart(b, false)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}
