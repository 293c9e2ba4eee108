package sim

import (
	"time"

	"github.com/spf13/pflag"
)

// RegisterFlags binds the options a person shapes the simulator with
// (`qostop sim`, `qostop demo`) to flags in fs, sampling every
// sampleEvery by default.
func (o *Options) RegisterFlags(fs *pflag.FlagSet, sampleEvery time.Duration) {
	fs.Int64Var(&o.Seed, "seed", 1, "seed of the simulated calls: the same seed gives the same calls")
	fs.DurationVar(&o.SampleEvery, "sample-every", sampleEvery, "time between simulated QoS samples (Zoom: 1m)")
	fs.DurationVar(&o.PushEvery, "push-every", 0, "how often the QSS WebSocket (/ws) pushes the samples published since its last push (0: every sample, --sample-every)")
	fs.Float64Var(&o.Faults, "faults", 0, "share of API requests (0 to 1) answered with a random failure, and of QSS pushes that drop the WebSocket instead")
	fs.Float64Var(&o.QPS, "qps", 0, "answer requests beyond this many a second with 429, as Zoom does (0: no limit)")
	fs.IntVar(&o.DailyLimit, "daily-limit", 0, "the account's daily request cap: answers say what is left (X-RateLimit-Remaining), as Zoom's 200s do; "+
		"past it, Zoom's Daily-limit 429 until 00:00 UTC (0: no cap, no such headers)")
	fs.BoolVar(&o.Hostile, "hostile", false, "add participant "+HostileParticipantID+
		", whose name carries terminal escape sequences (a window title, a screen clear, a clipboard write)")
	fs.StringVar(&o.WebhookURL, "webhook", "", "post the live calls' participant_qos events to `URL` as Zoom's signed webhooks (url_validation first), every --push-every")
	fs.StringVar(&o.WebhookSecretEnv, "webhook-secret-env", "ZOOM_WEBHOOK_SECRET", "the environment `variable` holding the secret token --webhook signs with (unset: the demo's, printed)")
	fs.IntVar(&o.ExtraMeetings, "meetings", 0, "add `N` live meetings (\"Team sync 1\"…, IDs 81000000001…): a large account, for the exporter (at most 5,000)")
	fs.IntVar(&o.ExtraPeople, "people", 3, "participants in each meeting of --meetings (at most 1,000; 100,000 in all)")
	fs.StringVar(&o.ReplayFile, "replay", "", "serve the meeting of the recording `FILE` (--record) instead of the simulated ones: "+
		"its participants and samples as recorded; every recorded time is moved by whole sample intervals so the first "+
		"sample is served at once, the rest come at the pace recorded, and the meeting is live until its last sample, then ended")
	fs.DurationVar(&o.EndAfter, "end-after", 0, "end the meeting "+DemoMeetingID+
		" this long after starting, e.g. 5m, to see a meeting end mid-watch (0: never)")
}
