package sim

import (
	"context"
	"fmt"
	"io"
)

// Start serves a new simulator with opts on a free loopback port until
// ctx ends, and returns its base URL once it accepts connections: what
// `qostop demo` runs in process.
func Start(ctx context.Context, opts Options) (string, error) {
	ready := make(chan string, 1)
	errc := make(chan error, 1)
	go func() { errc <- New(opts).ListenAndServe(ctx, "127.0.0.1:0", func(b string) { ready <- b }) }()
	select {
	case base := <-ready:
		return base, nil
	case err := <-errc:
		return "", err
	}
}

// Banner tells a person how to point qostop at the simulator serving at
// baseURL: the environment to export, the meetings and what to try.
// Listening beyond loopback, it says what is really bound, and warns.
func (s *Server) Banner(w io.Writer, baseURL string) {
	if s.exposed {
		fmt.Fprintf(w, "Zoom API simulator listening on %s; from this machine: %s\n", s.bound, baseURL)
		fmt.Fprintf(w, "warning: whoever reaches %s gets tokens for the demo credentials below and the simulated "+
			"meetings; --listen 127.0.0.1:PORT keeps it to this machine\n\n", s.bound)
	} else {
		fmt.Fprintf(w, "Zoom API simulator listening on %s\n\n", baseURL)
	}
	fmt.Fprintf(w, "  export ZOOM_API_URL=%s/v2\n  export ZOOM_OAUTH_URL=%s/oauth/token\n", baseURL, baseURL)
	fmt.Fprintf(w, "  export ZOOM_ACCOUNT_ID=%s ZOOM_CLIENT_ID=%s ZOOM_CLIENT_SECRET=%s\n\n",
		s.opts.AccountID, s.opts.ClientID, s.opts.ClientSecret)
	if u := s.opts.WebhookURL; u != "" {
		secret := "the demo's secret token: export " + s.opts.WebhookSecretEnv + "=" + DemoWebhookSecret + " for the receiver"
		if s.WebhookSecret() != DemoWebhookSecret {
			secret = "$" + s.opts.WebhookSecretEnv
		}
		fmt.Fprintf(w, "Posting participant_qos webhooks to %s every %s, signed with %s\n\n", u, s.opts.PushEvery, secret)
	}
	if s.opts.Replay != nil {
		s.replayBanner(w)
		return
	}
	listCalls(w, "Meetings:", s.Meetings())
	listCalls(w, "\nWebinars (--webinar, or a /w/ link):", s.Webinars())
	fmt.Fprintln(w, "\nZoom Rooms (qostop rooms):")
	for _, r := range s.Rooms() {
		fmt.Fprintf(w, "  %-20s %s\n", r.Name, r.Status)
	}
	fmt.Fprintf(w, "\nTry:\n  qostop snapshot %s %s --format table\n  qostop watch %s %s\n"+
		"  qostop snapshot \"850 1234 5678\" \"alice\"\n  qostop snapshot --webinar %s\n",
		DemoMeetingID, DemoParticipantID, DemoMeetingID, DemoParticipantID, WebinarID)
	if s.opts.Hostile {
		fmt.Fprintf(w, "  qostop watch %s %s   (the hostile name)\n", DemoMeetingID, HostileParticipantID)
	}
	fmt.Fprint(w, "\nCtrl+C stops.\n")
}

// listCalls writes the banner's lines for meetings or webinars: ID,
// topic, live or ended, UUID.
func listCalls(w io.Writer, title string, calls []MeetingInfo) {
	fmt.Fprintln(w, title)
	const shown = 12 // --meetings 1000 would fill the terminal
	if len(calls) > shown {
		defer fmt.Fprintf(w, "  … and %d more (--meetings: IDs %s to %s)\n", len(calls)-shown, calls[shown].ID, calls[len(calls)-1].ID)
		calls = calls[:shown]
	}
	for _, m := range calls {
		state := fmt.Sprintf("live, %d people", len(m.Participants))
		if !m.Live {
			state = "ended: use --type past"
		}
		fmt.Fprintf(w, "  %s  %-20s %s (UUID %s)\n", m.ID, m.Topic, state, m.UUID)
	}
}
