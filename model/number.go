package model

import (
	"strconv"
	"strings"
)

// FormatNum prints a reading with as many decimals as its size deserves:
// "126", "12.5", "0.03".
func FormatNum(v float64) string {
	prec := 2
	switch {
	case v >= 100:
		prec = 0
	case v >= 10:
		prec = 1
	}
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if prec > 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
