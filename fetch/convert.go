package fetch

import (
	"strings"
	"time"

	"github.com/qostop/qostop/model"
)

// This file (with decode.go, which walks the JSON) is the one place wire
// types become model types. Every text field passes model.Clean here:
// names and locations are chosen by whoever joins a meeting and may carry
// terminal escape sequences. Zero-width characters stay, so the export
// carries the name Zoom sent; the screen shows text through
// model.Sanitize, which removes them.

// converter counts readings that were present but not understood.
type converter struct{ unparsed int }

// participant converts the identity fields, counting those of the wrong
// JSON type; the caller adds samples and the unparsed count.
func (cv *converter) participant(w wireParticipant) model.Participant {
	p := model.Participant{
		ID:          model.Clean(w.ID.s),
		UserID:      model.Clean(w.UserID.s),
		UserName:    model.Clean(w.UserName.s),
		Email:       model.Clean(w.Email.s),
		Device:      model.Clean(w.Device.s),
		Client:      model.Clean(w.Client.s),
		OS:          model.Clean(w.OS.s),
		Location:    model.Clean(w.Location.s),
		NetworkType: model.Clean(w.NetworkType.s),
		IPAddress:   model.Clean(w.IPAddress.s),
		DataCenter:  model.Clean(w.DataCenter.s),
		Version:     model.Clean(w.Version.s),
		PCName:      model.Clean(w.PCName.s),
		MACAddr:     model.Clean(w.MACAddr.s),
		Health:      model.Clean(w.Health.s),
		JoinTime:    cv.time(w.JoinTime, false),
		LeaveTime:   cv.time(w.LeaveTime, false),
	}
	for _, it := range w.IssueList.items {
		if it.bad {
			cv.unparsed++
		} else if s := model.Clean(it.s); s != "" {
			p.IssueList = append(p.IssueList, s)
		}
	}
	// A name sent as a number is as unreadable as a latency sent as an
	// object: shown as missing, and counted so the loss is visible.
	for _, bad := range []bool{w.ID.bad, w.UserID.bad, w.UserName.bad, w.Email.bad, w.Device.bad,
		w.Client.bad, w.OS.bad, w.Location.bad, w.NetworkType.bad, w.IPAddress.bad, w.DataCenter.bad,
		w.Version.bad, w.PCName.bad, w.MACAddr.bad, w.Health.bad, w.IssueList.bad} {
		if bad {
			cv.unparsed++
		}
	}
	return p
}

func (cv *converter) stream(w wireStream) model.StreamStats {
	st := model.StreamStats{
		BitrateKbps:  cv.metric(w.Bitrate, model.ParseBitrate),
		LatencyMS:    cv.metric(w.Latency, model.ParseMS),
		JitterMS:     cv.metric(w.Jitter, model.ParseMS),
		AvgLossPct:   cv.metric(w.AvgLoss, model.ParsePct),
		MaxLossPct:   cv.metric(w.MaxLoss, model.ParsePct),
		FrameRateFPS: cv.metric(w.FrameRate, model.ParseFPS),
	}
	if w.Resolution.bad {
		cv.unparsed++
	} else if wd, ht, err := model.ParseResolution(w.Resolution.s); err != nil {
		cv.unparsed++
	} else {
		st.Width, st.Height = wd, ht
	}
	return st
}

func (cv *converter) metric(t text, parse func(string) (model.Value, error)) model.Value {
	if t.bad {
		cv.unparsed++
		return model.None
	}
	v, err := parse(t.s)
	if err != nil {
		cv.unparsed++
		return model.None
	}
	return v
}

func (cv *converter) num(n num) model.Value {
	if n.bad {
		cv.unparsed++
	}
	if !n.set {
		return model.None
	}
	return model.Some(n.v)
}

// timeLayouts: Zoom sends RFC 3339 ("2021-06-24T20:00:00Z"); .NET SDKs
// re-serialise with seven fractional digits and "+00:00", which RFC 3339
// parsing also accepts. The zoneless forms are read as UTC.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05"}

// time parses a timestamp into UTC; empty or unparseable is the zero time.
// required counts an empty value as unparsed (a sample's date_time).
func (cv *converter) time(t text, required bool) time.Time {
	s := strings.TrimSpace(t.s)
	if s == "" {
		if required || t.bad {
			cv.unparsed++
		}
		return time.Time{}
	}
	for _, l := range timeLayouts {
		if tm, err := time.Parse(l, s); err == nil {
			return tm.UTC()
		}
	}
	cv.unparsed++
	return time.Time{}
}

func convertMeeting(w wireMeeting, kind model.Kind) model.Meeting {
	var cv converter
	return model.Meeting{
		Kind:           kind,
		UUID:           model.Clean(w.UUID.s),
		ID:             model.Clean(w.ID.s),
		Topic:          model.Clean(w.Topic.s),
		Host:           model.Clean(w.Host.s),
		Email:          model.Clean(w.Email.s),
		StartTime:      cv.time(w.StartTime, false),
		Duration:       model.Clean(w.Duration.s),
		Participants:   max(w.Participants.int(), 0),
		HasVideo:       bool(w.HasVideo),
		HasScreenShare: bool(w.HasScreenShare),
	}
}
