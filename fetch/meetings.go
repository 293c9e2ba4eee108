package fetch

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/qostop/qostop/model"
)

// Meetings lists the meetings of one type (GET /metrics/meetings): live
// ones in progress, or past ones that ended, that started between the
// dates of from and to in UTC, all pages. A zero from or to is today.
// Zoom requires both dates; they are whole days, so 23:30 in New York
// asks for the next UTC day.
func (c *Client) Meetings(ctx context.Context, typ model.MeetingType, from, to time.Time) ([]model.Meeting, error) {
	return c.list(ctx, model.KindMeeting, typ, from, to)
}

// Webinars lists the webinars of one type (GET /metrics/webinars), as
// Meetings lists meetings; each has Kind webinar. It needs the scope
// dashboard_webinars:read:admin (the Webinar add-on).
func (c *Client) Webinars(ctx context.Context, typ model.MeetingType, from, to time.Time) ([]model.Meeting, error) {
	return c.list(ctx, model.KindWebinar, typ, from, to)
}

func (c *Client) list(ctx context.Context, kind model.Kind, typ model.MeetingType, from, to time.Time) ([]model.Meeting, error) {
	typ = model.MeetingType(typeParam(typ))
	r := model.Ref{Kind: kind}
	op := "list " + string(typ) + " " + family(r)
	if typ != model.Live && typ != model.Past {
		return nil, &APIError{Op: op, Kind: BadRequest, detail: "the meeting type must be live or past"}
	}
	now := c.now()
	if from.IsZero() {
		from = now
	}
	if to.IsZero() {
		to = now
	}
	f, t := from.UTC().Format(time.DateOnly), to.UTC().Format(time.DateOnly)
	if t < f { // yyyy-mm-dd sorts as text
		return nil, &APIError{Op: op, Kind: BadRequest, detail: "the to date " + t + " is before the from date " + f}
	}
	q := url.Values{
		"type":      {string(typ)},
		"from":      {f},
		"to":        {t},
		"page_size": {strconv.Itoa(listPageSize)},
	}
	k := call{op: op, class: resourceIntensive, typ: typ, family: family(r)}
	decode := decodeMeetingPage
	if kind == model.KindWebinar {
		decode = decodeWebinarPage
	}
	return collect(ctx, c, k, q, []string{"metrics", family(r)}, 0, family(r),
		func(body []byte, _ int) ([]model.Meeting, string, error) { return decode(body) })
}

// Meeting fetches one meeting's details (GET /metrics/meetings/{meetingId}):
// topic, host, start time, duration, participant count and whether the
// screen was shared. A screen opened by meeting ID uses it for its title.
// The ID is the numeric ID or the UUID, encoded as the QoS calls encode it;
// a meeting Zoom does not know, or one that is not of type typ (a live
// call for a meeting that has ended), is a NotFound error with code 3001.
func (c *Client) Meeting(ctx context.Context, meetingID string, typ model.MeetingType) (model.Meeting, error) {
	r := model.RefOf(meetingID)
	op := "fetch " + r.Noun() + " details (" + refText(r) + ")"
	if e := needIDs(op, r.ID); e != nil {
		return model.Meeting{}, e
	}
	u := c.endpoint(url.Values{"type": {typeParam(typ)}}, "metrics", family(r), escapeMeetingID(r.ID))
	body, err := c.get(ctx, call{op: op, class: heavy, url: u, typ: typ, meeting: meetingID})
	if err != nil {
		return model.Meeting{}, err
	}
	m, err := decodeMeeting(body, r.Kind)
	if err != nil {
		return model.Meeting{}, c.redact(decodeError(op, c.auth.scrub(body), err))
	}
	return m, nil
}

// errNoMeeting: an object naming neither an ID nor a UUID is not a
// meeting, and a title built from it would be blank without saying why.
var errNoMeeting = errors.New("the answer names no meeting")

// decodeMeeting reads the meeting details answer, which has the shape of
// one row of the meeting list.
func decodeMeeting(body []byte, kind model.Kind) (model.Meeting, error) {
	if _, err := objectDecoder(body); err != nil { // null or a list is not a meeting
		return model.Meeting{}, err
	}
	var w wireMeeting
	if err := json.Unmarshal(body, &w); err != nil {
		return model.Meeting{}, err
	}
	m := convertMeeting(w, kind)
	if strings.TrimSpace(m.ID) == "" && strings.TrimSpace(m.UUID) == "" {
		return model.Meeting{}, errNoMeeting
	}
	return m, nil
}
