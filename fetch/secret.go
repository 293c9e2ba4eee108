package fetch

import (
	"context"
	"errors"
	"strings"

	"github.com/qostop/qostop/model"
)

// SecretSource gives the client secret each time a token is fetched, so
// a secret kept in a password manager is read when it is needed, a
// renewal included, and never stored beyond the client's memory.
type SecretSource interface {
	// Secret returns the client secret. Its error is shown to the user:
	// it says what failed and never holds the secret.
	Secret(ctx context.Context) (string, error)
}

// errNoSecret stands for the source's failure, whose text is kept (scrubbed)
// in the APIError's detail rather than as its cause.
var errNoSecret = errors.New("the client secret could not be read")

// secretError is the APIError of a token fetch whose secret source failed:
// its text passes the same scrub as anything quoted from the token endpoint.
func (a *auth) secretError(op string, err error) *APIError {
	return &APIError{Op: op, Kind: NoSecret, Err: errNoSecret, token: true,
		detail: scrubText(strings.Join(strings.Fields(model.Sanitize(err.Error())), " "), secretForms(a.secrets()))}
}

// renewSecret asks the source, if any, for the secret before a token
// request. The previous one stays in the scrub list: a server may still
// echo it. A failure backs off like a refused token request.
func (a *auth) renewSecret(ctx context.Context, op string) *APIError {
	if a.source == nil {
		return nil
	}
	s, err := a.source.Secret(ctx)
	if ctx.Err() != nil {
		return canceled(op, ctx.Err())
	}
	if err != nil {
		e := a.secretError(op, err)
		a.fail(e)
		return e
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if s != a.conf.ClientSecret && a.conf.ClientSecret != "" {
		a.formerSecret = a.conf.ClientSecret
	}
	a.conf.ClientSecret = s
	return nil
}
