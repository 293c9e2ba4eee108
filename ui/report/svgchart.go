package report

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/qostop/qostop/model"
)

// The report's charts are SVG written here rather than by gonum/plot:
// they need a line broken at every missing reading (a gap is not 0), two
// threshold lines, marker lines and two time labels, which is this file;
// gonum/plot lays text out with font files it then either names (the
// reader may lack them) or embeds (hundreds of kilobytes a chart), and
// would add its own modules (x/image, fonts, svgo) to the build for it.
// Inline SVG in HTML needs no xmlns, so the page holds no URL at all.

// chart is one metric of one stream over the meeting.
type chart struct {
	title      string // "latency (ms)"
	pts        []model.Point
	from, to   time.Time // the x axis: the whole meeting, the same for every chart
	step       time.Duration
	warn, crit float64
	markers    []time.Time
}

// The chart's size and plot area, in SVG user units (CSS pixels).
const (
	chartW, chartH                     = 340, 150
	padLeft, padRight, padTop, padBott = 46, 10, 22, 24
)

// Colours: the data, the warn and critical lines, markers, ink.
const (
	colData, colWarn, colCrit, colMarker = "#1f5fbf", "#b7791f", "#c53030", "#6b46c1"
	colInk, colMuted, colPlot            = "#1a202c", "#718096", "#f7fafc"
)

// svg writes the chart as an <svg> element.
func (c chart) svg(b *strings.Builder) {
	top := c.top()
	pw, ph := float64(chartW-padLeft-padRight), float64(chartH-padTop-padBott)
	span := c.to.Sub(c.from).Seconds()
	x := func(t time.Time) float64 {
		if span <= 0 {
			return padLeft + pw/2
		}
		return padLeft + pw*t.Sub(c.from).Seconds()/span
	}
	y := func(v float64) float64 { return padTop + ph*(1-math.Min(v, top)/top) }

	fmt.Fprintf(b, `<svg class="chart" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="%s">`,
		chartW, chartH, chartW, chartH, htmlText(c.title))
	fmt.Fprintf(b, `<rect class="plot" x="%d" y="%d" width="%g" height="%g" fill="%s" stroke="#cbd5e0"/>`,
		padLeft, padTop, pw, ph, colPlot)
	fmt.Fprintf(b, `<text x="%d" y="14" font-size="12" fill="%s">%s</text>`, padLeft, colInk, htmlText(c.title))
	fmt.Fprintf(b, `<text x="%d" y="%g" font-size="10" text-anchor="end" fill="%s">%s</text>`, padLeft-4, float64(padTop+8), colMuted, model.FormatNum(top))
	fmt.Fprintf(b, `<text x="%d" y="%g" font-size="10" text-anchor="end" fill="%s">0</text>`, padLeft-4, padTop+ph, colMuted)
	for _, l := range []struct {
		v      float64
		colour string
		name   string
	}{{c.warn, colWarn, "warn"}, {c.crit, colCrit, "crit"}} {
		// Whole pixels and crisp edges: a dashed line drawn between two
		// rows of pixels would be two rows of a paler colour.
		fmt.Fprintf(b, `<line x1="%d" x2="%g" y1="%.1f" y2="%.1f" stroke="%s" stroke-width="1.5" stroke-dasharray="6 3" shape-rendering="crispEdges"/>`,
			padLeft, padLeft+pw, math.Round(y(l.v)), math.Round(y(l.v)), l.colour)
		fmt.Fprintf(b, `<text x="%g" y="%.1f" font-size="9" text-anchor="end" fill="%s">%s %s</text>`,
			padLeft+pw-2, y(l.v)-2, l.colour, l.name, model.FormatNum(l.v))
	}
	for _, m := range c.markers {
		if m.Before(c.from) || m.After(c.to) {
			continue
		}
		fmt.Fprintf(b, `<line class="marker" x1="%.1f" x2="%.1f" y1="%d" y2="%g" stroke="%s" stroke-width="1.5"/>`,
			x(m), x(m), padTop, padTop+ph, colMarker)
	}
	for _, run := range c.runs() {
		if len(run) == 1 {
			fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="2" fill="%s"/>`, x(run[0].Time), y(run[0].V.V), colData)
			continue
		}
		b.WriteString(`<polyline fill="none" stroke="` + colData + `" stroke-width="1.6" points="`)
		for i, p := range run {
			if i > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(b, "%.1f,%.1f", x(p.Time), y(p.V.V))
		}
		b.WriteString(`"/>`)
	}
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="10" fill="%s">%s</text>`, padLeft, chartH-8, colMuted, c.from.UTC().Format("15:04"))
	fmt.Fprintf(b, `<text x="%g" y="%d" font-size="10" text-anchor="end" fill="%s">%s UTC</text>`,
		padLeft+pw, chartH-8, colMuted, c.to.UTC().Format("15:04"))
	b.WriteString("</svg>")
}

// top is the y axis' top: the higher of the peak and the critical line,
// with room above, so both thresholds are always in view.
func (c chart) top() float64 {
	peak := c.crit
	for _, p := range c.pts {
		if p.V.OK && p.V.V > peak && !math.IsInf(p.V.V, 0) {
			peak = p.V.V
		}
	}
	if peak <= 0 {
		peak = 1
	}
	return peak * 1.12
}

// runs splits the points into lines: a missing reading or a gap longer
// than twice the cadence ends one, so nothing is drawn across a gap.
func (c chart) runs() [][]model.Point {
	var out [][]model.Point
	var cur []model.Point
	for _, p := range c.pts {
		ok := p.V.OK && !math.IsNaN(p.V.V) && !math.IsInf(p.V.V, 0)
		if len(cur) > 0 && (!ok || (c.step > 0 && p.Time.Sub(cur[len(cur)-1].Time) > 2*c.step)) {
			out, cur = append(out, cur), nil
		}
		if ok {
			cur = append(cur, p)
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}
