package sim

import (
	"crypto/rand"
	"crypto/subtle"
	"net/http"
	"strings"
)

// tokenScope is what a Server-to-Server app with the Dashboard scopes is
// granted, classic and granular names both, as Zoom lists them.
const tokenScope = "dashboard_meetings:read:admin dashboard:read:admin " +
	"dashboard:read:list_meetings:admin dashboard:read:list_meeting_participants:admin " +
	"dashboard:read:list_meeting_participants_qos:admin dashboard:read:meeting_participant_qos:admin"

type tokenResponse struct {
	AccessToken string `json:"access_token"`
	TokenType   string `json:"token_type"`
	ExpiresIn   int    `json:"expires_in"`
	Scope       string `json:"scope"`
	APIURL      string `json:"api_url"`
}

// oauthError is the token endpoint's own error shape, unlike the API's.
type oauthError struct {
	Reason string `json:"reason"`
	Error  string `json:"error"`
}

// serveToken implements Zoom's account_credentials grant: client id and
// secret in a Basic header, grant_type and account_id in the form or the
// query string (Zoom's own examples put them in the query).
func (s *Server) serveToken(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.stats.TokenRequests++
	s.mu.Unlock()

	if r.Method != http.MethodPost {
		jsonReply(http.StatusMethodNotAllowed, oauthError{"Method Not Allowed", "invalid_request"}).write(w)
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok || !equal(id, s.opts.ClientID) || !equal(secret, s.opts.ClientSecret) {
		jsonReply(http.StatusUnauthorized, oauthError{"Invalid client_id or client_secret", "invalid_client"}).write(w)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
	if err := r.ParseForm(); err != nil {
		jsonReply(http.StatusBadRequest, oauthError{"Invalid request body", "invalid_request"}).write(w)
		return
	}
	if g := r.Form.Get("grant_type"); g != "account_credentials" {
		jsonReply(http.StatusBadRequest, oauthError{"Unsupported grant type", "unsupported_grant_type"}).write(w)
		return
	}
	if r.Form.Get("account_id") != s.opts.AccountID {
		jsonReply(http.StatusBadRequest, oauthError{"Invalid account_id", "invalid_request"}).write(w)
		return
	}
	tok := s.issue()
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	jsonReply(http.StatusOK, tokenResponse{
		AccessToken: tok,
		TokenType:   "bearer",
		ExpiresIn:   int(s.opts.TokenTTL.Seconds()),
		Scope:       tokenScope,
		APIURL:      scheme + "://" + r.Host,
	}).write(w)
}

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// issue mints a token. Tokens are random, not seeded: they gate access and
// are no part of the payloads that must be reproducible.
func (s *Server) issue() string {
	tok := rand.Text()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stats.TokensIssued++
	s.tokens[tok] = s.now().Add(s.opts.TokenTTL)
	s.issued = append(s.issued, tok)
	// A client that asks for a token per request must not grow the map
	// without bound; Zoom too keeps only so many live tokens per app.
	for len(s.issued) > maxTokens {
		delete(s.tokens, s.issued[0])
		s.issued = s.issued[1:]
	}
	return tok
}

// authorized accepts an issued bearer token that has not yet expired by
// the server's clock.
func (s *Server) authorized(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || tok == "" {
		return false
	}
	return s.tokenValid(tok)
}

// tokenValid reports whether tok was issued and has not yet expired by
// the server's clock: the API takes it in a header, the WebSocket in its
// query.
func (s *Server) tokenValid(tok string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	exp, ok := s.tokens[strings.TrimSpace(tok)]
	return ok && s.now().Before(exp)
}
