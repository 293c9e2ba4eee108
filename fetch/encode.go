package fetch

import (
	"net/url"
	"strings"

	"github.com/qostop/qostop/model"
)

// escapeMeetingID encodes a meeting ID or UUID as one path segment. Zoom
// decodes the path once before routing, so a UUID that begins with "/" or
// holds "//" must be encoded twice or Zoom answers 404 (code 3001); other
// IDs are encoded once, as Zoom documents.
func escapeMeetingID(id string) string {
	e := url.PathEscape(id)
	if strings.HasPrefix(id, "/") || strings.Contains(id, "//") {
		e = url.PathEscape(e)
	}
	return e
}

// endpoint builds base + escaped path segments + query. RawPath carries the
// segments exactly as escaped, so a double escape reaches the wire intact
// instead of being normalised back to one.
func (c *Client) endpoint(q url.Values, escaped ...string) *url.URL {
	u := *c.base
	raw := strings.TrimRight(c.base.EscapedPath(), "/") + "/" + strings.Join(escaped, "/")
	path, err := url.PathUnescape(raw)
	if err != nil {
		path = raw // unreachable: every segment came from url.PathEscape
	}
	u.Path, u.RawPath = path, raw
	u.RawQuery = q.Encode()
	return &u
}

// typeParam is the type query value; the zero MeetingType means live.
func typeParam(t model.MeetingType) string {
	if t == "" {
		return string(model.Live)
	}
	return string(t)
}

// idText renders an ID the user gave for an error message: sanitized and
// short, since it may be pasted garbage.
func idText(id string) string {
	s := model.Sanitize(id)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return s
}

// family is the path segment of r's kind: /metrics/meetings/… or
// /metrics/webinars/….
func family(r model.Ref) string {
	if r.Kind == model.KindWebinar {
		return "webinars"
	}
	return "meetings"
}

// refText names a meeting or webinar in an error message: "meeting 850…".
func refText(r model.Ref) string { return r.Noun() + " " + idText(r.ID) }
