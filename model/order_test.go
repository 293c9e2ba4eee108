package model_test

import (
	"slices"
	"testing"

	"github.com/qostop/qostop/model"
)

func TestCompareValues(t *testing.T) {
	in := []model.Value{model.Some(61), model.None, model.Some(0), model.Some(52), model.None}
	for _, tc := range []struct {
		name string
		desc bool
		want []model.Value
	}{
		{"ascending: absent last, not as 0", false, []model.Value{model.Some(0), model.Some(52), model.Some(61), model.None, model.None}},
		{"descending: absent still last", true, []model.Value{model.Some(61), model.Some(52), model.Some(0), model.None, model.None}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := slices.Clone(in)
			slices.SortStableFunc(got, func(a, b model.Value) int { return model.CompareValues(a, b, tc.desc) })
			if !slices.Equal(got, tc.want) {
				t.Fatalf("sorted %v, want %v", got, tc.want)
			}
		})
	}
}
