package fetch

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

func TestParticipantQoSRequest(t *testing.T) {
	var got *http.Request
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		got = r
		writeJSON(w, 200, string(readFixture(t, "participant-qos.json")))
	})
	p, err := f.client().ParticipantQoS(bg, "93201235621", "20161536", model.Past)
	if err != nil {
		t.Fatal(err)
	}
	if p.UserName != "jchill" || len(p.Samples) != 1 {
		t.Errorf("participant %q with %d samples", p.UserName, len(p.Samples))
	}
	if got.Method != http.MethodGet || got.URL.Path != "/v2/metrics/meetings/93201235621/participants/20161536/qos" ||
		got.URL.RawQuery != "type=past" {
		t.Errorf("request %s %s?%s", got.Method, got.URL.Path, got.URL.RawQuery)
	}
	for h, want := range map[string]string{
		"Accept":        "application/json",
		"User-Agent":    "qostop",
		"Authorization": "Bearer " + tokenPrefix + "1",
	} {
		if v := got.Header.Get(h); v != want {
			t.Errorf("header %s = %q, want %q", h, v, want)
		}
	}
}

func TestMeetingUUIDEscaping(t *testing.T) {
	for _, c := range []struct{ name, id, wire string }{
		{"numeric", "93201235621", "93201235621"},
		{"plain uuid", "pfVhQWoSQmUs6ZOwFD4kw==", "pfVhQWoSQmUs6ZOwFD4kw=="},
		{"uuid with one slash", "ab/cd+ef==", "ab%2Fcd+ef=="},
		{"leading slash: twice", "/ajXp112QmuoKj4854875==", "%252FajXp112QmuoKj4854875=="},
		{"double slash: twice", "ab//cd==", "ab%252F%252Fcd=="},
		{"both, with a space", "/a b//c", "%252Fa%2520b%252F%252Fc"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var path string
			f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
				path = r.URL.EscapedPath()
				okParticipant(w, r)
			})
			if _, err := f.client().ParticipantQoS(bg, c.id, "7", model.Live); err != nil {
				t.Fatal(err)
			}
			if want := "/v2/metrics/meetings/" + c.wire + "/participants/7/qos"; path != want {
				t.Errorf("path on the wire %s, want %s", path, want)
			}
		})
	}
}

// 37 participants at Zoom's maximum of 10 per page: 4 requests.
func TestMeetingQoSFollowsPages(t *testing.T) {
	const total = 37
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if r.URL.Path != "/v2/metrics/meetings/555/participants/qos" || q.Get("page_size") != "10" || q.Get("type") != "live" {
			writeJSON(w, 400, `{"code":300,"message":"bad test request"}`)
			return
		}
		start := 0
		if tok := q.Get("next_page_token"); tok != "" {
			start, _ = strconv.Atoi(strings.TrimPrefix(tok, "page-"))
		}
		end := min(start+10, total)
		var items []string
		for i := start; i < end; i++ {
			items = append(items, participantJSON(strconv.Itoa(i)))
		}
		next := ""
		if end < total {
			next = "page-" + strconv.Itoa(end)
		}
		writeJSON(w, 200, fmt.Sprintf(`{"next_page_token":%q,"page_count":4,"page_size":10,"total_records":%d,"participants":[%s]}`,
			next, total, strings.Join(items, ",")))
	})
	c := f.client()
	ps, err := c.MeetingQoS(bg, "555", model.Live)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != total {
		t.Fatalf("%d participants, want %d", len(ps), total)
	}
	for i, p := range ps {
		if p.UserID != strconv.Itoa(i) || len(p.Samples) != 1 {
			t.Fatalf("participant %d = %q with %d samples", i, p.UserID, len(p.Samples))
		}
	}
	if f.apiHits.Load() != 4 || c.Requests() != 4 {
		t.Errorf("%d requests, want 4: %v", f.apiHits.Load(), f.requestPaths())
	}
}

func TestPagingStopsOnRepeatedToken(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"next_page_token":"same","participants":[]}`)
	})
	_, err := f.client().MeetingQoS(bg, "555", model.Live)
	asAPIError(t, err, BadResponse)
	if n := f.apiHits.Load(); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestParticipantsList(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if r.URL.Path != "/v2/metrics/meetings/555/participants" || q.Get("page_size") != "300" || q.Get("type") != "past" {
			writeJSON(w, 400, `{"code":300,"message":"bad test request"}`)
			return
		}
		writeJSON(w, 200, string(readFixture(t, "participants.json")))
	})
	ps, err := f.client().Participants(bg, "555", model.Past)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].UserID != "20161536" {
		t.Errorf("participants %+v", ps)
	}
}

func TestLiveMeetings(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if r.URL.Path != "/v2/metrics/meetings" || q.Get("type") != "live" || q.Get("page_size") != "300" ||
			q.Get("from") != "2021-06-23" || q.Get("to") != "2021-06-24" {
			writeJSON(w, 400, `{"code":300,"message":"bad test request `+r.URL.RawQuery+`"}`)
			return
		}
		if q.Get("next_page_token") == "" {
			writeJSON(w, 200, `{"next_page_token":"p2","meetings":[{"uuid":"a","id":1,"topic":"one"}]}`)
			return
		}
		writeJSON(w, 200, `{"next_page_token":"","meetings":[{"uuid":"b","id":2,"topic":"two"}]}`)
	})
	// 23:30 in UTC-5 is the next day in UTC: dates are UTC.
	est := time.FixedZone("EST", -5*3600)
	ms, err := f.client().LiveMeetings(bg, time.Date(2021, 6, 23, 12, 0, 0, 0, time.UTC), time.Date(2021, 6, 23, 23, 30, 0, 0, est))
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || ms[0].ID != "1" || ms[1].Topic != "two" {
		t.Errorf("meetings %+v", ms)
	}
}

func TestEmptyIDsRefusedLocally(t *testing.T) {
	f := newFake(t, okParticipant)
	c := f.client()
	_, err := c.ParticipantQoS(bg, "", "7", model.Live)
	asAPIError(t, err, BadRequest)
	wantText(t, err, "nothing was sent")
	_, err = c.MeetingQoS(bg, " ", model.Live)
	asAPIError(t, err, BadRequest)
	if c.Requests() != 0 || c.TokenRequests() != 0 {
		t.Errorf("requests sent for empty IDs")
	}
}

// "." and ".." are path segments a normalising proxy resolves, sending
// the request (and its token) to another endpoint: they are refused like
// any other malformed ID, before anything is sent.
func TestDotIDsRefusedLocally(t *testing.T) {
	f := newFake(t, okParticipant)
	c := f.client()
	for _, ids := range [][2]string{{".", "7"}, {"..", "7"}, {"1", ".."}, {"1", "."}, {"%2e%2E", "7"}, {"1", " .. "},
		{"../..", "7"}, {"a/../b", "7"}, {"1", "../../users/me"}, {"..%2F..", "7"}, {"1", "a%2f.%2fb"}, {`a\..\b`, "7"}} {
		_, err := c.ParticipantQoS(bg, ids[0], ids[1], model.Live)
		asAPIError(t, err, BadRequest)
		wantText(t, err, "nothing was sent")
	}
	for _, id := range []string{".", "..", "../../users/me", "%2e%2e%2Fusers"} {
		_, err := c.MeetingQoS(bg, id, model.Live)
		asAPIError(t, err, BadRequest)
		_, err = c.Participants(bg, id, model.Live)
		asAPIError(t, err, BadRequest)
	}
	if c.Requests() != 0 || c.TokenRequests() != 0 || f.apiHits.Load() != 0 {
		t.Errorf("requests sent for dot IDs: %v", f.requestPaths())
	}
}
