package qss_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/qss"
	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// elsewhere is the client with its WebSocket moved to u, and, if tok is
// set, that token offered instead of a fresh one.
type elsewhere struct {
	*fetch.Client
	u   string
	tok string
}

func (e elsewhere) PushURL() *url.URL { u, _ := url.Parse(e.u); return u }

func (e elsewhere) PushToken(ctx context.Context) (string, error) {
	if e.tok != "" {
		return e.tok, nil
	}
	return e.Client.PushToken(ctx)
}

// rigClient is a simulator on loopback and a client of it whose debug
// log is the returned buffer.
func rigClient(t *testing.T) (*simtest.Rig, *fetch.Client, *bytes.Buffer) {
	t.Helper()
	r := simtest.Start(t, sim.Options{Seed: 1})
	var log bytes.Buffer
	c := r.Client(t, func(cfg *fetch.Config) { cfg.DebugLog = &log })
	return r, c, &log
}

// A dial that fails quotes the URL, whose query holds the token: the
// error and the debug log carry it redacted, never as sent.
func TestDialErrorsNeverCarryTheToken(t *testing.T) {
	_, c, log := rigClient(t)
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := "ws" + strings.TrimPrefix(dead.URL, "http") + "/ws"
	dead.Close()
	var tokens []string
	spy := spyToken{elsewhere{Client: c, u: deadURL}, &tokens}
	_, err := qss.Dial(context.Background(), spy, "sub-1")
	if err == nil || len(tokens) != 1 {
		t.Fatalf("dial to a closed port: %v (tokens %d)", err, len(tokens))
	}
	for _, form := range []string{tokens[0], url.QueryEscape(tokens[0])} {
		if strings.Contains(err.Error(), form) || strings.Contains(log.String(), form) {
			t.Errorf("the token is in the error or the log:\n%v\n%s", err, log.String())
		}
	}
	if !strings.Contains(err.Error(), "connect to Zoom's push") || !strings.Contains(log.String(), "push subscription failed") {
		t.Errorf("error says %q; log:\n%s", err, log.String())
	}
}

type spyToken struct {
	elsewhere
	got *[]string
}

func (s spyToken) PushToken(ctx context.Context) (string, error) {
	tok, err := s.elsewhere.PushToken(ctx)
	*s.got = append(*s.got, tok)
	return tok, err
}

// A WebSocket that redirects is refused: the token goes to the
// configured origin only, never to the Location.
func TestDialFollowsNoRedirect(t *testing.T) {
	_, c, _ := rigClient(t)
	var hits atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer target.Close()
	redirect := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/ws?"+r.URL.RawQuery, http.StatusFound)
	}))
	defer redirect.Close()
	var tokens []string
	_, err := qss.Dial(context.Background(), spyToken{elsewhere{Client: c, u: "ws" + strings.TrimPrefix(redirect.URL, "http") + "/ws"}, &tokens}, "s")
	if err == nil || hits.Load() != 0 {
		t.Fatalf("redirect followed: err %v, %d requests at the target", err, hits.Load())
	}
	if strings.Contains(err.Error(), tokens[0]) {
		t.Errorf("the token is in %q", err)
	}
}

// A token the server refuses gets build_connection success false: Dial
// says Zoom refused, in its words, without the token.
func TestDialRefusedToken(t *testing.T) {
	r, c, _ := rigClient(t)
	const bogus = "bogus-token-0123456789"
	_, err := qss.Dial(context.Background(), elsewhere{Client: c, u: "ws" + strings.TrimPrefix(r.URL, "http") + "/ws", tok: bogus}, "s")
	var qe *qss.Error
	if !errors.As(err, &qe) || !qe.Refused || !strings.Contains(err.Error(), "Invalid Token") || strings.Contains(err.Error(), bogus) {
		t.Fatalf("refused dial: %v", err)
	}
}

// A frame over MaxEvent ends the subscription: it is never read whole.
func TestNextRefusesAnOversizedFrame(t *testing.T) {
	_, c, _ := rigClient(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		defer ws.CloseNow()
		ctx, cancel := context.WithTimeout(r.Context(), 20*time.Second)
		defer cancel()
		_ = ws.Write(ctx, websocket.MessageText, []byte(`{"module":"build_connection","success":true}`))
		big := `{"module":"message","content":"` + strings.Repeat("x", 2*qss.MaxEvent) + `"}`
		_ = ws.Write(ctx, websocket.MessageText, []byte(big))
		_, _, _ = ws.Read(ctx)
	}))
	defer srv.Close()
	conn, err := qss.Dial(context.Background(), elsewhere{Client: c, u: "ws" + strings.TrimPrefix(srv.URL, "http") + "/ws"}, "s")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Next(context.Background()); err == nil {
		t.Fatal("an oversized frame was read")
	}
}
