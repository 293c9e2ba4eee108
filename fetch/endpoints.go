package fetch

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/qostop/qostop/model"
)

// maxPages stops a server that never stops handing out page tokens.
const maxPages = 1000

// Page sizes: the maxima Zoom allows per endpoint, to spend the fewest
// requests of the account's shared quota.
const (
	// QoSPageSize is how many participants one request of
	// /participants/qos brings: a meeting's poll costs its participants
	// over ten, rounded up (the overview and the exporter count pages by it).
	QoSPageSize  = 10
	listPageSize = 300
)

// Every call that takes a meetingID takes a model.Ref's Key: a meeting's
// ID, or a webinar's, which asks the same endpoints under
// /metrics/webinars (same shapes, scope dashboard_webinars:read:admin).

// ParticipantQoS fetches one participant's QoS samples (GET
// /metrics/meetings/{meetingId}/participants/{participantId}/qos).
func (c *Client) ParticipantQoS(ctx context.Context, meetingID, participantID string, typ model.MeetingType) (model.Participant, error) {
	r := model.RefOf(meetingID)
	op := "fetch participant QoS (" + refText(r) + ", participant " + idText(participantID) + ")"
	if e := needIDs(op, r.ID, participantID); e != nil {
		return model.Participant{}, e
	}
	u := c.endpoint(url.Values{"type": {typeParam(typ)}},
		"metrics", family(r), escapeMeetingID(r.ID), "participants", url.PathEscape(participantID), "qos")
	body, err := c.get(ctx, call{op: op, class: heavy, url: u, typ: typ, meeting: meetingID})
	if err != nil {
		return model.Participant{}, c.whichMissing(ctx, err, meetingID, typ)
	}
	p, err := decodeParticipant(body)
	if err != nil {
		return model.Participant{}, c.redact(decodeError(op, c.auth.scrub(body), err))
	}
	return p, nil
}

// whichMissing tells a missing participant from a missing meeting when
// Zoom's 404 does not: its participant QoS answers code 3001, "Meeting
// does not exist", for a participant the meeting never had. One request
// for the meeting's details, made only then, says which: if Zoom finds
// the meeting, err is about the participant (APIError.NoParticipant).
func (c *Client) whichMissing(ctx context.Context, err error, meetingID string, typ model.MeetingType) error {
	var ae *APIError
	if !errors.As(err, &ae) || ae.Kind != NotFound || ae.Code != 3001 {
		return err
	}
	if _, merr := c.Meeting(ctx, meetingID, typ); merr == nil {
		ae.noParticipant = true
	}
	return err
}

// MeetingQoS fetches the QoS samples of every participant in a meeting
// (GET /metrics/meetings/{meetingId}/participants/qos), all pages up to
// the caps in truncated.go; past them it returns the first participants
// with a *TruncatedError.
func (c *Client) MeetingQoS(ctx context.Context, meetingID string, typ model.MeetingType) ([]model.Participant, error) {
	r := model.RefOf(meetingID)
	op := "fetch " + r.Noun() + " QoS (" + refText(r) + ")"
	if e := needIDs(op, r.ID); e != nil {
		return nil, e
	}
	return c.participantPages(ctx, call{op: op, class: heavy, typ: typ, meeting: meetingID}, QoSPageSize,
		family(r), escapeMeetingID(r.ID), "participants", "qos")
}

// Participants lists a meeting's participants without samples (GET
// /metrics/meetings/{meetingId}/participants), all pages up to the caps,
// as MeetingQoS. Their UserID is the participant ID ParticipantQoS takes.
func (c *Client) Participants(ctx context.Context, meetingID string, typ model.MeetingType) ([]model.Participant, error) {
	r := model.RefOf(meetingID)
	op := "list participants (" + refText(r) + ")"
	if e := needIDs(op, r.ID); e != nil {
		return nil, e
	}
	return c.participantPages(ctx, call{op: op, class: heavy, typ: typ, meeting: meetingID}, listPageSize,
		family(r), escapeMeetingID(r.ID), "participants")
}

func (c *Client) participantPages(ctx context.Context, k call, size int, path ...string) ([]model.Participant, error) {
	q := url.Values{"type": {typeParam(k.typ)}, "page_size": {strconv.Itoa(size)}}
	return collect(ctx, c, k, q, append([]string{"metrics"}, path...), maxParticipants,
		"participants", decodeParticipantPage)
}

// collect gathers the items of every page, up to limit items (0: no
// limit) and maxCollected bytes of answers; past either it stops asking
// and returns what it has with a *TruncatedError.
func collect[T any](ctx context.Context, c *Client, k call, q url.Values, path []string, limit int, what string,
	decode func(body []byte, most int) ([]T, string, error)) ([]T, error) {
	var all []T
	size := 0
	err := c.pages(ctx, k, q, path, func(body []byte) (string, error) {
		most := 0 // all
		if limit > 0 {
			most = limit - len(all) + 1 // one past the cap says there are more
		}
		items, next, err := decode(body, most)
		if err != nil {
			return "", c.redact(decodeError(k.op, c.auth.scrub(body), err))
		}
		all = append(all, items...)
		size += len(body)
		switch {
		case limit > 0 && (len(all) > limit || (len(all) == limit && next != "")):
			clear(all[limit:]) // let the participants past the cap go
			all = all[:limit]
			return "", &TruncatedError{Op: k.op, Shown: limit, what: what}
		case size >= maxCollected && next != "":
			return "", &TruncatedError{Op: k.op, Shown: len(all), Bytes: true, what: what}
		}
		return next, nil
	})
	return all, err
}

// LiveMeetings lists the meetings in progress (GET /metrics/meetings?type=live)
// that started between from and to (dates in UTC), all pages up to
// maxCollected bytes of answers, past which it returns the first meetings
// with a *TruncatedError.
func (c *Client) LiveMeetings(ctx context.Context, from, to time.Time) ([]model.Meeting, error) {
	return c.Meetings(ctx, model.Live, from, to)
}

// pages follows next_page_token until Zoom returns an empty one or each
// fails. A failure on any page fails the whole call: a partial list would
// look complete (a list cut at a cap says so: *TruncatedError).
func (c *Client) pages(ctx context.Context, k call, q url.Values, path []string, each func([]byte) (string, error)) error {
	op := k.op
	seen := make(map[string]bool)
	for range maxPages {
		k.url = c.endpoint(q, path...)
		body, err := c.get(ctx, k)
		if err != nil {
			return err
		}
		next, err := each(body)
		if err != nil {
			return err
		}
		if next == "" {
			return nil
		}
		if seen[next] {
			return c.redact(&APIError{Op: op, Kind: BadResponse, detail: "Zoom returned the same page token twice"})
		}
		seen[next] = true
		q.Set("next_page_token", next)
	}
	return &APIError{Op: op, Kind: BadResponse, detail: "more than " + strconv.Itoa(maxPages) + " pages"}
}

// needIDs refuses IDs locally that would not name one path segment:
// empty ones, which Zoom routes to another endpoint, and any holding a
// "." or ".." segment, which a path-normalising proxy or server
// resolves, sending the request and its token elsewhere. Zoom decodes
// the path once (twice for the UUIDs escapeMeetingID encodes twice), so
// "..%2F..", "a/../b" and "%2e%2e" count as what they decode to.
func needIDs(op string, ids ...string) *APIError {
	for _, id := range ids {
		if err := CheckID(id); err != nil {
			return &APIError{Op: op, Kind: BadRequest, detail: err.Error()}
		}
	}
	return nil
}

// CheckID says why qostop refuses a meeting or participant ID without
// sending it (nil when it does not): see needIDs. The exporter skips
// the IDs of Zoom's own lists that it refuses.
func CheckID(id string) error {
	t := strings.TrimSpace(id)
	if t == "" {
		return errors.New("empty meeting or participant ID")
	}
	for range 3 { // as sent, and after each of Zoom's decodes
		for _, seg := range strings.FieldsFunc(t, func(r rune) bool { return r == '/' || r == '\\' }) {
			if seg = strings.TrimSpace(seg); seg == "." || seg == ".." {
				return errors.New("a meeting or participant ID cannot hold a \"" + seg + "\" path segment (\"" + idText(id) +
					"\"): meeting IDs are the number or UUID Zoom shows, participant IDs the user_id from the participant list")
			}
		}
		u, err := url.PathUnescape(t)
		if err != nil || u == t {
			break
		}
		t = u
	}
	return nil
}
