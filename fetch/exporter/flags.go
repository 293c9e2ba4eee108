package exporter

import "github.com/spf13/pflag"

// RegisterFlags adds the flags of `qostop exporter` that set o's own
// fields to fs; the Zoom client's flags, the budget and the interval are
// the command's, shared with qostop's other commands.
func (o *Options) RegisterFlags(fs *pflag.FlagSet) {
	fs.StringVar(&o.Listen, "listen", DefaultListen, "`address` of /metrics and /healthz (loopback: the metrics name meetings)")
	fs.StringSliceVar(&o.Meetings, "meetings", nil, "poll only these meeting `IDs` (comma-separated) and never list the account's meetings")
	fs.BoolVar(&o.Webinars, "webinars", false, "also poll the live webinars, labelled kind=\"webinar\" (scope dashboard_webinars:read:admin)")
	fs.BoolVar(&o.Rooms, "rooms", false, "also export the Zoom Rooms' status and health (scope dashboard_zr:read:admin)")
	fs.BoolVar(&o.Names, "names", false, "label participants with their names and meetings with their topics (personal data)")
	fs.BoolVar(&o.Redact, "redact", false, `with --names, label "[redacted]" instead of the names`)
	fs.DurationVar(&o.Keep, "keep", defaultKeep, "how long a participant who left or went silent stays in the metrics")
	fs.IntVar(&o.MaxParticipants, "max-participants", DefaultMaxParticipants, "keep at most `N` participants of one meeting in the metrics, dropping the longest gone first")
	fs.IntVar(&o.MaxSeries, "max-series", DefaultMaxSeries, "keep at most `N` zoom_qos_* series in all, dropping the longest gone participants first")
	fs.StringVar(&o.WebhookListen, "webhook-listen", "", "take participants' QoS from Zoom's webhooks posted to `address` (a bare port is 127.0.0.1:PORT; "+
		"put Zoom's https in front), checked with $"+EnvWebhookSecret)
	fs.StringVar(&o.webhookCommand, "webhook-secret-command", "", "run `CMD` (no shell) for the webhook's secret token instead of $"+EnvWebhookSecret)
	fs.Float64Var(&o.Pace, "qps", DefaultPace, "send at most `N` requests a second to Zoom, evenly spaced (slower for a while after a per-second 429)")
}
