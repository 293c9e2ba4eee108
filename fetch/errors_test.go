package fetch

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/qostop/qostop/model"
)

func TestZoomErrorsInPlainWords(t *testing.T) {
	html := `<!DOCTYPE html><html><head><title>502 Bad Gateway</title><script>alert(1)</script></head>` +
		`<body><h1>nginx</h1>` + strings.Repeat("<p>padding</p>", 100) + `</body></html>`
	for _, c := range []struct {
		name        string
		status      int
		ctype, body string
		kind        ErrorKind
		code        int
		want        []string
		not         []string          // advice that would mislead here
		typ         model.MeetingType // "" asks for live
	}{
		{"not found", 404, "", `{"code":3001,"message":"Meeting does not exist: pfVhQWoSQmUs6ZOwFD4kw==."}`,
			NotFound, 3001, []string{"no such meeting", "not live now", "--type past", "UUID", "Meeting does not exist", "HTTP 404, code 3001"},
			[]string{"participant list", "API URL"}, ""},
		{"past meeting not found", 404, "", `{"code":3001,"message":"Meeting does not exist: pfVhQWoSQmUs6ZOwFD4kw==."}`,
			NotFound, 3001, []string{"no such past meeting", "meeting ID or UUID is wrong", "older than Zoom keeps", "HTTP 404, code 3001"},
			[]string{"--type past", "not live now", "API URL"}, model.Past},
		{"no such participant", 404, "", `{"code":1001,"message":"Participant does not exist: 7."}`,
			NotFound, 1001, []string{"found no such participant in this meeting", "user_id", "qostop snapshot pfVhQWoSQmUs6ZOwFD4kw==",
				"Participant does not exist: 7.", "HTTP 404, code 1001"},
			[]string{"no such meeting", "--type past", "UUID", "API URL"}, ""},
		{"no such participant, past", 404, "", `{"code":1001,"message":"Participant does not exist: 7."}`,
			NotFound, 1001, []string{"no such participant", "qostop snapshot --type past pfVhQWoSQmUs6ZOwFD4kw=="},
			nil, model.Past},
		{"bare 404", 404, "text/plain", `404 page not found`,
			WrongURL, 0, []string{"has no such endpoint", "API URL is probably wrong", "--api-url / ZOOM_API_URL",
				"https://api.zoom.us/v2", "404 page not found"},
			[]string{"no such meeting", "--type past", "participant list"}, ""},
		{"status as code", 404, "", `{"code":404,"message":"Not Found"}`,
			WrongURL, 404, []string{"API URL is probably wrong", "ZOOM_API_URL"},
			[]string{"no such meeting", "--type past"}, ""},
		{"missing scopes", 400, "", `{"code":4700,"message":"Invalid access token, does not contain scopes: [dashboard_meetings:read:admin, dashboard:read:admin]."}`,
			MissingScope, 4700, []string{"lacks the scopes dashboard_meetings:read:admin, dashboard:read:admin", "Server-to-Server OAuth app",
				"dashboard:read:meeting_participant_qos:admin", "restart qostop"}, nil, ""},
		{"no dashboard", 400, "", `{"code":200,"message":"No permission."}`,
			NoDashboard, 200, []string{"no Dashboard", "Business plan", "No permission."}, nil, ""},
		{"bad request", 400, "", `{"code":300,"message":"The next page token is invalid or expired.","errors":[{"field":"next_page_token","message":"expired"}]}`,
			BadRequest, 300, []string{"rejected the request as invalid", "next_page_token", "15 minutes", "[next_page_token expired]"}, nil, ""},
		{"too old", 400, "", `{"code":12702,"message":"Can not access a meeting a year ago."}`,
			TooOld, 12702, []string{"more than a year old", "12 months"}, nil, ""},
		{"server html", 502, "text/html", html,
			Server, 0, []string{"Zoom's server failed", "HTTP 502", "502 Bad Gateway", "Zoom's side", "try again in a minute"}, nil, ""},
		{"server json", 500, "", `{"code":500,"message":"Internal error."}`,
			Server, 500, []string{"Zoom's server failed", "Internal error."}, nil, ""},
		{"unknown", 418, "", `{"code":9999,"message":"I'm a teapot"}`,
			Unexpected, 9999, []string{"unexpected error", "HTTP 418", "teapot"}, nil, ""},
		{"hostile message", 400, "", `{"code":300,"message":"evil \u001b]52;c;SGVsbG8=\u0007 \u001b[2J text"}`,
			BadRequest, 300, []string{"evil text"}, nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
				if c.ctype == "" {
					c.ctype = "application/json"
				}
				w.Header().Set("Content-Type", c.ctype)
				w.WriteHeader(c.status)
				_, _ = w.Write([]byte(c.body))
			})
			_, err := f.client().ParticipantQoS(bg, "pfVhQWoSQmUs6ZOwFD4kw==", "7", c.typ)
			e := asAPIError(t, err, c.kind)
			if e.Status != c.status || e.Code != c.code {
				t.Errorf("status %d code %d, want %d %d", e.Status, e.Code, c.status, c.code)
			}
			wantText(t, err, append(c.want, "fetch participant QoS (meeting pfVhQWoSQmUs6ZOwFD4kw==, participant 7)")...)
			for _, n := range c.not {
				if strings.Contains(err.Error(), n) {
					t.Errorf("error text says %q:\n%s", n, err)
				}
			}
			if s := err.Error(); strings.ContainsAny(s, "\x1b\x07<>") || len(s) > 1000 {
				t.Errorf("unsafe or long error text (%d bytes): %q", len(s), s)
			}
			want := int64(1)
			if c.code == 3001 {
				want = 2 // and the meeting's details: is it the participant that is missing? (whichMissing)
			}
			if f.apiHits.Load() != want {
				t.Errorf("%d requests, want %d (no retry for %s)", f.apiHits.Load(), want, c.kind)
			}
		})
	}
}

func TestUndecodableAnswers(t *testing.T) {
	full := string(readFixture(t, "participant-qos.json"))
	for _, c := range []struct {
		name, ctype, body string
		want              string
	}{
		{"truncated", "application/json", full[:len(full)/2], "cut short"},
		{"empty", "application/json", "", "empty"},
		{"whitespace", "application/json", " \n", "empty"},
		{"html portal", "text/html", `<html><head><title>Hotel WiFi Login</title></head></html>`, "HTML page titled Hotel WiFi Login"},
		{"not json", "text/plain", `hello`, "not JSON"},
		{"wrong shape", "application/json", `[1,2,3]`, "not shaped as expected"},
		{"null", "application/json", ` null `, "JSON null, not an object"},
		{"string", "application/json", `"ok"`, "not shaped as expected"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", c.ctype)
				_, _ = w.Write([]byte(c.body))
			})
			_, err := f.client().ParticipantQoS(bg, "1", "7", model.Live)
			asAPIError(t, err, BadResponse)
			wantText(t, err, "could not be read", c.want)
		})
	}
}

// null decodes into a struct without error; on a list endpoint it would
// read as an empty meeting, on the participant endpoint as a participant
// with nobody's name and no samples.
func TestNullAnswerIsBadResponse(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, "null") })
	c := f.client()
	_, err := c.ParticipantQoS(bg, "1", "7", model.Live)
	asAPIError(t, err, BadResponse)
	_, err = c.MeetingQoS(bg, "1", model.Live)
	asAPIError(t, err, BadResponse)
	_, err = c.Participants(bg, "1", model.Live)
	asAPIError(t, err, BadResponse)
	_, err = c.LiveMeetings(bg, time.Now(), time.Now())
	asAPIError(t, err, BadResponse)
	wantText(t, err, "list live meetings", "could not be read", "JSON null")
}

// A name with invalid UTF-8 costs that name's bad bytes, not the payload.
func TestInvalidUTF8NameKeepsThePayload(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"user_name":"Al` + "\xff" + `ice","user_qos":[{"date_time":"2021-06-24T20:00:00Z","audio_input":{"latency":"126 ms"}}]}`))
	})
	p, err := f.client().ParticipantQoS(bg, "1", "7", model.Live)
	if err != nil {
		t.Fatal(err)
	}
	if p.UserName != "Al\uFFFDice" {
		t.Errorf("name %q, want the bad byte replaced by U+FFFD", p.UserName)
	}
	if len(p.Samples) != 1 {
		t.Errorf("%d samples, want 1", len(p.Samples))
	}
}

// A body cut off on the wire (Content-Length longer than what arrives).
func TestConnectionDroppedMidBody(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(200)
		_, _ = w.Write([]byte(`{"user_qos":[`))
		panic(http.ErrAbortHandler)
	})
	_, err := f.client().ParticipantQoS(bg, "1", "7", model.Live)
	var e *APIError
	if !errors.As(err, &e) || (e.Kind != BadResponse && e.Kind != Network) {
		t.Fatalf("got %v", err)
	}
}

func TestConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	f := newFake(t, okParticipant)
	c := f.client(func(cfg *Config) { cfg.APIURL = "http://" + addr + "/v2" })
	_, err = c.ParticipantQoS(bg, "1", "7", model.Live)
	e := asAPIError(t, err, Network)
	if e.Status != 0 {
		t.Errorf("status %d for no answer", e.Status)
	}
	wantText(t, err, "cannot connect to "+addr, "connection refused", "--api-url / ZOOM_API_URL", "HTTPS_PROXY")
	if c.Requests() != 1 {
		t.Errorf("Requests %d, want 1 (the attempt counts)", c.Requests())
	}

	c = f.client(func(cfg *Config) { cfg.OAuthURL = "http://" + addr + "/oauth/token" })
	_, err = c.ParticipantQoS(bg, "1", "7", model.Live)
	asAPIError(t, err, Network)
	wantText(t, err, "cannot connect to "+addr, "--oauth-url / ZOOM_OAUTH_URL")
}

func TestDNSFailure(t *testing.T) {
	f := newFake(t, okParticipant)
	c := f.client(func(cfg *Config) { cfg.APIURL = "https://nonexistent.invalid/v2" })
	_, err := c.ParticipantQoS(bg, "1", "7", model.Live)
	e := asAPIError(t, err, Network)
	if e.cause != causeDNS && e.cause != causeTimeout {
		t.Errorf("cause %v, want DNS", e.cause)
	}
	wantText(t, err, "nonexistent.invalid", "--api-url / ZOOM_API_URL")
	if e.cause == causeDNS {
		wantText(t, err, "cannot resolve host nonexistent.invalid", "DNS")
	}
}

func TestUntrustedTLS(t *testing.T) {
	tlsSrv := httptest.NewUnstartedServer(http.HandlerFunc(okParticipant))
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0) // the failed handshake is the point
	tlsSrv.StartTLS()
	defer tlsSrv.Close()
	f := newFake(t, okParticipant)
	c := f.client(func(cfg *Config) { cfg.APIURL = tlsSrv.URL + "/v2" })
	_, err := c.ParticipantQoS(bg, "1", "7", model.Live)
	asAPIError(t, err, Network)
	wantText(t, err, "TLS", strings.TrimPrefix(tlsSrv.URL, "https://"), "not trusted", "CA certificate", "unknown authority")
}

// A server that never answers: the call ends by its timeout, said as one
// (the server holds on for an hour; the bound only stops a hang).
func TestTimeout(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(time.Hour):
		case <-r.Context().Done():
		}
	})
	c := f.client(func(cfg *Config) { cfg.Timeout = 200 * time.Millisecond })
	done := make(chan error, 1)
	go func() { _, err := c.ParticipantQoS(bg, "1", "7", model.Live); done <- err }()
	var err error
	select {
	case err = <-done:
	case <-time.After(time.Minute):
		t.Fatal("a 200ms timeout did not end a call the server never answers")
	}
	e := asAPIError(t, err, Network)
	if e.cause != causeTimeout {
		t.Errorf("cause %v", e.cause)
	}
	wantText(t, err, "no answer from "+f.srv.Listener.Addr().String()+" within 200ms (timeout)", "HTTPS_PROXY")
}

// A body that stalls after the headers is a timeout too.
func TestTimeoutMidBody(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		_, _ = w.Write([]byte(`{"user_qos":[`))
		w.(http.Flusher).Flush()
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	c := f.client(func(cfg *Config) { cfg.Timeout = 200 * time.Millisecond })
	_, err := c.ParticipantQoS(bg, "1", "7", model.Live)
	asAPIError(t, err, Network)
	wantText(t, err, "timeout")
}

func TestCallerCancels(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	ctx, cancel := context.WithCancel(bg)
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err := f.client().ParticipantQoS(ctx, "1", "7", model.Live)
	asAPIError(t, err, Canceled)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("errors.Is(err, context.Canceled) false for %v", err)
	}
	_, err = f.client().ParticipantQoS(ctx, "1", "7", model.Live)
	asAPIError(t, err, Canceled)
}

// An error's text is read by snapshot, which exits, as much as by watch,
// which retries: it says when a retry is allowed, never that qostop will
// make one. The watch screen adds its own countdown.
func TestErrorTextPromisesNoRetry(t *testing.T) {
	at := time.Now().Add(4 * time.Second)
	for _, e := range []*APIError{
		{Kind: RateLimited, Status: 429, LimitType: "QPS", RetryAt: at},
		{Kind: RateLimited, Status: 429, LimitType: "Daily-limit", RetryAt: at},
		{Kind: RateLimited, Status: 429, RetryAt: at},
		{Kind: RateLimited, Status: 429},
		{Kind: Server, Status: 503},
		{Kind: Server, Status: 503, token: true, host: "zoom.us"},
		{Kind: BadResponse, Status: 200, detail: "the answer was empty"},
		{Kind: BadRequest, Status: 400, Code: 300},
		{Kind: Network, cause: causeTimeout, host: "api.zoom.us", timeout: time.Second},
		{Kind: Network, cause: causeRefused, host: "api.zoom.us"},
		{Kind: Unauthorized, Status: 401, Code: 124},
	} {
		s := e.Error()
		for _, promise := range []string{"qostop tries", "qostop waits", "qostop sends", "by itself",
			"next refresh", "unspecified"} {
			if strings.Contains(s, promise) {
				t.Errorf("%v error promises %q: %s", e.Kind, promise, s)
			}
		}
		if e.Kind == RateLimited && !strings.Contains(s, "try again") {
			t.Errorf("rate limit does not say when to try again: %s", s)
		}
	}
}

func TestErrorKindNames(t *testing.T) {
	for k := Unexpected; k <= WrongURL; k++ {
		if s := k.String(); s == "" || s == "unknown" {
			t.Errorf("kind %d has no name", k)
		}
	}
	if (ErrorKind(99)).String() != "unknown" {
		t.Error("out-of-range kind")
	}
}

// lateTransport hands over Zoom's answer only once the request's context
// is done, as net/http can when a response is read in the instant its
// deadline passes: then the empty 200 of a handler that saw the
// connection go reaches the client as if it were an answer.
type lateTransport struct{ http.RoundTripper }

func (l lateTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := l.RoundTripper.RoundTrip(req)
	if err == nil && strings.HasPrefix(req.URL.Path, "/v2/") {
		<-req.Context().Done()
	}
	return resp, err
}

// What arrives after the timeout or after the caller gave up is not
// Zoom's answer: it must not read as "the answer was empty".
func TestAnswerAfterTheDeadlineIsNotAnAnswer(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {})
	late := func(cfg *Config) {
		cfg.Timeout = 200 * time.Millisecond
		cfg.Transport = lateTransport{http.DefaultTransport.(*http.Transport).Clone()}
	}
	_, err := f.client(late).ParticipantQoS(bg, "1", "7", model.Live)
	if e := asAPIError(t, err, Network); e.cause != causeTimeout {
		t.Errorf("an answer after the timeout: %v", err)
	}
	ctx, cancel := context.WithCancel(bg)
	time.AfterFunc(50*time.Millisecond, cancel)
	cfgLong := func(cfg *Config) { late(cfg); cfg.Timeout = 5 * time.Second }
	_, err = f.client(cfgLong).ParticipantQoS(ctx, "1", "7", model.Live)
	asAPIError(t, err, Canceled)
}

// The demo's Zoom is its own simulator: a network failure there names no
// URL setting or proxy of the user's (the demo has no --api-url), only
// the simulator and its --faults.
func TestSimulatedNetworkErrorNamesNoSetting(t *testing.T) {
	t.Parallel()
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	c := f.client(func(cfg *Config) { cfg.Timeout, cfg.Simulated = 200*time.Millisecond, true })
	_, err := c.ParticipantQoS(bg, "1", "7", model.Live)
	asAPIError(t, err, Network)
	wantText(t, err, "within 200ms (timeout). This is the demo's built-in simulator", "--faults")
	for _, setting := range []string{"--api-url", "ZOOM_API_URL", "HTTPS_PROXY"} {
		if strings.Contains(err.Error(), setting) {
			t.Errorf("a simulated timeout names %s: %v", setting, err)
		}
	}
}
