package fetch

import (
	"fmt"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

// What one call costs in memory whatever Zoom sends, measured in bytes
// (runtime.MemStats), not time: the bytes the call allocates bound its
// peak heap from above, and the heap in use after it, with the result
// alive, is what the caller keeps. Not parallel, so no other test's
// allocations are counted.

// heapCost runs call and returns the bytes it allocated and the heap it
// left in use.
func heapCost(call func() any) (allocated, kept int64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res := call()
	runtime.ReadMemStats(&after)
	allocated = int64(after.TotalAlloc - before.TotalAlloc)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(res)
	return allocated, int64(after.HeapAlloc) - int64(before.HeapAlloc)
}

// servePage answers every API request with body, built before the
// measurement so the server's own building is not counted; sized, with
// a Content-Length, or not, sent in chunks of unknown total.
func servePage(body string, sized bool) http.HandlerFunc {
	b := []byte(body)
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if sized {
			w.Header().Set("Content-Length", strconv.Itoa(len(b)))
			w.Write(b)
			return
		}
		for len(b) > 0 {
			n := min(len(b), 1<<20)
			w.Write(b[:n])
			w.(http.Flusher).Flush()
			b = b[n:]
		}
	}
}

const mib = 1 << 20

func TestMemoryBoundedWhateverZoomSends(t *testing.T) {
	sample := `{"date_time":"2021-06-24T20:%02d:00Z","audio_input":{"bitrate":"27 kbps","latency":"20 ms"}}`
	var crowd strings.Builder // one 40 MiB page of 100,000 participants
	crowd.WriteString(`{"next_page_token":"","participants":[`)
	pad := strings.Repeat("x", 330)
	for i := range 100_000 {
		if i > 0 {
			crowd.WriteByte(',')
		}
		fmt.Fprintf(&crowd, `{"user_id":"%d","user_name":"Person %d %s","user_qos":[`+sample+`]}`, i, i, pad, i%60)
	}
	crowd.WriteString(`]}`)
	name := `{"user_id":"7","user_name":"` + strings.Repeat("Mallory ", 60*mib/8) + `","user_qos":[]}`

	for _, tc := range []struct {
		name string
		body string
		call func(c *Client) ([]model.Participant, error)
		kept int64 // at most
	}{
		{"page of 100,000 participants", crowd.String(), func(c *Client) ([]model.Participant, error) {
			return c.MeetingQoS(bg, "1", model.Live)
		}, 8 * mib},
		{"60 MB name", name, func(c *Client) ([]model.Participant, error) {
			p, err := c.ParticipantQoS(bg, "1", "7", model.Live)
			return []model.Participant{p}, err
		}, mib},
	} {
		for _, sized := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s, Content-Length %v", tc.name, sized), func(t *testing.T) {
				// A minute to answer: what is measured is memory, and a loaded
				// machine under -race reads 60 MB slowly.
				c := newFake(t, servePage(tc.body, sized)).client(func(cfg *Config) { cfg.Timeout = time.Minute })
				var ps []model.Participant
				var err error
				alloc, kept := heapCost(func() any { ps, err = tc.call(c); return ps })
				if _, cut := err.(*TruncatedError); err != nil && !cut {
					t.Fatal(err)
				}
				t.Logf("%.0f MiB answer: allocated %.1f MiB, kept %.1f MiB", float64(len(tc.body))/mib,
					float64(alloc)/mib, float64(kept)/mib)
				// Reading the answer costs its size, twice when it comes in
				// pieces of unknown total; decoding it, a few MiB more.
				if limit := 2*int64(len(tc.body)) + 16*mib; alloc > limit || kept > tc.kept {
					t.Errorf("allocated %.1f MiB (want at most %d), kept %.1f MiB (want at most %d)",
						float64(alloc)/mib, limit/mib, float64(kept)/mib, tc.kept/mib)
				}
				for _, p := range ps {
					if len(p.UserName) > maxString {
						t.Errorf("a name of %d bytes kept, want at most %d", len(p.UserName), maxString)
					}
				}
			})
		}
	}
}
