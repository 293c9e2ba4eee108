package model

import "cmp"

// CompareValues orders two readings of a sorted column, for
// slices.SortFunc: present readings ascending (descending when desc), and
// absent ones after every present one in both directions. A missing
// reading is not 0, so it must sort neither as the best nor as the worst;
// reversing a column (S) must not bring the silent rows to the top.
func CompareValues(a, b Value, desc bool) int {
	switch {
	case a.OK != b.OK:
		if a.OK {
			return -1
		}
		return 1
	case !a.OK:
		return 0
	case desc:
		return cmp.Compare(b.V, a.V)
	}
	return cmp.Compare(a.V, b.V)
}
