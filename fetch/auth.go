package fetch

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// tokenBackoff is how long token fetches stay refused after one failed or
// after a fresh token was rejected, so a 401 storm or a wrong secret costs
// one token request every few seconds instead of one per API call.
const tokenBackoff = 5 * time.Second

// maxExpiryDelta is how long before expiry a token is replaced, the margin
// oauth2.ReuseTokenSource uses, so a request never carries a token that
// expires in flight.
const maxExpiryDelta = 10 * time.Second

// minTokenLife is the least time a token is kept, whatever expires_in
// says: a negative, zero or tiny lifetime would otherwise cost a token
// request per API call. If Zoom really drops the token sooner, the API's
// 401 gets one new token, and a second 401 backs off (tokenBackoff).
const minTokenLife = 30 * time.Second

// auth caches one Server-to-Server OAuth token. It does what
// oauth2.ReuseTokenSource does (reuse until shortly before expiry) and
// three things it cannot: it honours each caller's context, drops a token
// Zoom rejected, and backs off after failures.
type auth struct {
	conf     clientcredentials.Config
	httpc    *http.Client // token requests: counted and logged, never their bodies
	timeout  time.Duration
	backoff  time.Duration
	host     string
	now      func() time.Time
	classify func(op string, err error) *APIError

	sem    chan struct{} // one token request at a time; a lock that honours ctx
	source SecretSource  // Config.Secret: asked before each token request; nil uses conf's

	mu           sync.Mutex
	tok          *oauth2.Token
	refreshAt    time.Time
	blockedUntil time.Time
	lastErr      *APIError
	issued       []string // recent access tokens, to redact from error text
	formerSecret string   // the source's previous secret, still redacted
}

func newAuth(cfg Config, httpc *http.Client, now func() time.Time) *auth {
	host := cfg.OAuthURL
	if u, err := url.Parse(cfg.OAuthURL); err == nil {
		host = u.Host
	}
	a := &auth{
		conf: clientcredentials.Config{
			ClientID:     cfg.ClientID,
			ClientSecret: cfg.ClientSecret,
			TokenURL:     cfg.OAuthURL,
			EndpointParams: url.Values{
				"grant_type": {"account_credentials"},
				"account_id": {cfg.AccountID},
			},
			// Zoom wants Basic auth; naming it skips oauth2's probing, which
			// would otherwise send the secret a second way after a failure.
			AuthStyle: oauth2.AuthStyleInHeader,
		},
		httpc:   httpc,
		timeout: cfg.Timeout,
		backoff: tokenBackoff,
		host:    host,
		now:     now,
		sem:     make(chan struct{}, 1),
		source:  cfg.Secret,
	}
	a.classify = a.tokenError
	return a
}

// token returns a valid access token, fetching one if none is cached.
func (a *auth) token(ctx context.Context, op string) (*oauth2.Token, *APIError) {
	if t := a.cached(); t != nil {
		return t, nil
	}
	select {
	case a.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, canceled(op, ctx.Err())
	}
	defer func() { <-a.sem }()
	// Another caller may have fetched one while this one waited.
	if t := a.cached(); t != nil {
		return t, nil
	}
	a.mu.Lock()
	if a.now().Before(a.blockedUntil) && a.lastErr != nil {
		e := *a.lastErr
		a.mu.Unlock()
		e.Op = op
		return nil, &e
	}
	a.mu.Unlock()

	// The source has its own time limit (a password manager may wait for
	// the user to unlock it); the request's starts after it.
	if e := a.renewSecret(ctx, op); e != nil {
		return nil, e
	}
	tctx, cancel := context.WithTimeout(ctx, a.timeout)
	defer cancel()
	start := a.now()
	tok, err := a.conf.Token(context.WithValue(tctx, oauth2.HTTPClient, a.httpc))
	if err != nil {
		if ctx.Err() != nil {
			return nil, canceled(op, ctx.Err()) // the caller gave up: not the endpoint's fault
		}
		if tctx.Err() != nil {
			// oauth2 reports a body cut off by the deadline with %v, which
			// loses the timeout: without this it read as "not a token".
			err = tctx.Err()
		}
		e := a.classify(op, err)
		if e.Kind == Network && e.cause == causeTimeout {
			e.timeout = a.timeout
		}
		a.fail(e)
		return nil, e
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.tok = tok
	a.refreshAt = time.Time{}
	if !tok.Expiry.IsZero() {
		// oauth2 stamps Expiry with the real clock; the lifetime it gives
		// is measured on that clock and applied on the client's. Replace
		// 10s early, or a quarter of the lifetime early for tokens that
		// live under 40s, and never sooner than minTokenLife.
		life := time.Until(tok.Expiry)
		life -= min(maxExpiryDelta, life/4)
		a.refreshAt = start.Add(max(life, minTokenLife))
	}
	a.issued = append(a.issued, tok.AccessToken)
	if len(a.issued) > 4 {
		a.issued = a.issued[1:]
	}
	return tok, nil
}

func (a *auth) cached() *oauth2.Token {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.tok == nil || a.tok.AccessToken == "" {
		return nil
	}
	if !a.refreshAt.IsZero() && !a.now().Before(a.refreshAt) {
		a.tok = nil
		return nil
	}
	return a.tok
}

// drop forgets tok after Zoom rejected it. Only that token: if another
// caller already replaced it, the replacement stays.
func (a *auth) drop(tok *oauth2.Token) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.tok != nil && tok != nil && a.tok.AccessToken == tok.AccessToken {
		a.tok = nil
	}
}

// reject drops a token Zoom refused even though it was fresh and refuses
// new token requests for a while: a new token would be refused too.
func (a *auth) reject(tok *oauth2.Token, e *APIError) {
	a.drop(tok)
	a.fail(e)
}

func (a *auth) fail(e *APIError) {
	if e.Kind == Canceled {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	until := a.now().Add(a.backoff)
	if e.RetryAt.After(until) {
		until = e.RetryAt
	}
	a.blockedUntil = until
	c := *e
	a.lastErr = &c
}

// secrets lists strings that must never appear in error text: the
// secret, the Basic credential built from it, and recent tokens.
func (a *auth) secrets() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	basic := func(id, secret string) string {
		return base64.StdEncoding.EncodeToString([]byte(id + ":" + secret))
	}
	s := []string{a.conf.ClientSecret, basic(a.conf.ClientID, a.conf.ClientSecret),
		basic(url.QueryEscape(a.conf.ClientID), url.QueryEscape(a.conf.ClientSecret))}
	if a.formerSecret != "" {
		s = append(s, a.formerSecret, basic(a.conf.ClientID, a.formerSecret))
	}
	return append(s, a.issued...)
}

// scrub removes secrets from a body before any of it is quoted, so that
// truncating a quote can never leave part of one behind.
func (a *auth) scrub(b []byte) []byte {
	for _, s := range a.secrets() {
		if len(s) >= minSecret {
			b = bytes.ReplaceAll(b, []byte(s), []byte("[redacted]"))
		}
	}
	return b
}

// minSecret: shorter strings cannot be told from ordinary text.
const minSecret = 4

// errBadToken stands in for oauth2's own errors, whose text may quote the
// token endpoint's body.
var errBadToken = errors.New("token endpoint answer is not a usable token")

// tokenError turns an oauth2 failure into an APIError without keeping
// oauth2's error: RetrieveError's text holds the response body and its
// Response holds the request, whose header carries the secret.
func (a *auth) tokenError(op string, err error) *APIError {
	if e := redirectAPIError(op, true, err); e != nil {
		return e
	}
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		if isNetErr(err) {
			return netError(op, a.host, true, err)
		}
		return &APIError{Op: op, Kind: BadResponse, host: a.host, token: true, Err: errBadToken,
			detail: "the token endpoint's answer is not a token"}
	}
	e := &APIError{Op: op, host: a.host, token: true}
	var hdr http.Header
	if re.Response != nil {
		e.Status = re.Response.StatusCode
		hdr = re.Response.Header
	}
	e.Err = errors.New("token endpoint answered HTTP " + http.StatusText(e.Status))
	var body struct {
		Reason text `json:"reason"`
		Error  text `json:"error"`
	}
	raw := a.scrub(re.Body)
	_ = json.Unmarshal(raw, &body) // the shape is optional; a snippet covers the rest
	code := body.Error.s
	if code == "" {
		code = re.ErrorCode
	}
	reason := body.Reason.s
	if reason == "" {
		reason = re.ErrorDescription
	}
	switch {
	case code != "" && reason != "":
		e.Message = clean(code + ": " + reason)
	case code != "" || reason != "":
		e.Message = clean(code + reason)
	default:
		e.detail = snippet(raw, hdr.Get("Content-Type"))
	}
	a.classifyRefusal(e, hdr, code, reason)
	return e
}

// classifyRefusal sets e's Kind from the token endpoint's status and
// error code (and, for a rate limit, when to retry): apart from
// tokenError, which reads the answer, so each stays short.
func (a *auth) classifyRefusal(e *APIError, hdr http.Header, code, reason string) {
	switch {
	case e.Status == http.StatusTooManyRequests:
		e.Kind = RateLimited
		e.RetryAt, e.LimitType = retryAt(hdr, a.now())
	case e.Status >= 500:
		e.Kind = Server
	case code != "" || e.Status == 400 || e.Status == 401 || e.Status == 403:
		e.Kind = InvalidClient
		e.creds = credentialsIn(code, reason)
	default:
		e.Kind = Unexpected
	}
}

// credentials says which of the three settings a token refusal is about.
type credentials int

const (
	credAll     credentials = iota // Zoom did not say which
	credAccount                    // ZOOM_ACCOUNT_ID
	credClient                     // ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET
)

// credentialsIn reads Zoom's OAuth error: "invalid_request: Invalid
// account_id" is about the account ID alone, "invalid_client" (Invalid
// client_id or client_secret) about the client ID and secret.
func credentialsIn(code, reason string) credentials {
	r := strings.ToLower(reason)
	switch {
	case strings.Contains(r, "account_id") || strings.Contains(r, "account id"):
		return credAccount
	case code == "invalid_client" || strings.Contains(r, "client_id") || strings.Contains(r, "client_secret"):
		return credClient
	}
	return credAll
}
