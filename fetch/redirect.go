package fetch

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/qostop/qostop/model"
)

// Neither of qostop's HTTP clients follows a redirect. Go re-sends the
// Authorization header whenever the host name matches, whatever the port
// or scheme, so a redirect from https://api.zoom.us to http://api.zoom.us:8081
// would carry the bearer token (or, from the token endpoint, the client
// secret) in clear text to another server, and its answer would be
// trusted. Zoom's API and token endpoint do not redirect; one that does
// is a proxy or a wrong URL, so even a redirect within the same origin
// is refused rather than followed: it is never needed, and refusing it
// keeps the rule simple enough to trust.

// redirectError is what noRedirects returns; the request to Location is
// never sent.
type redirectError struct {
	status int
	from   *url.URL // the request that was answered with a redirect
	to     *url.URL // where it pointed
}

func (e *redirectError) Error() string { return "redirect refused" }

// noRedirects is http.Client.CheckRedirect for both clients. It runs
// before anything is sent to the new location.
func noRedirects(req *http.Request, via []*http.Request) error {
	e := &redirectError{to: req.URL, from: via[len(via)-1].URL}
	if req.Response != nil {
		e.status = req.Response.StatusCode
	}
	return e
}

// redirectAPIError explains a refused redirect, or returns nil if err is
// not one.
func redirectAPIError(op string, token bool, err error) *APIError {
	var re *redirectError
	if !errors.As(err, &re) {
		return nil
	}
	from := origin(re.from)
	e := &APIError{Op: op, Kind: WrongURL, Status: re.status, token: token, host: re.from.Host,
		Err: errors.New("redirect refused")}
	e.redirect = "Zoom answered"
	if re.status != 0 {
		e.redirect += " HTTP " + strconv.Itoa(re.status)
	}
	e.redirect += " with a redirect to " + model.Sanitize(shownURL(re.to.String())) + "; "
	if origin(re.to) != from {
		e.redirect += "qostop does not follow redirects away from " + from
	} else {
		e.redirect += "qostop follows no redirects, not even within " + from
	}
	return e
}

// origin is scheme://host:port as the browser security model means it;
// the port is written only if the URL had one.
func origin(u *url.URL) string { return u.Scheme + "://" + u.Host }

// redirectText is the advice for a refused redirect.
func (e *APIError) redirectText() string {
	setting, zoom := "the API URL (--api-url / ZOOM_API_URL)", DefaultAPIURL
	if e.token {
		setting, zoom = "the OAuth URL (--oauth-url / ZOOM_OAUTH_URL)", DefaultOAuthURL
	}
	return e.redirect + ", so nothing was sent there. Check " + setting + "; Zoom's is " + zoom +
		". A proxy in between (HTTPS_PROXY) may also answer with redirects"
}
