package fetch

import (
	"slices"
	"time"

	"github.com/qostop/qostop/model"
)

// sampleKeeper collects one participant's samples as they are decoded,
// one per time and at most about twice its cap at once: a history keeps
// only the newest cap samples, so decoding more is memory for nothing.
// Zoom's samples are keyed by date_time: a repeated time replaces the
// sample read before it (the later one in the answer wins), as History
// merges.
type sampleKeeper struct {
	cap int
	out []model.Sample
	at  map[time.Time]int // time (all UTC) -> index in out
}

func newSampleKeeper(capacity int) *sampleKeeper {
	return &sampleKeeper{cap: capacity, at: make(map[time.Time]int)}
}

func (k *sampleKeeper) add(s model.Sample) {
	if i, seen := k.at[s.Time]; seen {
		k.out[i] = s
		return
	}
	k.at[s.Time] = len(k.out)
	k.out = append(k.out, s)
	if len(k.out) >= 2*k.cap {
		k.trim()
	}
}

// trim sorts oldest first and keeps the newest cap. A time dropped here
// that comes again later is older than every kept one, so it is dropped
// again: the result is the same as keeping all and trimming once.
func (k *sampleKeeper) trim() {
	slices.SortFunc(k.out, func(a, b model.Sample) int { return a.Time.Compare(b.Time) })
	if over := len(k.out) - k.cap; over > 0 {
		n := copy(k.out, k.out[over:])
		clear(k.out[n:]) // let the dropped samples' maps go
		k.out = k.out[:n]
	}
	clear(k.at)
	for i, s := range k.out {
		k.at[s.Time] = i
	}
}

// samples returns the kept samples oldest first, nil if none.
func (k *sampleKeeper) samples() []model.Sample {
	if len(k.out) == 0 {
		return nil
	}
	k.trim()
	return k.out
}
