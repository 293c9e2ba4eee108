package fetch

import (
	"fmt"
	"strings"
	"time"

	"github.com/qostop/qostop/model"
)

// ErrorKind says what class of failure an APIError is, so callers can
// decide (retry, stop, show a fix) without parsing text.
type ErrorKind int

// The kinds of failure. Unexpected is the zero value: an HTTP status or
// Zoom code qostop has no advice for.
const (
	Unexpected    ErrorKind = iota
	NotFound                // 404 with a Zoom code: 3001 no such meeting (or not live now), 1001 no such participant
	MissingScope            // code 4700: the token lacks Dashboard scopes
	InvalidClient           // the token endpoint refused the account ID, client ID or secret
	NoDashboard             // code 200: the account has no Dashboard
	RateLimited             // 429, or refused locally until RetryAt
	Unauthorized            // 401 even with a fresh token
	BadRequest              // 400 / code 300
	TooOld                  // code 12702: meeting older than a year
	Server                  // 5xx from Zoom
	Network                 // refused, DNS, TLS, timeout: no HTTP answer
	BadResponse             // an answer that cannot be decoded
	Canceled                // the caller's context ended
	WrongURL                // 404 without a Zoom code: the API URL leads to no Dashboard API
	NoSecret                // the client secret's source (Config.Secret) failed: nothing was sent
)

var kindNames = [...]string{"unexpected", "not found", "missing scope", "invalid client",
	"no dashboard", "rate limited", "unauthorized", "bad request", "too old", "server",
	"network", "bad response", "canceled", "wrong URL", "no secret"}

func (k ErrorKind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "unknown"
	}
	return kindNames[k]
}

// netCause refines Network errors; it only shapes the advice in Error.
type netCause int

const (
	causeOther netCause = iota
	causeRefused
	causeDNS
	causeTLS
	causeTimeout
)

// APIError is every failure a Client returns. Its text is written for the
// person on call: what failed, what it means, what to do.
type APIError struct {
	Op        string    // what was being done, e.g. "fetch participant QoS"
	Status    int       // HTTP status, 0 when no answer arrived
	Code      int       // Zoom's error code, 0 if none
	Message   string    // Zoom's message, sanitized
	RetryAt   time.Time // rate limits: when a request may be sent again
	LimitType string    // "QPS", "Daily-limit" or ""
	Kind      ErrorKind
	Err       error // underlying cause, if any; never carries a secret
	// Type is the meeting type the request asked for (live or past); the
	// advice for a missing meeting depends on it.
	Type model.MeetingType

	host   string   // host that failed, for network advice
	token  bool     // the failure was at the token endpoint
	cause  netCause // Network only
	detail string   // short, sanitized extra: network detail, body snippet, scopes
	// retryCapped: a per-second limit's Retry-After asked for more than
	// maxQPSWait, and RetryAt was cut to it.
	retryCapped bool
	timeout     time.Duration
	meeting     string      // meeting ID of the request, for a command that lists its participants
	family      string      // meetings, webinars or zoomrooms: which scopes a refusal lacks
	apiURL      string      // base URL requests went to, for a 404 that is no Zoom answer
	sim         bool        // the URLs are the demo's built-in simulator (Config.Simulated)
	renewed     bool        // a 401 that came again with a newly fetched token
	creds       credentials // InvalidClient: which settings Zoom refused
	// redirect is set for a refused redirect: what Zoom answered and why
	// qostop did not follow it (WrongURL).
	redirect string
	// noParticipant: a participant QoS 404 that said "no such meeting"
	// (3001) for a meeting Zoom then found (Client.whichMissing).
	noParticipant bool
}

// NoParticipant reports whether e is Zoom finding the meeting but not
// the participant in it.
func (e *APIError) NoParticipant() bool {
	return e.Kind == NotFound && (e.Code == 1001 || e.noParticipant)
}

// Error explains the failure in plain words.
func (e *APIError) Error() string {
	s := e.explain()
	if e.Op != "" {
		s = e.Op + ": " + s
	}
	return s
}

// Unwrap exposes the cause, e.g. context.Canceled.
func (e *APIError) Unwrap() error { return e.Err }

// Temporary reports whether trying again later may succeed without anyone
// changing configuration.
func (e *APIError) Temporary() bool {
	switch e.Kind {
	case RateLimited, Server, Network, BadResponse:
		return true
	}
	return false
}

// explain is the message of e, with what to do about it. A refused
// redirect is said whatever the Kind; the rest is kindText's.
func (e *APIError) explain() string {
	if e.redirect != "" {
		return e.redirectText()
	}
	return e.kindText()
}

// kindText is the message for e's Kind; the longer ones are methods of
// their own, so that this stays a plain list.
func (e *APIError) kindText() string {
	switch e.Kind {
	case NotFound:
		return e.notFoundText()
	case WrongURL:
		return e.wrongURLText()
	case MissingScope:
		return e.missingScopeText()
	case InvalidClient:
		return e.invalidClientText()
	case NoDashboard:
		return "this Zoom account has no Dashboard" + e.said() + ". The QoS API needs a Business plan " +
			"or higher with the Dashboard enabled; ask the account owner"
	case RateLimited:
		return e.rateText()
	case Unauthorized:
		return e.unauthorizedText()
	case BadRequest:
		return e.badRequestText()
	case TooOld:
		return "the meeting is more than a year old" + e.said() + "; Zoom's Dashboard keeps QoS data " +
			"for 12 months only"
	case Server:
		return e.serverText()
	case Network:
		return e.networkText()
	case BadResponse:
		return "Zoom's answer could not be read" + e.said() + ". A proxy or flaky network may have " +
			"cut it short, or Zoom changed its format; if it happens again, run with --debug-log FILE " +
			"to see which request failed"
	case Canceled:
		return "stopped before Zoom answered"
	case NoSecret:
		return e.detail + "; no token was asked for"
	}
	return "Zoom answered with an unexpected error" + e.said() + "; run with --debug-log FILE to see " +
		"which request failed"
}

// wrongURLText says the API URL is probably wrong: the server has no such endpoint.
func (e *APIError) wrongURLText() string {
	where := "the server"
	if e.apiURL != "" {
		where += " at " + e.apiURL
	}
	return where + " has no such endpoint" + e.said() + ": the API URL is probably wrong. " +
		"Check --api-url / ZOOM_API_URL; Zoom's is " + DefaultAPIURL + " (" + GovAPIURL +
		" for Zoom for Government)"
}

// missingScopeText names the scopes the token lacks and where to add them.
func (e *APIError) missingScopeText() string {
	scopes := e.detail
	if scopes == "" {
		scopes = "the Dashboard scopes"
	}
	return "the access token lacks " + scopes + e.said() + ". Add " + scopeAdvice(e.family) +
		" to the Server-to-Server OAuth app in the Zoom App " +
		"Marketplace, then restart qostop so it gets a token with the new scopes"
}

// invalidClientText names the setting the token endpoint rejected, when its
// error code tells which.
func (e *APIError) invalidClientText() string {
	what, envs := "the account ID, client ID or client secret", "ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET"
	switch e.creds {
	case credAccount:
		what, envs = "the account ID", "ZOOM_ACCOUNT_ID"
	case credClient:
		what, envs = "the client ID or client secret", "ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET"
	}
	return "Zoom's token endpoint (" + e.host + ") rejected " + what + e.said() + ". Check " + envs +
		" against App Credentials of your Server-to-Server OAuth app in the Zoom App Marketplace, " +
		"and that the app is activated. Zoom for Government accounts need the zoomgov.com URLs"
}

// unauthorizedText explains a rejected access token, and says so when a new
// one was fetched and rejected too.
func (e *APIError) unauthorizedText() string {
	what := "Zoom rejected the access token"
	if e.renewed {
		what += " even after qostop fetched a new one"
	}
	return what + e.said() + ". Check that the Server-to-Server OAuth app is activated and belongs to the account in " +
		"ZOOM_ACCOUNT_ID, and that the API URL and OAuth URL are of the same Zoom cloud " +
		"(api.zoom.us with zoom.us, api.zoomgov.com with zoomgov.com)"
}

// badRequestText tells a request qostop refused to send from one Zoom refused.
func (e *APIError) badRequestText() string {
	if e.Status == 0 {
		return "invalid request" + e.said() + "; nothing was sent to Zoom"
	}
	return "Zoom rejected the request as invalid" + e.said() + ". Check the meeting ID and --type; " +
		"if it mentions next_page_token, the page token expired (they last 15 minutes); a new " +
		"request starts again from the first page"
}

// serverText names the failing server: the API's or the token endpoint's.
func (e *APIError) serverText() string {
	where := "Zoom's server"
	if e.token {
		where = "Zoom's token endpoint (" + e.host + ")"
	}
	return where + " failed" + e.said() + ". The problem is on Zoom's side and usually passes; " +
		"try again in a minute, and if it lasts, see https://status.zoom.us"
}

// notFoundText tells a missing participant from a missing meeting, and a
// live meeting that may have ended from a past one that cannot be found.
func (e *APIError) notFoundText() string {
	uuid := "If you gave a meeting UUID, copy it exactly as Zoom shows it (qostop encodes it for the URL itself)"
	switch {
	case e.NoParticipant():
		list := "qostop snapshot "
		if e.Type == model.Past {
			list += "--type past "
		}
		if r := model.RefOf(e.meeting); r.ID != "" {
			if r.Kind == model.KindWebinar {
				list += "--webinar "
			}
			list += idText(r.ID)
		} else {
			list += "MEETING"
		}
		// Zoom's own words for it are "Meeting does not exist" (3001):
		// say why qostop reads them otherwise.
		why := ""
		if e.Code != 1001 {
			why = ", though its details answer for the meeting: Zoom says so of a participant the meeting never had"
		}
		return "Zoom found no such participant in this meeting" + e.said() + why + ". The participant ID " +
			"must be a user_id from the meeting's participant list, which `" + list + "` shows"
	case e.Code == 3001:
		if e.Type == model.Past {
			return "Zoom found no such past meeting" + e.said() + ": the meeting ID or UUID is wrong, " +
				"or the meeting is older than Zoom keeps Dashboard data. " + uuid
		}
		return "Zoom found no such meeting, or it is not live now" + e.said() + ". For a meeting " +
			"that has ended use --type past. " + uuid
	}
	return "Zoom found no such meeting or participant" + e.said() + ". Check the meeting ID and " +
		"participant ID. " + uuid
}

// said quotes what Zoom told us: status, code, message or snippet.
func (e *APIError) said() string {
	var parts []string
	if e.Status != 0 {
		parts = append(parts, fmt.Sprintf("HTTP %d", e.Status))
	}
	if e.Code != 0 {
		parts = append(parts, fmt.Sprintf("code %d", e.Code))
	}
	s := strings.Join(parts, ", ")
	// Zoom's words are quoted; qostop's own detail is not.
	msg := ""
	switch {
	case e.Message != "":
		msg = fmt.Sprintf("%q", e.Message)
	case e.Kind != MissingScope:
		msg = e.detail
	}
	if msg != "" {
		if s != "" {
			s += ": "
		}
		s += msg
	}
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

// RetryCapped reports whether Zoom's per-second limit asked to wait
// longer than a minute and RetryAt was cut to a minute: an oddity to log.
func (e *APIError) RetryCapped() bool { return e.retryCapped }

// rateText says what Zoom refused and when it allows requests again. It
// promises nothing about what qostop will do: a one-shot snapshot exits,
// and the watch screen shows its own countdown to the next try.
func (e *APIError) rateText() string {
	s := "rate limited"
	if e.LimitType != "" {
		s += " (" + e.LimitType + ")"
	}
	when := "later"
	if !e.RetryAt.IsZero() {
		s += " until " + clockText(e.RetryAt)
		when = "after that time"
	}
	switch e.LimitType {
	case budgetLimit:
		return "qostop's own request budget for today (--budget) is spent" + strings.TrimPrefix(s, "rate limited (Budget)") +
			": it resets at 00:00 UTC; raise --budget if the account's daily quota allows"
	case "Daily-limit":
		s += ": the account's daily quota of Dashboard requests, shared by every app on it, is used up " +
			"(Zoom resets it at 00:00 UTC); try again " + when
	case "QPS":
		if e.retryCapped {
			s += " (Zoom's Retry-After asked for longer, which a per-second limit never needs: qostop waits at most " +
				maxQPSWait.String() + ")"
		}
		s += ": Zoom allows only a few Dashboard requests per second per account, shared by every app " +
			"on it; try again " + when + ". If this keeps happening, poll less often (--interval) " +
			"or watch fewer participants"
	default:
		s += ": Zoom refused more Dashboard requests for now; try again " + when
	}
	if e.Message != "" {
		s += fmt.Sprintf(" (Zoom: %q)", e.Message)
	}
	return s
}

// clockText gives a time in UTC and, when it differs, local time, with the
// date when it is not today, so "until 00:00:00 UTC" is never ambiguous.
func clockText(t time.Time) string {
	u := t.UTC()
	s := u.Format("15:04:05") + " UTC"
	if u.Format(time.DateOnly) != time.Now().UTC().Format(time.DateOnly) {
		s += " on " + u.Format("2006-01-02")
	}
	if _, off := t.Local().Zone(); off != 0 {
		s += " (" + t.Local().Format("15:04:05") + " local time)"
	}
	return s
}

func (e *APIError) networkText() string {
	setting := "the API URL (--api-url / ZOOM_API_URL)"
	if e.token {
		setting = "the OAuth URL (--oauth-url / ZOOM_OAUTH_URL)"
	}
	host := e.host
	var what, check string // what failed, and what to check
	switch e.cause {
	case causeRefused:
		what = "cannot connect to " + host + ": connection refused"
		check = "Nothing is listening there: check " + setting + " and, if you use a proxy, HTTPS_PROXY"
	case causeDNS:
		what = "cannot resolve host " + host + " (DNS lookup failed)"
		check = "Check " + setting + " for typos, your DNS settings and network connection"
	case causeTLS:
		what = "secure connection (TLS) to " + host + " failed: the certificate is not trusted or does not match"
		check = "Check " + setting + "; behind a TLS-inspecting proxy, install its CA certificate or check HTTPS_PROXY"
	case causeTimeout:
		what = "no answer from " + host
		if e.timeout > 0 {
			what += " within " + e.timeout.String()
		}
		what += " (timeout)"
		check = "Check your network, proxy (HTTPS_PROXY) and " + setting
	default:
		what = "network error talking to " + host
		check = "Check your network connection, proxy (HTTPS_PROXY) and " + setting
	}
	if e.sim {
		// The demo's Zoom runs inside qostop, on loopback: no network, proxy
		// or URL of the user's is involved, only the failures --faults asks for.
		check = "This is the demo's built-in simulator, which --faults makes fail on purpose, as Zoom's network might"
	}
	s := what + ". " + check
	if e.detail != "" {
		s += fmt.Sprintf(" (%s)", e.detail)
	}
	return s
}

// scopeAdvice names the scopes the calls under /metrics/family need.
func scopeAdvice(family string) string {
	switch family {
	case "webinars":
		return "dashboard_webinars:read:admin (webinars need the Webinar add-on)"
	case "zoomrooms":
		return "dashboard_zr:read:admin"
	}
	return "dashboard_meetings:read:admin (or the granular dashboard:read:meeting_participant_qos:admin, " +
		"dashboard:read:list_meeting_participants_qos:admin, dashboard:read:list_meeting_participants:admin " +
		"and dashboard:read:list_meetings:admin)"
}
