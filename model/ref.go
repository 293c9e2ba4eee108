package model

import (
	"encoding/base64"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// On a bridge people have a meeting as Zoom prints it: a join link
// (often with its password), "850 1234 5678", a UUID from a report.
// ParseRef reads all of these locally, so what cannot be an ID is
// refused before a request is spent on it, and a link's password is
// dropped at once: nothing after the path's ID is kept or quoted.

// Kind is the Dashboard family a call belongs to: Zoom serves the same
// QoS shapes under /metrics/meetings and /metrics/webinars.
type Kind string

// The two families qostop asks about.
const (
	KindMeeting Kind = "meeting"
	KindWebinar Kind = "webinar"
)

// Ref names one meeting or webinar: its family and its ID (the numeric
// ID without spaces, or the UUID).
type Ref struct {
	Kind Kind
	ID   string
}

// webinarKey starts the key of a webinar. ":" is in no numeric ID and in
// no UUID (standard base64), so a key reads back unambiguously.
const webinarKey = "webinar:"

// Key is r as the one string that stands where a meeting ID goes (a
// screen's target, the UI's Source calls, the exporter's polls): a
// meeting's ID as it is, a webinar's after "webinar:". RefOf reads it back.
func (r Ref) Key() string {
	if r.Kind == KindWebinar {
		return webinarKey + r.ID
	}
	return r.ID
}

// RefOf reads a Key back: a key without the webinar prefix is a meeting.
func RefOf(key string) Ref {
	if id, ok := strings.CutPrefix(key, webinarKey); ok {
		return Ref{Kind: KindWebinar, ID: id}
	}
	return Ref{Kind: KindMeeting, ID: key}
}

// Noun is "meeting" or "webinar", for messages.
func (r Ref) Noun() string {
	if r.Kind == KindWebinar {
		return string(KindWebinar)
	}
	return string(KindMeeting)
}

// RefError says why a meeting reference was refused and what was
// expected; it quotes the input without any query or fragment, where a
// join link keeps its password.
type RefError struct {
	Input string // as quoted: sanitized, cut at "?" or "#", shortened
	Why   string
}

func (e *RefError) Error() string {
	return "meeting " + quoteRef(e.Input) + ": " + e.Why + "; want a meeting ID (e.g. 850 1234 5678), " +
		"a join link (https://…zoom.us/j/ID, /w/ID for a webinar) or a meeting UUID"
}

func quoteRef(s string) string { return "\"" + s + "\"" }

// Meeting IDs have 9 to 11 digits; a UUID is 16 bytes in base64.
const (
	minIDDigits = 9
	maxIDDigits = 11
	uuidBytes   = 16
)

// ParseRef reads what a user gave as a meeting: a join link on a Zoom or
// ZoomGov host (/j/ID, /w/ID for a webinar, /s/ID, /wc/join/ID,
// /wc/ID/join, zoommtg://…/join?confno=ID), a numeric ID with spaces or
// dashes, or a meeting UUID (URL-encoded or not). kind is the family
// when the input does not say (--webinar); a /w/ link is a webinar
// whatever kind is. It sends nothing and keeps no password.
func ParseRef(s string, kind Kind) (Ref, error) {
	if kind != KindWebinar {
		kind = KindMeeting
	}
	in := strings.TrimSpace(s)
	shown := shownRef(in)
	fail := func(why string) (Ref, error) { return Ref{}, &RefError{Input: shown, Why: why} }
	switch {
	case in == "":
		return fail("empty")
	case looksLikeLink(in):
		id, linkKind, why := linkID(in)
		if why != "" {
			return fail(why)
		}
		if linkKind == KindWebinar {
			kind = KindWebinar
		}
		return Ref{Kind: kind, ID: id}, nil
	}
	if digits, ok := spacedDigits(in); ok {
		if n := len(digits); n < minIDDigits || n > maxIDDigits {
			return fail("a meeting ID has 9 to 11 digits, this has " + strconv.Itoa(n))
		}
		return Ref{Kind: kind, ID: digits}, nil
	}
	if id, ok := meetingUUID(in); ok {
		return Ref{Kind: kind, ID: id}, nil
	}
	return fail("neither a meeting ID, a join link nor a UUID")
}

// looksLikeLink: a scheme, or a host and path as people paste them
// ("us02web.zoom.us/j/…").
func looksLikeLink(s string) bool {
	if strings.Contains(s, "://") {
		return true
	}
	host, _, ok := strings.Cut(s, "/")
	return ok && strings.Contains(host, ".")
}

// linkID finds the meeting ID in a join link, or says why there is none.
func linkID(s string) (id string, kind Kind, why string) {
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", "", "not a link qostop can read"
	}
	switch strings.ToLower(u.Scheme) {
	case "https", "http", "zoommtg", "zoomus", "zoomgov":
	default:
		return "", "", "a link with scheme " + u.Scheme + ", not a Zoom join link"
	}
	if !zoomHost(u.Hostname()) {
		return "", "", "a link to " + shownRef(u.Hostname()) + ", not to a Zoom or ZoomGov host"
	}
	raw, kind, why := pathID(u)
	if why != "" {
		return "", "", why
	}
	digits, ok := spacedDigits(raw)
	if !ok || len(digits) < minIDDigits || len(digits) > maxIDDigits {
		return "", "", "the link's meeting ID is not 9 to 11 digits"
	}
	return digits, kind, ""
}

// pathID is the raw meeting ID a join link's path (or, for zoommtg's
// join, its confno) holds, and whether it is a webinar's.
func pathID(u *url.URL) (raw string, kind Kind, why string) {
	segs := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	if raw, kind, ok := idInPath(segs); ok {
		return raw, kind, ""
	}
	switch {
	case len(segs) == 1 && (segs[0] == "join" || segs[0] == "start"):
		return u.Query().Get("confno"), KindMeeting, ""
	case len(segs) >= 1 && segs[0] == "my":
		return "", "", "a personal link names no meeting ID: give the number Zoom shows for it"
	}
	return "", "", "a Zoom link without a meeting ID in it (/j/ID, /w/ID, /s/ID or /wc/join/ID)"
}

// idInPath is the meeting ID of a path that holds one itself: /j/ID,
// /s/ID, /w/ID (a webinar's), /wc/join/ID, /wc/ID/join or /wc/ID/start.
// Apart from pathID, so that neither is over complexity 15.
func idInPath(segs []string) (string, Kind, bool) {
	switch {
	case len(segs) == 2 && (segs[0] == "j" || segs[0] == "s"):
		return segs[1], KindMeeting, true
	case len(segs) == 2 && segs[0] == "w":
		return segs[1], KindWebinar, true
	case len(segs) == 3 && segs[0] == "wc" && segs[1] == "join":
		return segs[2], KindMeeting, true
	case len(segs) == 3 && segs[0] == "wc" && (segs[2] == "join" || segs[2] == "start"):
		return segs[1], KindMeeting, true
	}
	return "", "", false
}

// zoomHost reports whether host is Zoom's or ZoomGov's, or a subdomain
// (us02web.zoom.us, a company's vanity name).
func zoomHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for _, d := range []string{"zoom.us", "zoom.com", "zoomgov.com"} {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// spacedDigits is s without the spaces and dashes Zoom prints IDs with,
// if nothing but digits is left.
func spacedDigits(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-' || r == '\u2011' || r == '\u2013':
		default:
			return "", false
		}
	}
	return b.String(), b.Len() > 0
}

// meetingUUID accepts 16 bytes in standard base64, padded or not, as
// given or URL-encoded once or twice (as copied from a request path).
func meetingUUID(s string) (string, bool) {
	for range 2 {
		if !strings.Contains(s, "%") {
			break
		}
		u, err := url.PathUnescape(s)
		if err != nil {
			return "", false
		}
		s = u
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding} {
		if b, err := enc.Strict().DecodeString(s); err == nil && len(b) == uuidBytes {
			return s, true
		}
	}
	return "", false
}

// shownRef is s as an error may quote it: sanitized, without any query
// or fragment (a join link's password is there), at most 40 runes.
func shownRef(s string) string {
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i] + "?…"
	}
	s = Sanitize(s)
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return s
}

// HideQueries cuts the query off every link in s ("…/j/850…?pwd=x" reads
// "…/j/850…?…"), for text that may quote what a user typed, where a
// join link keeps its password: a usage error quoting the arguments.
func HideQueries(s string) string {
	const ends = " \t\n\"'`,;)]"
	var b strings.Builder
	for {
		q := strings.IndexByte(s, '?')
		if q < 0 {
			return b.String() + s
		}
		start := strings.LastIndexAny(s[:q], ends) + 1
		end := len(s)
		if e := strings.IndexAny(s[q:], ends); e >= 0 {
			end = q + e
		}
		b.WriteString(s[:q+1])
		if strings.ContainsAny(s[start:q], "/.") && end > q+1 {
			b.WriteString("…")
		} else {
			b.WriteString(s[q+1 : end])
		}
		s = s[end:]
	}
}
