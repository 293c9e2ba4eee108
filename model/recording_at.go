package model

import (
	"reflect"
	"slices"
	"time"
)

// Said is who a participant was, as a recording said at At.
type Said struct {
	At time.Time
	P  Participant // without samples
}

// said keeps p as key's identity from at, unless it is the one before.
func (l *recordingLoader) said(key string, p Participant, at time.Time) {
	ss := l.rec.Said[key]
	if n := len(ss); n > 0 && reflect.DeepEqual(ss[n-1].P, p) {
		return
	}
	l.rec.Said[key] = append(ss, Said{At: at, P: p})
}

// At is the meeting as qostop had seen it at t: everyone it had an
// answer for by then, as the newest answer before t named them, with the
// samples first seen by t, oldest first. It is what Zoom's answer at t
// held for a replay, as far as the recording knows it: what the screens
// showed live at t came from these answers.
func (r Recording) At(t time.Time) []Participant {
	var out []Participant
	for _, p := range r.Participants {
		key := MemberKey(p)
		ss := r.Said[key]
		i := saidBy(ss, t)
		if i < 0 {
			continue // not seen yet
		}
		who := ss[i].P
		seen := r.Seen[key]
		for _, s := range p.Samples {
			if at, ok := seen[s.Time]; ok && !at.After(t) {
				who.Samples = append(who.Samples, s)
			}
		}
		out = append(out, who)
	}
	return out
}

// saidBy is the index of the last identity said at or before t; -1 when
// none was.
func saidBy(ss []Said, t time.Time) int {
	i, _ := slices.BinarySearchFunc(ss, t, func(s Said, t time.Time) int {
		if s.At.After(t) {
			return 1
		}
		return -1
	})
	return i - 1
}
