package sim

import (
	"strconv"
	"testing"
)

// --meetings 1000 --people 10: every meeting is listed live across the
// list's pages, and a meeting's QoS answer holds its ten people, each
// with a sample, on one page of ten.
func TestLargeAccount(t *testing.T) {
	h := newHarness(t, Options{ExtraMeetings: 1000, ExtraPeople: 10})
	live, next := map[string]int{}, ""
	for range 10 {
		body := h.getJSON(listPath("live") + "&page_size=300&next_page_token=" + next)
		for _, m := range body["meetings"].([]any) {
			row := m.(map[string]any)
			live[strconv.FormatInt(int64(row["id"].(float64)), 10)] = int(row["participants"].(float64))
		}
		if next, _ = body["next_page_token"].(string); next == "" {
			break
		}
	}
	for _, i := range []int{0, 499, 999} {
		if n, ok := live[ExtraMeetingID(i)]; !ok || n != 10 {
			t.Fatalf("meeting %s: listed %v with %d participants, want listed with 10", ExtraMeetingID(i), ok, n)
		}
	}
	if _, ok := live[ExtraMeetingID(1000)]; ok {
		t.Fatal("a 1,001st meeting is listed")
	}
	body := h.getJSON("/metrics/meetings/" + ExtraMeetingID(999) + "/participants/qos?page_size=10")
	ps := body["participants"].([]any)
	if len(ps) != 10 || body["next_page_token"] != "" {
		t.Fatalf("%d participants, next page %q; want 10 on one page", len(ps), body["next_page_token"])
	}
	for _, p := range ps {
		if qos := p.(map[string]any)["user_qos"].([]any); len(qos) == 0 {
			t.Fatalf("participant %v has no sample", p.(map[string]any)["user_id"])
		}
	}
	if got := ps[9].(map[string]any)["user_id"]; got != ExtraParticipantID(999, 9) {
		t.Errorf("the tenth participant is %v, want %s", got, ExtraParticipantID(999, 9))
	}
}

// The bounds hold whatever is asked: at most 100,000 people in all.
func TestLargeAccountBounds(t *testing.T) {
	for _, tc := range []struct{ meetings, people, wantM, wantP int }{
		{40, 0, 40, 3},
		{1000, 10, 1000, 10},
		{9999, 5, 5000, 5},
		{5000, 1000, 100, 1000},
		{-1, 10, 0, 10},
	} {
		m, p := Options{ExtraMeetings: tc.meetings, ExtraPeople: tc.people}.extraSize()
		if m != tc.wantM || p != tc.wantP {
			t.Errorf("%d x %d: built %d x %d, want %d x %d", tc.meetings, tc.people, m, p, tc.wantM, tc.wantP)
		}
	}
}
