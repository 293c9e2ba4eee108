package fetch

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"time"

	"github.com/qostop/qostop/model"
)

// wireRoom is one room of /metrics/zoomrooms; its details add live_meeting.
type wireRoom struct {
	ID          numText `json:"id"`
	RoomName    text    `json:"room_name"`
	Status      text    `json:"status"`
	Health      text    `json:"health"`
	Issues      texts   `json:"issues"`
	LiveMeeting *struct {
		ID    numText `json:"id"`
		UUID  text    `json:"uuid"`
		Topic text    `json:"topic"`
	} `json:"live_meeting"`
}

func convertRoom(w wireRoom) model.Room {
	r := model.Room{ID: model.Clean(w.ID.s), Name: model.Clean(w.RoomName.s), Status: model.Clean(w.Status.s),
		Health: model.Clean(w.Health.s)}
	for _, it := range w.Issues.items {
		if s := model.Clean(it.s); s != "" {
			r.Issues = append(r.Issues, s)
		}
	}
	if lm := w.LiveMeeting; lm != nil {
		r.Meeting = model.Meeting{Kind: model.KindMeeting, UUID: model.Clean(lm.UUID.s), ID: model.Clean(lm.ID.s),
			Topic: model.Clean(lm.Topic.s)}
	}
	return r
}

// Rooms lists the account's Zoom Rooms (GET /metrics/zoomrooms, pages of
// 300; Resource-intensive, as the meeting list): status, health and
// issues, without the meeting each is in (Room has that). Scope
// dashboard_zr:read:admin.
func (c *Client) Rooms(ctx context.Context) ([]model.Room, error) {
	k := call{op: "list Zoom Rooms", class: resourceIntensive, family: "zoomrooms"}
	q := url.Values{"page_size": {strconv.Itoa(listPageSize)}}
	return collect(ctx, c, k, q, []string{"metrics", "zoomrooms"}, 0, "rooms",
		func(body []byte, _ int) ([]model.Room, string, error) { return decodeRoomPage(body) })
}

// Room fetches one room's details (GET /metrics/zoomrooms/{roomId}, Heavy),
// with the live meeting it is in, if any. Zoom wants from and to (at most
// a month apart) for the room's past meetings; today is asked, the
// smallest answer.
func (c *Client) Room(ctx context.Context, roomID string) (model.Room, error) {
	op := "fetch Zoom Room details (room " + idText(roomID) + ")"
	if e := needIDs(op, roomID); e != nil {
		return model.Room{}, e
	}
	day := c.now().UTC().Format(time.DateOnly)
	u := c.endpoint(url.Values{"from": {day}, "to": {day}}, "metrics", "zoomrooms", url.PathEscape(roomID))
	body, err := c.get(ctx, call{op: op, class: heavy, url: u, family: "zoomrooms"})
	if err != nil {
		return model.Room{}, err
	}
	var w wireRoom
	if _, err := objectDecoder(body); err != nil {
		return model.Room{}, c.redact(decodeError(op, c.auth.scrub(body), err))
	}
	if err := json.Unmarshal(body, &w); err != nil {
		return model.Room{}, c.redact(decodeError(op, c.auth.scrub(body), err))
	}
	return convertRoom(w), nil
}

func decodeRoomPage(body []byte) ([]model.Room, string, error) {
	var out []model.Room
	next, err := walkPage(body, "zoom_rooms", func(dec *json.Decoder) error {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		var w wireRoom
		if json.Unmarshal(raw, &w) == nil {
			out = append(out, convertRoom(w))
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	return out, next, nil
}
