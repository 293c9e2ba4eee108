package record_test

import (
	"context"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
	"github.com/qostop/qostop/model"
)

// t0 is when the simulated meetings are watched from.
var t0 = time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)

// zoom is the simulator on a fake clock and a client on the same clock.
type zoom struct {
	rig    *simtest.Rig
	client *fetch.Client
}

func startZoom(t *testing.T, opts sim.Options) zoom {
	t.Helper()
	rig := simtest.StartAt(t, t0, opts)
	return zoom{rig, rig.Client(t, func(c *fetch.Config) { c.Now = rig.Clock.Now })}
}

// poll is one answer for the demo meeting, as a screen would get it.
func (z zoom) poll(t *testing.T) []model.Participant {
	t.Helper()
	ps, err := z.client.MeetingQoS(context.Background(), sim.DemoMeetingID, model.Live)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}
