package fetch

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strings"
	"syscall"
	"unicode"

	"github.com/qostop/qostop/model"
)

// maxMessage bounds any text quoted from Zoom, so a huge or hostile body
// cannot flood the status line.
const maxMessage = 200

// clean makes text from the wire safe and short for an error message.
// Runes a terminal would not print (zero-width and other format
// characters) are dropped: %q would spell them out as \u200b in the
// middle of a word, where the secret scrub (scrub.go) could not see past
// them.
func clean(s string) string {
	s = strings.Join(strings.Fields(model.Sanitize(s)), " ")
	s = strings.Map(func(r rune) rune {
		if !unicode.IsPrint(r) {
			return -1
		}
		return r
	}, s)
	if r := []rune(s); len(r) > maxMessage {
		s = string(r[:maxMessage]) + "…"
	}
	return s
}

var titleRE = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)

// snippet quotes a short, safe piece of a body that is not Zoom's JSON.
// HTML is never quoted: at most its <title>.
func snippet(body []byte, contentType string) string {
	b := strings.TrimSpace(string(body))
	if b == "" {
		return ""
	}
	if looksHTML(b, contentType) {
		if m := titleRE.FindStringSubmatch(b); m != nil {
			if t := clean(m[1]); t != "" {
				return "an HTML page titled " + t
			}
		}
		return "an HTML page"
	}
	s := clean(b)
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

func looksHTML(b, contentType string) bool {
	return strings.Contains(strings.ToLower(contentType), "html") || strings.HasPrefix(b, "<")
}

// zoomError is Zoom's error body.
type zoomError struct {
	Code    numText `json:"code"`
	Message text    `json:"message"`
	Errors  []struct {
		Field   text `json:"field"`
		Message text `json:"message"`
	} `json:"errors"`
}

// httpError explains a non-2xx API answer.
func httpError(op string, status int, hdr http.Header, body []byte) *APIError {
	e := &APIError{Op: op, Status: status}
	var z zoomError
	if json.Unmarshal(body, &z) == nil {
		e.Code = z.Code.int()
		msg := z.Message.s
		for _, fe := range z.Errors {
			if fe.Field.s != "" || fe.Message.s != "" {
				msg += " [" + strings.TrimSpace(fe.Field.s+" "+fe.Message.s) + "]"
			}
		}
		e.Message = clean(msg)
	}
	if e.Message == "" {
		e.detail = snippet(body, hdr.Get("Content-Type"))
	}
	e.Kind = httpKind(status, e.Code)
	if e.Kind == MissingScope {
		e.detail = scopesIn(e.Message)
	}
	return e
}

// httpKind classes a non-2xx answer by Zoom's code and the HTTP status,
// in this order of precedence: apart from httpError, which reads the
// body, so each stays short.
func httpKind(status, code int) ErrorKind {
	switch {
	case code == 4700:
		return MissingScope
	case code == 200:
		return NoDashboard
	case code == 12702:
		return TooOld
	case code == 3001:
		return NotFound
	case status == http.StatusNotFound && (code == 0 || code == http.StatusNotFound):
		// No Zoom code, or only the status echoed as one: a router's
		// 404 ("Not Found"), not Zoom saying a meeting is missing.
		return WrongURL
	case status == http.StatusNotFound:
		return NotFound
	case code == 124 || status == http.StatusUnauthorized:
		return Unauthorized
	case status == http.StatusTooManyRequests:
		return RateLimited
	case code == 300 || status == http.StatusBadRequest:
		return BadRequest
	case status >= 500:
		return Server
	default:
		return Unexpected
	}
}

var scopeRE = regexp.MustCompile(`[A-Za-z_]+(?::[A-Za-z_]+){2,}`)

// scopesIn names the scopes in a 4700 message such as "Invalid access
// token, does not contain scopes: [dashboard_meetings:read:admin]."
func scopesIn(msg string) string {
	found := scopeRE.FindAllString(msg, 8)
	switch len(found) {
	case 0:
		return ""
	case 1:
		return "the scope " + found[0]
	}
	return "the scopes " + strings.Join(found, ", ")
}

// canceled reports that the caller's context ended; Unwrap gives
// context.Canceled or context.DeadlineExceeded.
func canceled(op string, err error) *APIError {
	return &APIError{Op: op, Kind: Canceled, Err: err}
}

func isNetErr(err error) bool {
	var ne net.Error
	var op *net.OpError
	return errors.As(err, &ne) || errors.As(err, &op) || errors.Is(err, context.DeadlineExceeded) ||
		tlsErr(err)
}

// netError explains a request that got no HTTP answer.
func netError(op, host string, token bool, err error) *APIError {
	e := &APIError{Op: op, Kind: Network, host: host, token: token, Err: err}
	e.cause, e.detail = netCauseOf(err)
	return e
}

func netCauseOf(err error) (netCause, string) {
	var dns *net.DNSError
	switch {
	case errors.As(err, &dns):
		if dns.IsTimeout {
			return causeTimeout, "DNS lookup timed out"
		}
		return causeDNS, clean(dns.Err)
	case errors.Is(err, syscall.ECONNREFUSED):
		return causeRefused, ""
	case tlsErr(err):
		return causeTLS, clean(innermost(err).Error())
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return causeTimeout, ""
	}
	return causeOther, clean(innermost(err).Error())
}

func tlsErr(err error) bool {
	var (
		ua   x509.UnknownAuthorityError
		hn   x509.HostnameError
		ci   x509.CertificateInvalidError
		cv   *tls.CertificateVerificationError
		rh   tls.RecordHeaderError
		al   tls.AlertError
		ech  *tls.ECHRejectionError
		sysR x509.SystemRootsError
	)
	return errors.As(err, &ua) || errors.As(err, &hn) || errors.As(err, &ci) || errors.As(err, &cv) ||
		errors.As(err, &rh) || errors.As(err, &al) || errors.As(err, &ech) || errors.As(err, &sysR)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// innermost is the root cause, without the URL and operation wrappers.
func innermost(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// causeName labels a network failure in the debug log.
func causeName(err error) string {
	c, _ := netCauseOf(err)
	return [...]string{"error", "connection refused", "DNS failure", "TLS failure", "timeout"}[c]
}
