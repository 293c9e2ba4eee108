package sim

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

func (h *harness) dialPush(ctx context.Context, token string) *websocket.Conn {
	h.t.Helper()
	u := "ws" + strings.TrimPrefix(h.ts.URL, "http") + "/ws?subscriptionId=sub1&access_token=" + token
	c, _, err := websocket.Dial(ctx, u, nil)
	if err != nil {
		h.t.Fatalf("dial: %v", err)
	}
	h.t.Cleanup(func() { c.CloseNow() })
	return c
}

func readFrame(t *testing.T, ctx context.Context, c *websocket.Conn) (wireFrame, error) {
	t.Helper()
	_, b, err := c.Read(ctx)
	if err != nil {
		return wireFrame{}, err
	}
	var f wireFrame
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("frame %q: %v", b, err)
	}
	return f, nil
}

// TestPushSendsEachPublishedSampleOnce: after build_connection, moving
// the clock a minute brings one participant_qos event per participant
// of the demo meeting for that minute's sample, a heartbeat is answered,
// and a push that Faults draws drops the connection.
func TestPushSendsEachPublishedSampleOnce(t *testing.T) {
	h := newHarness(t, Options{Seed: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c := h.dialPush(ctx, h.token)
	if f, err := readFrame(t, ctx, c); err != nil || f.Module != "build_connection" || !f.Success {
		t.Fatalf("first frame %+v, %v", f, err)
	}
	want := h.sim.Events(h.clock.Now(), h.clock.Now().Add(time.Minute).Truncate(time.Minute))
	h.clock.Add(time.Minute)
	seen := map[string]bool{}
	for len(seen) < len(want) {
		f, err := readFrame(t, ctx, c)
		if err != nil {
			t.Fatalf("after %d of %d events: %v", len(seen), len(want), err)
		}
		var ev struct {
			Event   string `json:"event"`
			Payload struct {
				Object struct {
					ID          string `json:"id"`
					Participant struct {
						UserID string `json:"user_id"`
						QoS    []struct {
							Type, DateTime string
						} `json:"qos"`
					} `json:"participant"`
				} `json:"object"`
			} `json:"payload"`
		}
		if f.Module != "message" || json.Unmarshal([]byte(f.Content), &ev) != nil || len(ev.Payload.Object.Participant.QoS) == 0 {
			t.Fatalf("frame %+v is not an event", f)
		}
		seen[ev.Payload.Object.ID+"/"+ev.Payload.Object.Participant.UserID] = true
	}
	if len(want) == 0 || len(seen) != len(want) {
		t.Errorf("%d participants pushed, want %d", len(seen), len(want))
	}
	if err := c.Write(ctx, websocket.MessageText, []byte(`{"module":"heartbeat"}`)); err != nil {
		t.Fatal(err)
	}
	for {
		f, err := readFrame(t, ctx, c)
		if err != nil {
			t.Fatalf("no heartbeat answer: %v", err)
		}
		if f.Module == "heartbeat" {
			break // duplicates of the minute's events may come first
		}
	}
	h.sim.SetFaults(1)
	h.clock.Add(time.Minute)
	for {
		if _, err := readFrame(t, ctx, c); err != nil {
			break
		}
	}
	if st := h.sim.Stats(); st.PushDrops != 1 || st.PushConnections != 1 {
		t.Errorf("stats %+v: want one connection, dropped once", st)
	}
}

// TestPushRefusesABadToken: an unknown token gets an open socket whose
// first frame is a failed build_connection, as Zoom's "Invalid Token".
func TestPushRefusesABadToken(t *testing.T) {
	h := newHarness(t, Options{Seed: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c := h.dialPush(ctx, "not-a-token")
	f, err := readFrame(t, ctx, c)
	if err != nil || f.Module != "build_connection" || f.Success || f.Content != "Invalid Token" {
		t.Fatalf("first frame %+v, %v", f, err)
	}
	if _, err := readFrame(t, ctx, c); err == nil {
		t.Error("the socket stayed open after a failed build_connection")
	}
}
