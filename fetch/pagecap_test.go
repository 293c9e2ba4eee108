package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/qostop/qostop/model"
)

// endlessPages hands out pages of per participants, each page pointing
// to the next, up to last pages; pad adds that many bytes to each
// participant in a field qostop ignores.
func endlessPages(per, last, pad int, hits *atomic.Int64) http.HandlerFunc {
	filler := strings.Repeat("x", pad)
	return func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		n, _ := strconv.Atoi(r.URL.Query().Get("next_page_token"))
		next := ""
		if n+1 < last {
			next = strconv.Itoa(n + 1)
		}
		var b strings.Builder
		fmt.Fprintf(&b, `{"next_page_token":"%s","participants":[`, next)
		for i := range per {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"user_id":"%d","user_name":"P%d","filler":"%s"}`, n*per+i, n*per+i, filler)
		}
		b.WriteString("]}")
		writeJSON(w, 200, b.String())
	}
}

// A meeting with more participants than one call collects: the first
// maxParticipants come back with a plain notice, and no page is fetched
// past the cap.
func TestPagedCallStopsAtParticipantCap(t *testing.T) {
	var hits atomic.Int64
	f := newFake(t, endlessPages(300, maxPages, 0, &hits))
	c := f.client()
	for name, call := range map[string]func() ([]model.Participant, error){
		"MeetingQoS":   func() ([]model.Participant, error) { return c.MeetingQoS(bg, "1", model.Live) },
		"Participants": func() ([]model.Participant, error) { return c.Participants(bg, "1", model.Live) },
	} {
		hits.Store(0)
		ps, err := call()
		var tr *TruncatedError
		if !errors.As(err, &tr) {
			t.Fatalf("%s: error %v, want a *TruncatedError", name, err)
		}
		want := fmt.Sprintf("this meeting has more than %d participants; qostop shows the first %d", maxParticipants, maxParticipants)
		wantText(t, err, want)
		if len(ps) != maxParticipants || tr.Shown != maxParticipants || ps[0].UserID != "0" || ps[len(ps)-1].UserID != strconv.Itoa(maxParticipants-1) {
			t.Errorf("%s: %d participants (shown %d), want the first %d", name, len(ps), tr.Shown, maxParticipants)
		}
		if n, most := hits.Load(), int64(maxParticipants/300+1); n > most {
			t.Errorf("%s: %d pages fetched, want at most %d", name, n, most)
		}
	}
}

// Pages of few, huge participants stop at maxCollected bytes of answers,
// so what one call holds stays bounded whatever the pages hold.
func TestPagedCallStopsAtByteCap(t *testing.T) {
	var hits atomic.Int64
	const pad = 400 << 10                                                  // 400 KiB a participant, 4 MiB a page
	f := newFake(t, endlessPages(10, 3*maxCollected/(10*pad), pad, &hits)) // three times the cap in all
	ps, err := f.client().MeetingQoS(bg, "1", model.Live)
	var tr *TruncatedError
	if !errors.As(err, &tr) {
		t.Fatalf("error %v, want a *TruncatedError", err)
	}
	pages := int(hits.Load())
	if got := pages * 10 * pad; got > maxCollected+20*pad {
		t.Errorf("%d pages (%d MiB) fetched, want the fetching to stop at %d MiB", pages, got>>20, maxCollected>>20)
	}
	if len(ps) != tr.Shown || len(ps) != pages*10 {
		t.Errorf("%d participants, shown %d, from %d pages", len(ps), tr.Shown, pages)
	}
	wantText(t, err, fmt.Sprintf("qostop shows the first %d", len(ps)), "MiB")
}
