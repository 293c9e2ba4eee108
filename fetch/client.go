package fetch

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/time/rate"

	"github.com/qostop/qostop/model"
)

// maxBody bounds one answer: a page of ten participants with a day of
// per-minute samples each is some tens of MB; more is not Zoom.
const maxBody = 64 << 20

// Client talks to Zoom's Dashboard API. Make one with New; it is safe for
// concurrent use.
type Client struct {
	cfg      Config
	base     *url.URL
	httpc    *http.Client
	auth     *auth
	blocks   blocks
	polite   *rate.Limiter
	pacer    *pacer // with Config.Pace; else polite spaces the requests
	log      *debugLog
	now      func() time.Time
	requests atomic.Int64
	tokenReq atomic.Int64
}

// New validates cfg and builds a Client. It sends nothing: the first call
// fetches the token.
func New(cfg Config) (*Client, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	base, err := url.Parse(strings.TrimRight(cfg.APIURL, "/"))
	if err != nil {
		return nil, err // Validate parsed it already
	}
	rt := cfg.Transport
	if rt == nil {
		rt = defaultTransport()
	}
	var log *debugLog
	if cfg.DebugLog != nil {
		log = &debugLog{w: cfg.DebugLog}
	}
	c := &Client{cfg: cfg, base: base, polite: newPoliteLimiter(), now: cfg.Now, log: log}
	if cfg.Pace > 0 {
		c.pacer = newPacer(cfg.Pace)
	}
	var api http.RoundTripper = meter{base: rt, count: &c.requests, log: log}
	if cfg.Budget != nil {
		api = budgetMeter{base: api, b: cfg.Budget}
	}
	c.httpc = &http.Client{Transport: api, CheckRedirect: noRedirects}
	tokenHTTP := &http.Client{Transport: meter{base: rt, count: &c.tokenReq, log: log}, CheckRedirect: noRedirects}
	c.auth = newAuth(cfg, tokenHTTP, func() time.Time { return c.now() })
	if log != nil {
		log.secrets = c.auth.secrets
	}
	return c, nil
}

// Requests is the number of API requests sent over the wire, retries
// included and token requests not.
func (c *Client) Requests() int64 { return c.requests.Load() }

// Budget is the request budget the client counts against; nil if none.
func (c *Client) Budget() *Budget { return c.cfg.Budget }

// TokenRequests is the number of requests sent to the OAuth token endpoint.
func (c *Client) TokenRequests() int64 { return c.tokenReq.Load() }

// call is one logical API request.
type call struct {
	op      string
	class   class
	url     *url.URL
	typ     model.MeetingType // the type= asked for; "" is live, as in typeParam
	meeting string            // the meeting ID as the caller gave it, "" for the meeting list
	family  string            // the path under /metrics; "" is the meeting's (see family)
}

// get sends c, handling token refresh, rate limits and errors, and returns
// a 2xx body that is non-empty UTF-8. It sends at most three requests: one,
// one after a rejected token, one after waiting out a rate limit.
func (c *Client) get(ctx context.Context, k call) ([]byte, error) {
	body, err := c.getOnce(ctx, k)
	if err != nil {
		// What was asked shapes the advice: a 404 for a live meeting
		// suggests --type past, one for a past meeting does not.
		err.Type = model.MeetingType(typeParam(k.typ))
		err.meeting = k.meeting
		err.family = cmp.Or(k.family, family(model.RefOf(k.meeting)))
		err.apiURL = c.base.String() // Validate allows no user info or query in it
		err.sim = c.cfg.Simulated
		return nil, c.redact(err)
	}
	return body, nil
}

func (c *Client) getOnce(ctx context.Context, k call) ([]byte, *APIError) {
	waited, refreshed := false, false
	for {
		if err := ctx.Err(); err != nil {
			return nil, canceled(k.op, err)
		}
		if e := c.blocks.refusal(k.class, c.now(), k.op); e != nil {
			if err := c.waitOut(ctx, k.op, e, waited); err != nil {
				return nil, err
			}
			waited = true
			continue
		}
		tok, e := c.ready(ctx, k.op)
		if e != nil {
			return nil, e
		}
		status, hdr, body, e := c.send(ctx, k, tok)
		if e != nil {
			return nil, e
		}
		if !isSuccess(status) {
			body = c.auth.scrub(body) // only quoted from here on
		}
		switch {
		case status == http.StatusUnauthorized:
			if e := c.unauthorized(k.op, hdr, body, tok, refreshed); e != nil {
				return nil, e
			}
			refreshed = true
			continue
		case status == http.StatusTooManyRequests:
			e := c.rateLimited(k, hdr, body)
			if waited || !c.mayWait(e.RetryAt) {
				return nil, e
			}
			continue // the refusal check above waits, once
		case !isSuccess(status):
			return nil, httpError(k.op, status, hdr, body)
		}
		return checkBody(k.op, status, body)
	}
}

// The helpers below are getOnce's steps, apart so that its loop reads as
// the order of events (it had grown to complexity 23).

// isSuccess reports whether an HTTP status is a 2xx.
func isSuccess(status int) bool { return status >= 200 && status <= 299 }

// waitOut waits until the refusal e of the request's class ends, and gives
// nil then, or the error to end with: e when getOnce waited already or may
// not wait that long, a cancellation when ctx ends first.
func (c *Client) waitOut(ctx context.Context, op string, e *APIError, waited bool) *APIError {
	if waited || !c.mayWait(e.RetryAt) {
		return e
	}
	if err := c.waitUntil(ctx, e.RetryAt); err != nil {
		return canceled(op, err)
	}
	return nil
}

// ready gets what a request needs before it is sent: room in the budget,
// a token and its turn under the pace.
func (c *Client) ready(ctx context.Context, op string) (*oauth2.Token, *APIError) {
	// Before the token: a request the budget or the account's spent
	// quota refuses sends nothing at all.
	if e := c.cfg.Budget.refusal(op); e != nil {
		return nil, e
	}
	tok, e := c.auth.token(ctx, op)
	if e != nil {
		return nil, e
	}
	if err := c.pace(ctx); err != nil {
		return nil, canceled(op, err)
	}
	return tok, nil
}

// unauthorized is the error a 401 ends getOnce with, or nil when the
// token was stale and has not been renewed yet: then it is dropped and
// the request is to be sent once more, with a new one.
func (c *Client) unauthorized(op string, hdr http.Header, body []byte, tok *oauth2.Token, refreshed bool) *APIError {
	e := httpError(op, http.StatusUnauthorized, hdr, body)
	if !staleToken(e) {
		// Missing scopes (4700) or another refusal of this app: a
		// new token has the same grants and would be refused too.
		return e
	}
	if !refreshed {
		// The token expired or was revoked early. One new token,
		// one retry; a second 401 is not a stale token.
		c.auth.drop(tok)
		return nil
	}
	e.renewed = true
	c.auth.reject(tok, e)
	return e
}

// rateLimited is the error of a 429, after blocking the request's class
// (and slowing the pace, for a QPS limit) until Zoom says to retry.
func (c *Client) rateLimited(k call, hdr http.Header, body []byte) *APIError {
	e := httpError(k.op, http.StatusTooManyRequests, hdr, body)
	e.Kind = RateLimited
	e.RetryAt, e.LimitType = retryAt(hdr, c.now())
	e.retryCapped = qpsCapped(hdr, c.now())
	c.blocks.block(k.class, e)
	if c.pacer != nil && e.LimitType == "QPS" {
		c.pacer.refused(c.now(), e.RetryAt)
	}
	return e
}

// staleToken reports whether a 401 says the token itself is no longer
// good: Zoom's code 124, or no Zoom code at all (or only the status
// echoed as one).
func staleToken(e *APIError) bool {
	switch e.Code {
	case 0, 124, http.StatusUnauthorized:
		return true
	}
	return false
}

func (c *Client) mayWait(until time.Time) bool {
	return c.cfg.MaxWait > 0 && until.Sub(c.now()) <= c.cfg.MaxWait
}

// send makes one request under its own timeout and reads the whole body
// within it, so a server that stalls mid-body is a timeout too.
func (c *Client) send(ctx context.Context, k call, tok *oauth2.Token) (int, http.Header, []byte, *APIError) {
	rctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, k.url.String(), nil)
	if err != nil {
		return 0, nil, nil, &APIError{Op: k.op, Kind: BadRequest, Err: err, detail: "cannot build the request URL"}
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	// Set by hand rather than through oauth2.Transport, so a rejected
	// token can be dropped and replaced.
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	resp, err := c.httpc.Do(req)
	if e := redirectAPIError(k.op, false, err); e != nil {
		return 0, nil, nil, e
	}
	if err != nil {
		return 0, nil, nil, c.wireError(ctx, k.op, err)
	}
	defer resp.Body.Close()
	body, err := readBody(resp.Body, resp.ContentLength, maxBody)
	if rctx.Err() != nil {
		// The caller gave up, or the timeout passed, while the answer came.
		// net/http can still hand over a response read in that instant: the
		// empty 200 a server sends when its handler saw the connection go.
		// That is not Zoom's answer; it is a cancellation or a timeout.
		return 0, nil, nil, c.wireError(ctx, k.op, rctx.Err())
	}
	if err != nil {
		if isNetErr(err) {
			return 0, nil, nil, c.wireError(ctx, k.op, err)
		}
		return 0, nil, nil, &APIError{Op: k.op, Status: resp.StatusCode, Kind: BadResponse, Err: err,
			detail: "the answer was cut short"}
	}
	if len(body) > maxBody {
		return 0, nil, nil, &APIError{Op: k.op, Status: resp.StatusCode, Kind: BadResponse,
			detail: "the answer is larger than 64 MiB"}
	}
	return resp.StatusCode, resp.Header, body, nil
}

func (c *Client) wireError(ctx context.Context, op string, err error) *APIError {
	if ctx.Err() != nil {
		return canceled(op, ctx.Err())
	}
	e := netError(op, c.base.Host, false, err)
	if e.cause == causeTimeout {
		e.timeout = c.cfg.Timeout
	}
	return e
}

// checkBody rejects 2xx bodies no decoder should see. Invalid UTF-8 is
// not among them: encoding/json turns it into U+FFFD inside strings, so
// one participant's mangled name must not throw away a whole page.
func checkBody(op string, status int, body []byte) ([]byte, *APIError) {
	switch {
	case len(bytes.TrimSpace(body)) == 0:
		return nil, &APIError{Op: op, Status: status, Kind: BadResponse, detail: "the answer was empty"}
	}
	return body, nil
}

// decodeError explains a 2xx body that is not the expected JSON.
func decodeError(op string, body []byte, err error) *APIError {
	e := &APIError{Op: op, Status: http.StatusOK, Kind: BadResponse, Err: err}
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se) && se.Offset >= int64(len(bytes.TrimRight(body, " \t\r\n"))):
		e.detail = "the JSON ends early: the answer was cut short"
	case errors.Is(err, errNotObject) && string(bytes.TrimSpace(body)) == "null":
		e.detail = "the answer is JSON null, not an object"
	case looksHTML(string(bytes.TrimSpace(body)), ""):
		e.detail = "got " + snippet(body, "text/html") + " instead of JSON: a captive portal or proxy login page?"
	case se != nil:
		e.detail = "the answer is not JSON"
	default:
		e.detail = "the JSON is not shaped as expected"
	}
	return e
}

// redact removes the client secret and any issued token from everything an
// error can print, after clean() shaped it (see scrub.go). Bodies are
// scrubbed before they are quoted; this is the line that counts.
func (c *Client) redact(e *APIError) error {
	forms := secretForms(c.auth.secrets())
	for _, f := range []*string{&e.Message, &e.detail, &e.LimitType, &e.Op, &e.redirect} {
		*f = scrubText(*f, forms)
	}
	if e.Err != nil && containsSecret(e.Err.Error(), forms) {
		e.Err = errors.New(redacted)
	}
	return e
}
