package sim

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/qostop/qostop/fetch/serve"
)

// maxConns caps the simulator's open connections (fetch/serve): a
// qostop or two, a demo and a test's clients need far fewer.
const maxConns = 256

// ListenAndServe runs the simulator on addr (":0" picks a free port) until
// ctx ends, calling ready with the base URL once it accepts connections:
// the API is at baseURL+"/v2" and the token endpoint at
// baseURL+"/oauth/token". It returns nil after a shutdown caused by ctx.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(baseURL string)) error {
	ln, err := serve.Listen(addr, maxConns)
	if err != nil {
		return err
	}
	srv := serve.NewServer(s.Handler(), ln)
	// Requests inherit ctx, so a stalled FaultSlow response ends with the
	// server instead of holding shutdown up.
	srv.BaseContext = func(net.Listener) context.Context { return ctx }
	s.bound, s.exposed = serve.Bound(ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if ready != nil {
		ready(baseURL(ln.Addr()))
	}
	hookErr := make(chan error, 1)
	if s.opts.WebhookURL != "" {
		go func() { hookErr <- s.PostWebhooks(ctx, s.opts.WebhookURL, s.WebhookSecret()) }()
	}
	select {
	case err := <-errc:
		return err
	case err = <-hookErr:
		if err == nil {
			break
		}
		s.Close()
		srv.Close()
		<-errc
		return err
	case <-ctx.Done():
	}
	s.Close()
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = srv.Shutdown(shutCtx)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// baseURL names a listener so a client on the same machine can reach it,
// even when it listens on every interface.
func baseURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String()
	}
	host := tcp.IP
	if host == nil || host.IsUnspecified() {
		host = net.IPv4(127, 0, 0, 1)
	}
	return "http://" + net.JoinHostPort(host.String(), strconv.Itoa(tcp.Port))
}

// WebhookSecret is the secret token the webhooks are signed with:
// $WebhookSecretEnv, or DemoWebhookSecret when that is unset.
func (s *Server) WebhookSecret() string {
	if v := os.Getenv(s.opts.WebhookSecretEnv); s.opts.WebhookSecretEnv != "" && v != "" {
		return v
	}
	return DemoWebhookSecret
}
