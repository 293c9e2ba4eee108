package qss

import (
	"crypto/sha256"
	"sync"
	"time"
)

// maxSeen bounds the replay cache: Zoom's events of 10,000 participants
// at one a minute over the 10 minutes a timestamp stays acceptable
// (ReplayWindow either way) are 100,000; past the bound the oldest are
// forgotten first. An entry is under 100 bytes: about 25 MB at the bound.
const maxSeen = 1 << 18

// seenResult is what the cache says of a request.
type seenResult int

const (
	seenNew       seenResult = iota
	seenReplay               // the same body with the same timestamp: the same signed request
	seenDuplicate            // the same body signed at another time: Zoom sending it again
)

type bodyKey [16]byte

type seenEntry struct {
	key bodyKey
	ts  string
	at  time.Time
}

// seenCache remembers the events of the last two ReplayWindows by a
// digest of their body, in arrival order. Older entries are useless:
// their timestamps are refused anyway.
type seenCache struct {
	mu    sync.Mutex
	max   int
	byKey map[bodyKey]seenEntry
	queue []seenEntry // arrival order from head; an entry no longer in byKey (forgotten) is skipped
	head  int
}

func newSeenCache(max int) *seenCache {
	return &seenCache{max: max, byKey: map[bodyKey]seenEntry{}}
}

func keyOf(body []byte) bodyKey {
	sum := sha256.Sum256(body)
	return bodyKey(sum[:16])
}

// add records body as signed at ts, received at now, and says whether it
// was seen before.
func (c *seenCache) add(body []byte, ts string, now time.Time) seenResult {
	k := keyOf(body)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.expire(now)
	if e, ok := c.byKey[k]; ok {
		if e.ts == ts {
			return seenReplay
		}
		return seenDuplicate
	}
	e := seenEntry{key: k, ts: ts, at: now}
	c.byKey[k] = e
	c.queue = append(c.queue, e)
	return seenNew
}

// forget removes body, so its next delivery is taken as new.
func (c *seenCache) forget(body []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.byKey, keyOf(body))
}

// expire drops the oldest entries while they are older than two
// ReplayWindows or the cache is over its bound, and compacts the queue
// once half of it is spent.
func (c *seenCache) expire(now time.Time) {
	for c.head < len(c.queue) {
		e := c.queue[c.head]
		if now.Sub(e.at) <= 2*ReplayWindow && len(c.byKey) < c.max {
			break
		}
		if cur, ok := c.byKey[e.key]; ok && cur.at.Equal(e.at) {
			delete(c.byKey, e.key)
		}
		c.queue[c.head] = seenEntry{}
		c.head++
	}
	if c.head > len(c.queue)/2 && c.head > 1024 {
		c.queue = append(c.queue[:0], c.queue[c.head:]...)
		c.head = 0
	}
}
