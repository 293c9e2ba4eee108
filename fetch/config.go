package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Zoom's commercial and government clouds. Token and API hosts must come
// from the same cloud: a zoomgov.com token is rejected by api.zoom.us.
const (
	DefaultAPIURL   = "https://api.zoom.us/v2"
	DefaultOAuthURL = "https://zoom.us/oauth/token"
	GovAPIURL       = "https://api.zoomgov.com/v2"
	GovOAuthURL     = "https://zoomgov.com/oauth/token"
)

// DefaultTimeout bounds one HTTP request when Config.Timeout is zero.
const DefaultTimeout = 10 * time.Second

// Config is everything a Client needs. The zero value of each optional
// field picks a sensible default.
type Config struct {
	APIURL   string // base of the REST API; "" means DefaultAPIURL
	OAuthURL string // token endpoint; "" means DefaultOAuthURL
	// Simulated says both URLs are the demo's built-in simulator, so a
	// network error's advice names no URL setting the user cannot change.
	Simulated bool

	// Credentials of a Server-to-Server OAuth app (ZOOM_ACCOUNT_ID,
	// ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET).
	AccountID, ClientID, ClientSecret string
	// Secret, if set, gives the client secret at each token request
	// (a profile's client_secret_command) instead of ClientSecret.
	Secret SecretSource

	// Timeout bounds each HTTP request, token requests included
	// (DefaultTimeout when zero).
	Timeout time.Duration
	// MaxWait is how long a call may sleep for a rate limit to pass before
	// retrying once; 0 returns the rate-limit error at once.
	MaxWait time.Duration
	// Transport carries every request; nil means a clone of
	// http.DefaultTransport that honours HTTPS_PROXY and friends.
	Transport http.RoundTripper
	// DebugLog, if set, gets one line per request: time, method, path and
	// query, status and duration, and which kind of Authorization was sent
	// with its value redacted. No header value or body that could carry
	// the secret or a token is written.
	DebugLog io.Writer
	// Now is the clock for token expiry, Retry-After and request spacing;
	// nil means time.Now. A test that moves a simulator's clock gives the
	// client the same one.
	Now func() time.Time
	// Budget, if set, counts every API request against the day's budget
	// shared by qostop's processes, and refuses them past its cap.
	Budget *Budget
	// Pace, if positive, spaces API requests evenly, at most Pace a
	// second, slower for a while after a QPS 429 (pace.go); 0 allows
	// bursts of 8 at 8 a second, for people's own screens.
	Pace float64
	// Wait, if set, is how the client waits until a time on its clock
	// (Now): for its pace, or a Retry-After within MaxWait. nil sleeps on
	// the wall clock; a test that moves Now by hand gives one that
	// watches that clock.
	Wait func(ctx context.Context, until time.Time) error
}

func (c Config) withDefaults() Config {
	if c.APIURL == "" {
		c.APIURL = DefaultAPIURL
	}
	if c.OAuthURL == "" {
		c.OAuthURL = DefaultOAuthURL
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// Validate says what is missing or malformed, naming the environment
// variables that set the credentials, so a first run fails with a fix
// rather than with a 401.
func (c Config) Validate() error {
	c = c.withDefaults()
	var errs []error
	var missing, padded []string
	creds := []struct{ env, val string }{
		{"ZOOM_ACCOUNT_ID", c.AccountID},
		{"ZOOM_CLIENT_ID", c.ClientID},
	}
	if c.Secret == nil { // else read at each token request, and checked then
		creds = append(creds, struct{ env, val string }{"ZOOM_CLIENT_SECRET", c.ClientSecret})
	}
	for _, f := range creds {
		switch t := strings.TrimSpace(f.val); {
		case t == "":
			missing = append(missing, f.env)
		case t != f.val:
			padded = append(padded, f.env)
		}
	}
	if len(missing) > 0 {
		errs = append(errs, fmt.Errorf("missing %s: set %s to the Account ID, Client ID and Client secret "+
			"shown under App Credentials of your Server-to-Server OAuth app in the Zoom App Marketplace",
			strings.Join(missing, ", "), plural(len(missing), "it", "them")))
	}
	if len(padded) > 0 {
		// Zoom would refuse the value with a space or line break in it,
		// as a wrong credential; the value is not quoted, it may be the
		// secret.
		errs = append(errs, fmt.Errorf("%s %s a space or line break at the start or end, often copied "+
			"along with the value: remove it", strings.Join(padded, ", "), plural(len(padded), "has", "have")))
	}
	if err := checkURL("API URL (--api-url / ZOOM_API_URL)", c.APIURL); err != nil {
		errs = append(errs, err)
	}
	if err := checkURL("OAuth URL (--oauth-url / ZOOM_OAUTH_URL)", c.OAuthURL); err != nil {
		errs = append(errs, err)
	}
	if c.Timeout < 0 {
		errs = append(errs, fmt.Errorf("timeout %v must not be negative", c.Timeout))
	}
	if c.MaxWait < 0 {
		errs = append(errs, fmt.Errorf("maximum rate-limit wait %v must not be negative", c.MaxWait))
	}
	if c.Pace != 0 && !(c.Pace >= minPace && c.Pace <= maxPace) { // NaN fails both
		errs = append(errs, fmt.Errorf("pace of %v requests a second: want %v to %v, or 0 for the default", c.Pace, minPace, maxPace))
	}
	return errors.Join(errs...)
}

// checkURL accepts https anywhere and plain http only on loopback (the
// simulator), because the client secret and bearer tokens travel to these
// hosts.
func checkURL(what, raw string) error {
	if t := strings.TrimSpace(raw); t != raw {
		return fmt.Errorf("%s %q has a space or line break at the start or end: remove it", what, shownURL(t))
	}
	shown := shownURL(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return fmt.Errorf("%s %q is not a valid URL: want e.g. %s", what, shown, exampleFor(what))
	}
	var extra []string
	if u.User != nil {
		extra = append(extra, "user info (name or password)")
	}
	if u.RawQuery != "" || u.ForceQuery {
		extra = append(extra, "a query")
	}
	if u.Fragment != "" {
		extra = append(extra, "a fragment")
	}
	if len(extra) > 0 {
		return fmt.Errorf("%s %q must not contain %s", what, shown, strings.Join(extra, " or "))
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return fmt.Errorf("%s %q uses plain http: credentials would cross the network unencrypted; use https", what, shown)
	}
	return nil
}

// shownURL is raw as an error message may quote it: the password hidden
// (url.URL.Redacted) and no query or fragment, which may carry a token.
// A URL that does not parse as one with a host loses anything before an
// "@" instead: "https//me:pw@host" parses, as a path.
func shownURL(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = "", false, "", ""
		return u.Redacted()
	}
	s := raw
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	if at := strings.LastIndex(s, "@"); at >= 0 {
		scheme := ""
		if i := strings.Index(s, "://"); i >= 0 && i < at {
			scheme = s[:i+3]
		}
		s = scheme + "[redacted]@" + s[at+1:]
	}
	return s
}

func exampleFor(what string) string {
	if strings.HasPrefix(what, "OAuth") {
		return DefaultOAuthURL
	}
	return DefaultAPIURL
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
