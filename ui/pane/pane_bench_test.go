package pane

import (
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/qostop/qostop/model"
)

// paneBenchSizes are a video pane's sizes on two screens: compact at
// 80x24 (a third of what header and status bar leave) and full at 200x60.
var paneBenchSizes = []struct {
	name string
	w, h int
}{{"80x24", 80, 5}, {"200x60", 200, 18}}

// BenchmarkPaneRebuild is a redraw after new data: extracting the
// medium's streams from a full day's history and drawing the pane, in
// true colour so every escape sequence is written.
func BenchmarkPaneRebuild(b *testing.B) {
	samples := paneFixture(model.DefaultHistoryCap, everyStream...)
	for _, sz := range paneBenchSizes {
		b.Run(sz.name, func(b *testing.B) {
			p := New(model.Video)
			p.SetStyles(testStyles(colorprofile.TrueColor, false))
			p.SetSize(sz.w, sz.h)
			b.ReportAllocs()
			for b.Loop() {
				p.SetData(samples)
				_ = p.View()
			}
		})
	}
}

// BenchmarkPaneResize is a redraw without new data (resize, focus, theme).
func BenchmarkPaneResize(b *testing.B) {
	samples := paneFixture(model.DefaultHistoryCap, everyStream...)
	for _, sz := range paneBenchSizes {
		b.Run(sz.name, func(b *testing.B) {
			p := New(model.Video)
			p.SetStyles(testStyles(colorprofile.TrueColor, false))
			p.SetData(samples)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				p.SetSize(sz.w-i%2, sz.h)
				_ = p.View()
			}
		})
	}
}

// BenchmarkPaneView is a frame where nothing changed: the cached string.
func BenchmarkPaneView(b *testing.B) {
	p := New(model.Video)
	p.SetStyles(testStyles(colorprofile.TrueColor, false))
	p.SetSize(200, 18)
	p.SetData(paneFixture(model.DefaultHistoryCap, everyStream...))
	b.ReportAllocs()
	for b.Loop() {
		_ = p.View()
	}
}
