package model

import (
	"fmt"
	"strconv"
	"strings"
)

// SortChoices are the orders `snapshot --sort` takes, the overview's s
// key's columns that need no reading chosen with m.
var SortChoices = []string{"worst", "name", "join"}

// ParseSortColumn reads --sort: worst, name or join.
func ParseSortColumn(s string) (SortColumn, error) {
	switch strings.ToLower(s) {
	case "", "worst":
		return SortWorst, nil
	case "name":
		return SortName, nil
	case "join":
		return SortJoin, nil
	}
	return 0, fmt.Errorf("%q: want %s", s, strings.Join(SortChoices, ", "))
}

// SortParticipants orders ps as the overview orders its rows in column c:
// worst first judged by th (in a meeting that is over, by the share of
// each call spent degraded), by name, or by when they joined. Everyone
// is kept, however long ago they left, and samples stay with their
// participant.
func SortParticipants(ps []Participant, th Thresholds, c SortColumn, over bool) []Participant {
	r := Roster{Members: make(map[string]Member, len(ps)), Over: over}
	for i, p := range ps {
		mb := NewMember(p, th)
		if over {
			mb = wholeCall(p, th)
		}
		mb.Seen = i
		// The index, not MemberKey: one person who rejoined is two rows here,
		// as Zoom listed them.
		r.Members[strconv.Itoa(i)] = mb
	}
	out := make([]Participant, 0, len(ps))
	for _, mb := range r.Sorted(Sort{Column: c}) {
		out = append(out, ps[mb.Seen])
	}
	return out
}
