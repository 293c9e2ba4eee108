package chart

import (
	"github.com/NimbleMarkets/ntcharts/v2/canvas"
	"github.com/NimbleMarkets/ntcharts/v2/canvas/runes"
)

// asciify rewrites what ntcharts drew into printable ASCII, for --ascii:
// braille becomes one of . ' - | / \ by where its dots lie, and the box
// drawing of the axes becomes + - |. ntcharts has no ASCII mode, and a
// braille cell holds a 2x4 dot picture of the line, which is enough to
// pick the ASCII rune that follows it.
func asciify(c *canvas.Model) {
	for y := range c.Height() {
		for x := range c.Width() {
			p := canvas.Point{X: x, Y: y}
			cell := c.Cell(p)
			var r rune
			switch {
			case cell.Rune == 0 || cell.Rune < 0x80:
				continue
			case runes.IsBraillePattern(cell.Rune):
				r = brailleASCII(cell.Rune)
			case cell.Rune == runes.LineVertical:
				r = '|'
			case cell.Rune == runes.LineHorizontal:
				r = '-'
			default:
				r = '+' // corners and junctions of the axes
			}
			cell.Rune = r
			c.SetCell(p, cell)
		}
	}
}

// brailleDots are the braille dot bits by column (left, right) and row
// (top to bottom), as Unicode numbers them: dots 1-2-3-7 on the left,
// 4-5-6-8 on the right.
var brailleDots = [2][4]rune{{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}}

// brailleASCII picks the ASCII rune that looks most like a braille cell:
// a line through three or four dot rows is steep (/ or \ by which side
// is higher, | if neither); a flatter one is ' high in the cell, . low
// and - in the middle. An empty pattern is a blank.
func brailleASCII(r rune) rune {
	bits := r - runes.BrailleBlockOffset
	var sum, n [2]int // per column: sum of dot rows, dots
	top, bottom := 4, -1
	for col := range 2 {
		for row := range 4 {
			if bits&brailleDots[col][row] != 0 {
				sum[col] += row
				n[col]++
				top, bottom = min(top, row), max(bottom, row)
			}
		}
	}
	if bottom < 0 {
		return ' '
	}
	if bottom-top >= 2 {
		if n[0] > 0 && n[1] > 0 {
			// Compare mean rows without dividing: row grows downward.
			l, rr := sum[0]*n[1], sum[1]*n[0]
			switch {
			case l > rr:
				return '/'
			case l < rr:
				return '\\'
			}
		}
		return '|'
	}
	mid := float64(sum[0]+sum[1]) / float64(n[0]+n[1])
	switch {
	case mid < 1:
		return '\''
	case mid > 2:
		return '.'
	}
	return '-'
}
