package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// What Zoom's QSS WebSocket client (fetch/qss) needs from the client:
// where the socket is, a token for its query, an HTTP client for the
// upgrade, and the scrub and debug log every other request has.

// ZoomPushURL is Zoom's QSS WebSocket endpoint.
const ZoomPushURL = "wss://ws.zoom.us/ws"

// PushURL is the QSS WebSocket for the configured API: Zoom's for
// api.zoom.us (ws.zoomgov.com's for api.zoomgov.com), else the API's own
// origin with path /ws, as the simulator serves it. The token is sent
// only there.
func (c *Client) PushURL() *url.URL {
	u := &url.URL{Scheme: "wss", Host: "ws.zoom.us", Path: "/ws"}
	switch host := strings.ToLower(c.base.Hostname()); {
	case host == "api.zoom.us":
	case host == "api.zoomgov.com":
		u.Host = "ws.zoomgov.com"
	default:
		u.Host = c.base.Host
		if c.base.Scheme == "http" {
			u.Scheme = "ws"
		}
	}
	return u
}

// PushToken is a fresh access token for the WebSocket's query: the
// cached one is dropped first, so a reconnection after an expiry or an
// "Invalid Token" never offers a stale one. Like every token, it is
// scrubbed from the client's errors and debug lines.
func (c *Client) PushToken(ctx context.Context) (string, error) {
	const op = "get a token for Zoom's push (QSS)"
	c.auth.drop(c.auth.cached())
	tok, e := c.auth.token(ctx, op)
	if e != nil {
		return "", c.redact(e)
	}
	return tok.AccessToken, nil
}

// PushHTTP is the HTTP client for the WebSocket upgrade: the configured
// transport, no redirect followed (the token is in the URL), not counted
// as an API request (the upgrade is not one) and not logged by the
// request meter (PushDebug writes its line, scrubbed).
func (c *Client) PushHTTP() *http.Client {
	rt := c.cfg.Transport
	if rt == nil {
		rt = defaultTransport()
	}
	return &http.Client{Transport: rt, CheckRedirect: noRedirects}
}

// Scrub is s with every secret and recent token the client knows
// replaced, in any of the forms a server may echo them (scrub.go).
func (c *Client) Scrub(s string) string {
	return scrubText(s, secretForms(c.auth.secrets()))
}

// PushDebug writes one line to the debug log, if there is one, scrubbed
// as every other line is.
func (c *Client) PushDebug(format string, args ...any) {
	if c.log == nil {
		return
	}
	c.log.printf("%s push %s\n", c.now().UTC().Format("2006-01-02T15:04:05.000Z"), fmt.Sprintf(format, args...))
}
