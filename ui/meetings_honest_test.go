package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// With a wrong secret the meeting list claimed "Meetings  LIVE" and
// "fetched 21:37:17 (<1m ago)" while watch and the overview said NO
// ACCESS: now it says what they say, and that nothing was fetched.
func TestMeetingListHonestOnFailure(t *testing.T) {
	zoom := simtest.Start(t, sim.Options{ClientSecret: "the-right-one"})
	client := zoom.Client(t, func(c *fetch.Config) { c.ClientSecret, c.Timeout = "a-wrong-one", 10*time.Second })
	h, _ := newTableHarness(t, client, 100, 30)
	v := h.a.content()
	if strings.Contains(v, "LIVE") || strings.Contains(v, "fetched ") && !strings.Contains(v, "not fetched") {
		t.Errorf("the list claims LIVE or a fetch:\n%s", v)
	}
	if !strings.Contains(v, "NO ACCESS") || !strings.Contains(v, "not fetched") {
		t.Errorf("the list does not say NO ACCESS and not fetched:\n%s", v)
	}
	// With the right secret: LIVE, and when it was fetched.
	good := zoom.Client(t, func(c *fetch.Config) { c.ClientSecret, c.Timeout = "the-right-one", 10*time.Second })
	h, _ = newTableHarness(t, good, 100, 30)
	if v := h.a.content(); !strings.Contains(v, "LIVE") || !strings.Contains(v, "fetched ") || strings.Contains(v, "not fetched") {
		t.Errorf("a list that came is not LIVE and fetched:\n%s", v)
	}
}
