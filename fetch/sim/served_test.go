package sim

import (
	"slices"
	"testing"
	"time"
)

// Served holds exactly the sample times of the answers that arrived whole:
// plain answers and those a fault only corrupted a name in, not answers
// cut short or replaced by an error.
func TestServed(t *testing.T) {
	for _, tc := range []struct {
		name      string
		kinds     []FaultKind
		faults    float64
		delivered bool
	}{
		{"plain", nil, 0, true},
		{"invalid UTF-8 in a name", []FaultKind{FaultInvalidUTF8}, 1, true},
		{"slow but whole", []FaultKind{FaultSlow}, 1, true},
		{"truncated", []FaultKind{FaultTruncated}, 1, false},
		{"empty", []FaultKind{FaultEmptyBody}, 1, false},
		{"server error", []FaultKind{FaultServerError}, 1, false},
		{"rate limited", []FaultKind{FaultQPS}, 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, Options{Seed: 3, Faults: tc.faults, FaultKinds: tc.kinds, SlowDelay: time.Millisecond,
				TrackServed: true, ServeLast: 5})
			h.get(qosPath(DemoMeetingID, DemoParticipantID))
			h.clock.Add(2 * time.Minute)
			_, body, _ := h.get(qosPath(DemoMeetingID, DemoParticipantID))
			got := h.sim.Served(DemoMeetingID, DemoParticipantID)
			if !tc.delivered {
				if len(got) != 0 {
					t.Fatalf("Served = %v for answers that delivered nothing", got)
				}
				return
			}
			var want []time.Time
			for _, s := range samples(t, decode(t, body)) {
				at, err := time.Parse(time.RFC3339, s["date_time"].(string))
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, at)
			}
			// The first answer held the 5 samples up to the start, the
			// second the 5 up to two minutes later: 7 distinct in all.
			if len(got) != 7 || !slices.EqualFunc(got[2:], want, time.Time.Equal) {
				t.Fatalf("Served = %v, want 7 ending with the last answer's %v", got, want)
			}
			if other := h.sim.Served(DemoMeetingID, SharerParticipantID); len(other) != 0 {
				t.Errorf("a participant nobody asked about has %d served samples", len(other))
			}
		})
	}
	h := newHarness(t, Options{})
	h.get(qosPath(DemoMeetingID, DemoParticipantID))
	if got := h.sim.Served(DemoMeetingID, DemoParticipantID); len(got) != 0 {
		t.Errorf("without TrackServed, Served = %v", got)
	}
}
