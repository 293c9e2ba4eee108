package model

import (
	"cmp"
	"slices"
	"strings"
)

// The overview's columns: which reading the media columns show (m cycles
// it) and which column the rows are sorted by (s cycles, S reverses).

// Shown is the one reading every media column shows, for every row, so
// that a column can be read down and compared.
type Shown int

// The readings m cycles through.
const (
	ShowLatency Shown = iota
	ShowJitter
	ShowLoss
	ShowBitrate
	NumShown
)

func (s Shown) String() string {
	switch s {
	case ShowJitter:
		return "jitter"
	case ShowLoss:
		return "loss"
	case ShowBitrate:
		return "bitrate"
	}
	return "latency"
}

// Short is the column title's word: "lat", "jit", "loss", "kbps".
func (s Shown) Short() string {
	switch s {
	case ShowJitter:
		return "jit"
	case ShowLoss:
		return "loss"
	case ShowBitrate:
		return "kbps"
	}
	return "lat"
}

// Unit is the unit the cells are in.
func (s Shown) Unit() string {
	switch s {
	case ShowLoss:
		return "%"
	case ShowBitrate:
		return "kbps"
	}
	return "ms"
}

// Metric is the threshold the reading is judged by; ok is false for
// bitrate, which has none.
func (s Shown) Metric() (m Metric, ok bool) {
	switch s {
	case ShowLatency:
		return Latency, true
	case ShowJitter:
		return Jitter, true
	case ShowLoss:
		return AvgLoss, true
	}
	return 0, false
}

func (s Shown) field(st StreamStats) Value {
	switch s {
	case ShowJitter:
		return st.JitterMS
	case ShowLoss:
		return st.AvgLossPct
	case ShowBitrate:
		return st.BitrateKbps
	}
	return st.LatencyMS
}

// MediaValue is the member's current reading s of medium md in direction
// dir: the worst over the paths for a judged reading, the sum for the
// bitrate (a room system may send over two paths at once). Absent when
// no path has it.
func (mb Member) MediaValue(md Media, dir Direction, s Shown) Value {
	var out Value
	for _, p := range Paths {
		st, ok := mb.Current.Streams[StreamKey{Media: md, Dir: dir, Path: p}]
		v := s.field(st)
		if !ok || !v.OK {
			continue
		}
		switch {
		case !out.OK:
			out = v
		case s == ShowBitrate:
			out.V += v.V
		default:
			out.V = max(out.V, v.V)
		}
	}
	return out
}

// SortColumn is a column the rows can be sorted by.
type SortColumn int

// The columns s cycles through.
const (
	SortWorst SortColumn = iota // the default: how far past a threshold, now
	SortName
	SortAudio
	SortVideo
	SortShare
	SortJoin
	NumSortColumns
)

// Sort is how the overview orders its rows.
type Sort struct {
	Column  SortColumn
	Reverse bool  // S: the other way round; missing readings stay last
	Shown   Shown // what the media columns show, which their sort compares
}

// String is the header's word for the order, e.g. "sort: worst first",
// "sort: audio latency, highest first".
func (o Sort) String() string {
	pick := func(normal, reversed string) string {
		if o.Reverse {
			return reversed
		}
		return normal
	}
	switch o.Column {
	case SortName:
		return "sort: name " + pick("A-Z", "Z-A")
	case SortJoin:
		return "sort: joined " + pick("earliest first", "latest first")
	case SortAudio, SortVideo, SortShare:
		md := Medias[o.Column-SortAudio]
		return "sort: " + md.String() + " " + o.Shown.String() + ", " + pick("highest first", "lowest first")
	}
	return "sort: " + pick("worst first", "best first")
}

// Sorted lists the members in order o. Whatever the order, a total one:
// ties fall back to the worst-first rank, then the order first seen, so
// rows do not swap between polls. It sorts indices and compares through
// pointers: a Member is too large to copy twice per comparison.
func (r Roster) Sorted(o Sort) []Member {
	all := make([]Member, 0, len(r.Members))
	for _, mb := range r.Members {
		all = append(all, mb)
	}
	idx := make([]int32, len(all))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(i, j int32) int {
		a, b := &all[i], &all[j]
		if c := o.compare(a, b); c != 0 {
			return c
		}
		if c := compareRanks(&a.Rank, &b.Rank); c != 0 {
			return c
		}
		return cmp.Compare(a.Seen, b.Seen)
	})
	// Put all[idx[k]] at k in place, one cycle of the permutation at a
	// time: a second slice of 300 members would be 400 KB a refresh.
	for i := range all {
		if idx[i] < 0 {
			continue
		}
		held, j := all[i], i
		for {
			k := int(idx[j])
			idx[j] = -1
			if k == i {
				all[j] = held
				break
			}
			all[j], j = all[k], k
		}
	}
	return all
}

func (o Sort) compare(a, b *Member) int {
	flip := func(c int) int {
		if o.Reverse {
			return -c
		}
		return c
	}
	switch o.Column {
	case SortName:
		// A hidden name has nothing to sort by: last, both ways.
		if an, bn := a.P.UserName == "", b.P.UserName == ""; an != bn {
			return cmp.Compare(boolInt(an), boolInt(bn))
		}
		return flip(strings.Compare(a.Rank.foldKey(), b.Rank.foldKey()))
	case SortJoin:
		if az, bz := a.P.JoinTime.IsZero(), b.P.JoinTime.IsZero(); az != bz {
			return cmp.Compare(boolInt(az), boolInt(bz))
		}
		return flip(a.P.JoinTime.Compare(b.P.JoinTime))
	case SortAudio, SortVideo, SortShare:
		md := Medias[o.Column-SortAudio]
		return CompareValues(a.bothWays(md, o.Shown), b.bothWays(md, o.Shown), !o.Reverse)
	}
	// Worst first: those still in the meeting first, both ways; then the
	// rank, whose readings-first rule also holds both ways.
	if c := cmp.Compare(boolInt(a.Left()), boolInt(b.Left())); c != 0 {
		return c
	}
	if a.Rank.HasWorst != b.Rank.HasWorst || !o.Reverse {
		return compareRanks(&a.Rank, &b.Rank)
	}
	return cmp.Or(cmp.Compare(a.Rank.Worst.Severity, b.Rank.Worst.Severity), cmp.Compare(a.Rank.Degraded, b.Rank.Degraded))
}

// bothWays is the larger of the send and receive readings: a column
// sorted highest first puts the worst direction of anyone at the top.
func (mb Member) bothWays(md Media, s Shown) Value {
	snd, rcv := mb.MediaValue(md, Send, s), mb.MediaValue(md, Receive, s)
	switch {
	case !snd.OK:
		return rcv
	case !rcv.OK:
		return snd
	}
	return Some(max(snd.V, rcv.V))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
