package model

import (
	"errors"
	"fmt"
	"time"
)

// ParseDays reads the dates of a list of meetings of type typ, as the
// command line gives them (yyyy-mm-dd, UTC): a past list's, where either
// may be empty (to defaults to from and from to to; both empty are zero,
// which the fetch reads as today); a live list takes none.
func ParseDays(typ MeetingType, from, to string) (time.Time, time.Time, error) {
	if typ != Past {
		if from != "" || to != "" {
			return time.Time{}, time.Time{}, errors.New("--from and --to go with --type past: live meetings are those in progress")
		}
		return time.Time{}, time.Time{}, nil
	}
	day := func(name, s string) (time.Time, error) {
		if s == "" {
			return time.Time{}, nil
		}
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return t, fmt.Errorf("--%s %q: want a date as yyyy-mm-dd, e.g. 2026-11-24", name, s)
		}
		return t, nil
	}
	f, err := day("from", from)
	if err != nil {
		return f, f, err
	}
	t, err := day("to", to)
	if err != nil {
		return f, t, err
	}
	if t.IsZero() {
		t = f
	}
	if f.IsZero() {
		f = t
	}
	if t.Before(f) {
		return f, t, errors.New("--to " + to + " is before --from " + from)
	}
	return f, t, nil
}
