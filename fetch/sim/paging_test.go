package sim

import (
	"net/url"
	"testing"
	"time"
)

func TestAllHandsPaging(t *testing.T) {
	h := newHarness(t, Options{Seed: 8})
	base := "/metrics/meetings/" + AllHandsMeetingID + "/participants/qos?type=live&page_size=10"
	seen := map[string]int{}
	next, pages := "", 0
	for {
		p := base
		if next != "" {
			p += "&next_page_token=" + url.QueryEscape(next)
		}
		page := h.getJSON(p)
		pages++
		if page["page_count"] != 5.0 || page["total_records"] != 42.0 || page["page_size"] != 10.0 {
			t.Fatalf("page %d header: %v %v %v", pages, page["page_count"], page["total_records"], page["page_size"])
		}
		for _, row := range page["participants"].([]any) {
			seen[row.(map[string]any)["user_id"].(string)]++
		}
		next = page["next_page_token"].(string)
		if next == "" || pages > 10 {
			break
		}
	}
	if pages != 5 || len(seen) != 42 {
		t.Fatalf("%d pages, %d distinct participants", pages, len(seen))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("%s served %d times", id, n)
		}
	}
	if st := h.sim.Stats(); st.ParticipantsQoS != 5 {
		t.Errorf("counted %d requests", st.ParticipantsQoS)
	}
}

func TestPageSizeRules(t *testing.T) {
	h := newHarness(t, Options{})
	qos := "/metrics/meetings/" + AllHandsMeetingID + "/participants/qos"
	list := "/metrics/meetings/" + AllHandsMeetingID + "/participants"
	for _, tt := range []struct {
		path string
		size float64 // page_size answered; 0 for a 300 error
		rows int
	}{
		{qos, 1, 1},
		{qos + "?page_size=10", 10, 10},
		{qos + "?page_size=11", 0, 0},
		{qos + "?page_size=-1", 0, 0},
		{qos + "?page_size=ten", 0, 0},
		{list, 30, 30},
		{list + "?page_size=300", 300, 42},
		{list + "?page_size=5000", 300, 42},
		{list + "?page_size=100000000000000000000", 0, 0},
	} {
		t.Run(tt.path, func(t *testing.T) {
			status, body, _ := h.get(tt.path)
			m := decode(t, body)
			if tt.size == 0 {
				if status != 400 || m["code"] != 300.0 {
					t.Errorf("got %d %v, want 400 code 300", status, m)
				}
				return
			}
			if m["page_size"] != tt.size || len(m["participants"].([]any)) != tt.rows {
				t.Errorf("page_size %v, %d rows", m["page_size"], len(m["participants"].([]any)))
			}
		})
	}
}

func TestPageTokens(t *testing.T) {
	h := newHarness(t, Options{})
	qos := "/metrics/meetings/" + AllHandsMeetingID + "/participants/qos?page_size=10"
	tok := h.getJSON(qos)["next_page_token"].(string)
	if tok == "" {
		t.Fatal("no next_page_token")
	}
	bad := map[string]string{
		"garbage":       qos + "&next_page_token=garbage",
		"other meeting": "/metrics/meetings/" + DemoMeetingID + "/participants/qos?next_page_token=" + url.QueryEscape(tok),
		"other list":    "/metrics/meetings/" + AllHandsMeetingID + "/participants?next_page_token=" + url.QueryEscape(tok),
	}
	for name, p := range bad {
		if status, code := h.apiErr(p); status != 400 || code != 300 {
			t.Errorf("%s: %d %d", name, status, code)
		}
	}
	good := qos + "&next_page_token=" + url.QueryEscape(tok)
	h.getJSON(good)
	h.clock.Add(16 * time.Minute)
	if status, code := h.apiErr(good); status != 400 || code != 300 {
		t.Errorf("expired token: %d %d", status, code)
	}
}
