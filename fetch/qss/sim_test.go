package qss_test

import (
	"context"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/qss"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/model"
)

// TestSimulatorPushAgreesWithPoll: each sample the simulator pushes for
// three minutes reads, through qss, as the same readings as the one its
// REST endpoint serves for that minute (Zoom's scores aside, which only
// a push carries), so a feed that mixes push and backfill has no seams.
func TestSimulatorPushAgreesWithPoll(t *testing.T) {
	start := time.Date(2026, 3, 9, 14, 30, 17, 0, time.UTC)
	r := simtest.StartAt(t, start, sim.Options{Seed: 3, PublishLag: 20 * time.Second, PublishJitter: 10 * time.Second})
	r.Clock.Add(3 * time.Minute)
	evs := r.Sim.Events(start, r.Clock.Now())
	c := r.Client(t, func(cfg *fetch.Config) { cfg.Now = r.Clock.Now })
	polled := map[string]map[time.Time]model.Sample{}
	scored := 0
	for _, ev := range evs {
		e, err := qss.ParseEvent(ev.Body)
		if err != nil {
			t.Fatalf("event of %s: %v", ev.ParticipantID, err)
		}
		if e.MeetingID != ev.MeetingID || e.Participant.UserID != ev.ParticipantID || len(e.Participant.Samples) != 1 {
			t.Fatalf("event %s/%s reads as %+v", ev.MeetingID, ev.ParticipantID, e)
		}
		pushed := e.Participant.Samples[0]
		if !pushed.Scores.Audio.Empty() {
			scored++
		}
		key := ev.MeetingID + "/" + ev.ParticipantID
		if polled[key] == nil && (ev.MeetingID != sim.DemoMeetingID && !e.Webinar() || len(polled) >= 10) {
			continue // ten participants of two kinds of call say it; all would take minutes of polite polling
		}
		if polled[key] == nil {
			polled[key] = fetchSamples(t, c, ev.MeetingID, ev.ParticipantID, e.Webinar())
		}
		got, ok := polled[key][pushed.Time]
		pushed.Scores = model.Scores{}
		if !ok || !got.Equal(pushed) {
			t.Errorf("%s at %v: pushed %+v, polled %+v (held: %v)", key, pushed.Time, pushed, got, ok)
		}
	}
	if len(polled) < 5 || scored == 0 {
		t.Errorf("%d events for %d participants, %d with a score: the simulator pushed too little", len(evs), len(polled), scored)
	}
}

func fetchSamples(t *testing.T, c *fetch.Client, meeting, participant string, webinar bool) map[time.Time]model.Sample {
	t.Helper()
	ref := model.Ref{Kind: model.KindMeeting, ID: meeting}
	if webinar {
		ref.Kind = model.KindWebinar
	}
	p, err := c.ParticipantQoS(context.Background(), ref.Key(), participant, model.Live)
	if err != nil {
		t.Fatalf("poll %s/%s: %v", meeting, participant, err)
	}
	out := map[time.Time]model.Sample{}
	for _, s := range p.Samples {
		out[s.Time] = s
	}
	return out
}
