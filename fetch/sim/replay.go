package sim

import (
	"encoding/base64"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/qostop/qostop/model"
)

// A replay (Options.Replay, `qostop sim --replay FILE`) serves a
// recording's meeting in place of the cast: its participants as recorded
// and their samples, through the same endpoints (the meeting lists, the
// details, the participants, the QoS of one and of all, paged), so that a
// real incident, redacted, becomes a test or a training scenario.
//
// Time: every recorded time (samples, joins, leaves, the start) is moved
// by one offset (ReplayOffset), a whole number of cadences that puts the
// first sample within the cadence before the simulator's start: it is
// served at once, a recording on Zoom's minutes stays on the minute, and
// the call plays from its first sample at the pace it was recorded, each
// sample appearing when the clock reaches its moved time. The meeting is
// live until half a cadence after its last sample, then over (type=past),
// as a recorded live call that ended would be.

// RoleReplayed is a participant of a replayed recording.
const RoleReplayed Role = "replayed"

// replayMeeting is the recording's meeting on the simulator's clock,
// which stands at now.
func (s *Server) replayMeeting(rec *model.Recording, now time.Time) *meeting {
	first, last, every := replaySpan(rec)
	offset := ReplayOffset(first, every, now)
	id, uuid := replayIDs(rec.MeetingID)
	m := &meeting{id: id, uuid: uuid, topic: rec.Meeting.Topic, host: rec.Meeting.Host,
		t0: first.Add(offset), every: every, share: noShare, webinar: model.RefOf(rec.MeetingID).Kind == model.KindWebinar}
	if m.topic == "" {
		m.topic = "Replayed meeting"
	}
	if rec.Incomplete {
		m.topic += " (recording incomplete)" // the demo has no banner: its screens say it
	}
	m.lastK = int(last.Sub(first) / every)
	m.endAt = m.end()
	if t := rec.Meeting.StartTime; !t.IsZero() {
		m.began = t.Add(offset)
	}
	for i, p := range rec.Participants {
		m.members = append(m.members, replayMember(p, i, offset, m.t0))
	}
	return m
}

// ReplayOffset is what a replay adds to every recorded time: the whole
// cadences (every) from the recording's first sample to the replay's
// start (now), so the first sample is served at once.
func ReplayOffset(first time.Time, every time.Duration, now time.Time) time.Duration {
	d := now.Sub(first)
	return d - d%every
}

// MainMeeting is the meeting `qostop demo --record FILE` opens and
// records (as a model.Ref key): the replayed one, else the Incident bridge.
func (o Options) MainMeeting() string {
	if o.Replay == nil {
		return DemoMeetingID
	}
	ref := model.RefOf(o.Replay.MeetingID)
	ref.ID, _ = replayIDs(o.Replay.MeetingID)
	return ref.Key()
}

// replaySpan is the recording's first and last sample and their cadence
// (whole seconds, as date_time has them); the header's time and Zoom's
// minute for a recording without samples.
func replaySpan(rec *model.Recording) (first, last time.Time, every time.Duration) {
	every = model.ZoomCadence
	most := 0
	for _, p := range rec.Participants {
		for _, smp := range p.Samples {
			if first.IsZero() || smp.Time.Before(first) {
				first = smp.Time
			}
			if smp.Time.After(last) {
				last = smp.Time
			}
		}
		if len(p.Samples) > most {
			most, every = len(p.Samples), model.SampleGap(p.Samples)
		}
	}
	if first.IsZero() {
		first, last = rec.Created, rec.Created
	}
	every = max(every.Round(time.Second), time.Second)
	return first, last, every
}

// replayIDs are the numeric ID and the UUID the replayed meeting is
// served by: the recorded one, and one made from it for the other (a
// past meeting is recorded by its UUID).
func replayIDs(recorded string) (id, uuid string) {
	ref := model.RefOf(recorded)
	h := hashKey("replay", ref.ID)
	made := base64.StdEncoding.EncodeToString(fmt.Appendf(nil, "%016x", h)[:16])
	if _, err := strconv.ParseUint(ref.ID, 10, 64); err == nil && ref.ID != "" {
		return ref.ID, made
	}
	return fmt.Sprintf("8%010d", h%1e10), ref.ID
}

// replayMember is recorded participant p (the i-th), times moved by
// offset; one who never said when they joined joined at their first
// sample, or at start.
func replayMember(p model.Participant, i int, offset time.Duration, start time.Time) *member {
	r := &member{userID: p.UserID, id: p.ID, name: p.UserName, email: p.Email, role: RoleReplayed,
		device: p.Device, client: p.Client, os: p.OS, network: p.NetworkType, location: p.Location,
		dataCenter: p.DataCenter, ip: p.IPAddress, pcName: p.PCName, version: p.Version, leaveK: -1,
		video: true, key: hashKey("replay", p.UserID, p.ID), health: p.Health, issues: p.IssueList}
	if r.userID == "" {
		r.userID = strconv.Itoa(16790000 + i) // Zoom's participant ID was not recorded (redacted)
	}
	for _, smp := range p.Samples {
		smp.Time = smp.Time.Add(offset)
		r.recorded = append(r.recorded, smp)
	}
	switch {
	case !p.JoinTime.IsZero():
		r.join = p.JoinTime.Add(offset)
	case len(r.recorded) > 0:
		r.join = r.recorded[0].Time
	default:
		r.join = start
	}
	if !p.LeaveTime.IsZero() {
		r.leave = p.LeaveTime.Add(offset)
	}
	return r
}

// replaySamples is the index range [lo, hi] of p.recorded served at
// now, as meeting.samples is of the cast's; lo > hi when there are none.
func (m *meeting) replaySamples(p *member, now time.Time, last int) (lo, hi int) {
	hi = -1
	for i, smp := range p.recorded {
		if smp.Time.After(now) {
			break
		}
		hi = i
	}
	if !m.over(now) {
		lo = max(lo, hi-last+1)
	}
	return lo, hi
}

// replayLeave is when a replayed member left, zero while they are in
// the meeting at now.
func (m *meeting) replayLeave(p *member, now time.Time) time.Time {
	switch {
	case !p.leave.IsZero() && !now.Before(p.leave):
		return p.leave
	case m.over(now):
		return m.end()
	}
	return time.Time{}
}

// replayWire is a recorded sample in Zoom's strings: every reading as
// recorded, to the last digit, and none where none was recorded.
func replayWire(smp model.Sample) wireSample {
	w := wireSample{DateTime: stamp(smp.Time)}
	for _, k := range model.StreamKeys {
		st, ok := smp.Streams[k]
		if !ok {
			continue
		}
		ws := wireStream{Bitrate: unit(st.BitrateKbps, " kbps"), Latency: unit(st.LatencyMS, " ms"),
			Jitter: unit(st.JitterMS, " ms"), AvgLoss: unit(st.AvgLossPct, "%"), MaxLoss: unit(st.MaxLossPct, "%")}
		if k.HasVideoFields() {
			fr, res := unit(st.FrameRateFPS, " fps"), ""
			if st.Width.OK && st.Height.OK {
				res = fmt.Sprintf("%d*%d", int64(st.Width.V), int64(st.Height.V))
			}
			ws.FrameRate, ws.Resolution = &fr, &res
		}
		w.Streams = append(w.Streams, namedStream{k.WireName(), ws})
	}
	if c := smp.CPU; c != (model.CPU{}) {
		w.CPU = &wireCPU{unit(c.ZoomMinPct, "%"), unit(c.ZoomAvgPct, "%"), unit(c.ZoomMaxPct, "%"), unit(c.SystemMaxPct, "%")}
	}
	if wf := smp.WiFi; wf.AvgRSSIdBm.OK || wf.MinRSSIdBm.OK || wf.MaxRSSIdBm.OK {
		w.RSSI = &wireRSSI{Max: rssi(wf.MaxRSSIdBm), Avg: rssi(wf.AvgRSSIdBm), Min: rssi(wf.MinRSSIdBm), Unit: "dBm"}
	}
	return w
}

// unit writes a reading as Zoom does, "126 ms", exactly; "" for none.
func unit(v model.Value, suffix string) string {
	if !v.OK {
		return ""
	}
	return strconv.FormatFloat(v.V, 'f', -1, 64) + suffix
}

// rssi is a recorded RSSI as Zoom's number; a missing one is left out.
func rssi(v model.Value) *float64 {
	if !v.OK {
		return nil
	}
	return &v.V
}

// replayQuality is the list's one-word verdict on p's newest recorded
// sample at now, as quality judges the cast's.
func (m *meeting) replayQuality(p *member, now time.Time) (audio, video, share string, sharing bool) {
	_, hi := m.replaySamples(p, now, 1)
	if hi < 0 {
		return "", "", "", false
	}
	smp := p.recorded[hi]
	verdict := func(md model.Media) (string, bool) {
		for k, st := range smp.Streams {
			if k.Media == md && k.Dir == model.Send {
				return quality(&streamVals{latency: st.LatencyMS.V, avgLoss: st.AvgLossPct.V}), true
			}
		}
		return "", false
	}
	audio, _ = verdict(model.Audio)
	video, _ = verdict(model.Video)
	share, sharing = verdict(model.Share)
	return audio, video, share, sharing
}

// replayBanner says, in the banner, what is replayed and how.
func (s *Server) replayBanner(w io.Writer) {
	rec := s.opts.Replay
	if rec == nil {
		return
	}
	first, last, every := replaySpan(rec)
	fmt.Fprintf(w, "Replaying a recording of %s (%d participants, samples %s to %s UTC, one every %s): "+
		"its first sample is served now and the rest at the pace recorded.\n",
		model.Sanitize(rec.MeetingID), len(rec.Participants), first.Format(time.DateTime), last.Format(time.DateTime), every)
	if rec.Incomplete {
		fmt.Fprintln(w, "The recording is incomplete: the file ends inside a line (cut by a power loss, a full disk, "+
			"or copied while written); everything before the cut is served.")
	}
	switch {
	case rec.Skipped == 1:
		fmt.Fprintln(w, "1 line of the recording could not be read and was skipped.")
	case rec.Skipped > 1:
		fmt.Fprintf(w, "%d lines of the recording could not be read and were skipped.\n", rec.Skipped)
	}
	m := s.meetings[0]
	family := "Meetings:"
	if m.webinar {
		family = "Webinars (--webinar):"
	}
	listCalls(w, "\n"+family, s.infos(m.webinar))
	fmt.Fprintf(w, "\nTry:\n  qostop meeting %s\n  qostop snapshot %s --format table\n\nCtrl+C stops.\n", m.id, m.id)
}
