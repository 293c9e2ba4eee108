package model_test

import (
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

func TestAnswerOfTakesTheNewestSampleOfAnyone(t *testing.T) {
	at := time.Date(2026, 3, 9, 14, 31, 20, 0, time.UTC)
	m := func(min int) model.Sample { return model.Sample{Time: time.Date(2026, 3, 9, 14, min, 0, 0, time.UTC)} }
	tests := []struct {
		name   string
		ps     []model.Participant
		newest time.Time
		step   time.Duration
	}{
		{"nobody", nil, time.Time{}, 0},
		{"no samples", []model.Participant{{}}, time.Time{}, 0},
		{"one sample: no step yet", []model.Participant{{Samples: []model.Sample{m(30)}}}, m(30).Time, 0},
		{"the later of two people, with their own step",
			[]model.Participant{{Samples: []model.Sample{m(27), m(28)}}, {Samples: []model.Sample{m(29), m(31)}}}, m(31).Time, 2 * time.Minute},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := model.AnswerOf(at, tc.ps...)
			if !a.At.Equal(at) || !a.Newest.Equal(tc.newest) || a.Step != tc.step {
				t.Errorf("AnswerOf = %+v; want at %v, newest %v, step %v", a, at, tc.newest, tc.step)
			}
		})
	}
}
