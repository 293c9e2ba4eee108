package fetch

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

func TestMeetingsPast(t *testing.T) {
	var queries []string
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		queries = append(queries, r.URL.RawQuery)
		q := r.URL.Query()
		if r.URL.Path != "/v2/metrics/meetings" || q.Get("type") != "past" || q.Get("from") != "2026-11-01" || q.Get("to") != "2026-11-30" {
			writeJSON(w, 400, `{"code":300,"message":"bad test request"}`)
			return
		}
		if q.Get("next_page_token") == "" {
			writeJSON(w, 200, `{"from":"2026-11-01","to":"2026-11-30","next_page_token":"p2","meetings":[{"uuid":"a","id":1,"topic":"Weekly ops sync","duration":"00:45:00"}]}`)
			return
		}
		writeJSON(w, 200, `{"next_page_token":"","meetings":[{"uuid":"b","id":2,"topic":"two"}]}`)
	})
	ms, err := f.client().Meetings(bg, model.Past, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 30, 23, 59, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || ms[0].Topic != "Weekly ops sync" || ms[0].Duration != "00:45:00" || ms[1].ID != "2" {
		t.Errorf("meetings %+v", ms)
	}
	if len(queries) != 2 || !strings.Contains(queries[1], "next_page_token=p2") {
		t.Errorf("queries %q", queries)
	}
}

// The default dates are today in UTC on the client's clock, and the zero
// type is live, as LiveMeetings always asked.
func TestMeetingsDefaults(t *testing.T) {
	var got string
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		got = r.URL.RawQuery
		writeJSON(w, 200, `{"meetings":[]}`)
	})
	now := time.Date(2026, 12, 1, 23, 30, 0, 0, time.FixedZone("EST", -5*3600)) // 04:30 on the 2nd in UTC
	c := f.client(func(cfg *Config) { cfg.Now = func() time.Time { return now } })
	ms, err := c.Meetings(bg, "", time.Time{}, time.Time{})
	if err != nil || len(ms) != 0 {
		t.Fatalf("meetings %v, err %v", ms, err)
	}
	if want := "from=2026-12-02&page_size=300&to=2026-12-02&type=live"; got != want {
		t.Errorf("query %s, want %s", got, want)
	}
}

func TestMeetingsRefusedLocally(t *testing.T) {
	f := newFake(t, okParticipant)
	c := f.client()
	day := func(d int) time.Time { return time.Date(2026, 11, d, 12, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name     string
		typ      model.MeetingType
		from, to time.Time
		text     string
	}{
		{"unknown type", "pastOne", day(1), day(2), "the meeting type must be live or past"},
		{"to before from", model.Past, day(3), day(2), "the to date 2026-11-02 is before the from date 2026-11-03"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.Meetings(bg, tc.typ, tc.from, tc.to)
			asAPIError(t, err, BadRequest)
			wantText(t, err, tc.text, "nothing was sent")
		})
	}
	if c.Requests() != 0 || c.TokenRequests() != 0 {
		t.Errorf("%d requests and %d token requests sent for refused calls", c.Requests(), c.TokenRequests())
	}
}

func TestMeetingDetailsRequest(t *testing.T) {
	var path, query string
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		path, query = r.URL.EscapedPath(), r.URL.RawQuery
		writeJSON(w, 200, `{"uuid":"/ajXp112QmuoKj4854875==","id":93201235621,"topic":"Incident \u001b[31mbridge","host":"Bob Okafor",`+
			`"email":"bob@example.com","user_type":"Business","start_time":"2026-12-01T08:00:00Z","duration":"01:02:03",`+
			`"participants":7,"has_video":true,"has_screen_share":true,"custom_keys":[{"key":"k","value":"v"}]}`)
	})
	m, err := f.client().Meeting(bg, "/ajXp112QmuoKj4854875==", model.Past)
	if err != nil {
		t.Fatal(err)
	}
	if want := "/v2/metrics/meetings/%252FajXp112QmuoKj4854875=="; path != want || query != "type=past" {
		t.Errorf("request %s?%s, want %s?type=past", path, query, want)
	}
	want := model.Meeting{Kind: model.KindMeeting, UUID: "/ajXp112QmuoKj4854875==", ID: "93201235621", Topic: "Incident bridge", Host: "Bob Okafor",
		Email: "bob@example.com", StartTime: time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC), Duration: "01:02:03",
		Participants: 7, HasVideo: true, HasScreenShare: true}
	if m != want {
		t.Errorf("meeting\n %+v\nwant\n %+v", m, want)
	}
}

func TestMeetingDetailsErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		body   string
		kind   ErrorKind
		text   string
	}{
		{"unknown meeting", 404, `{"code":3001,"message":"Meeting does not exist: 1."}`, NotFound, "Zoom found no such meeting, or it is not live now"},
		{"no such route", 404, `{"code":404,"message":"Not Found"}`, WrongURL, "the API URL is probably wrong"},
		{"missing scope", 400, `{"code":4700,"message":"Invalid access token, does not contain scopes: [dashboard:read:meeting:admin]."}`, MissingScope, "dashboard:read:meeting:admin"},
		{"no dashboard", 400, `{"code":200,"message":"No permission."}`, NoDashboard, "no Dashboard"},
		{"server", 502, `<html><title>Bad Gateway</title></html>`, Server, "Bad Gateway"},
		{"null", 200, `null`, BadResponse, "JSON null"},
		{"an object that names no meeting", 200, `{"topic":"x"}`, BadResponse, "not shaped as expected"},
		{"cut short", 200, `{"uuid":"a","id":1,"topic":"Inci`, BadResponse, "cut short"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, tc.status, tc.body) })
			_, err := f.client().Meeting(bg, "1", model.Live)
			e := asAPIError(t, err, tc.kind)
			wantText(t, err, "fetch meeting details (meeting 1)", tc.text)
			if tc.status != 200 && e.Status != tc.status {
				t.Errorf("status %d, want %d", e.Status, tc.status)
			}
		})
	}
}

func TestMeetingDetailsEmptyIDRefusedLocally(t *testing.T) {
	f := newFake(t, okParticipant)
	c := f.client()
	_, err := c.Meeting(bg, "  ", model.Live)
	asAPIError(t, err, BadRequest)
	wantText(t, err, "nothing was sent")
	if c.Requests() != 0 || c.TokenRequests() != 0 {
		t.Errorf("requests sent for an empty ID")
	}
}
