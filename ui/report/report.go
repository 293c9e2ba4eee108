package report

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// This file is `qostop snapshot --format table`: a plain-text summary for
// people, written from the same Snapshot the JSON comes from so the two
// never disagree. No colour and no Bubble Tea: it may go to a pipe or a
// log. Health shows as theme.Marker's "!" (critical) and "*" (warn) after
// each judged value. Every text passes through model.Sanitize again, since
// a Snapshot may be built by hand, and tabs in names would break columns.
// Columns are aligned by rune count, so wide (CJK) names shift a row.

// WriteTable writes one participant's snapshot: who they are, the newest
// sample's streams with each judged value marked, CPU and Wi-Fi, and the
// span the samples cover.
func WriteTable(w io.Writer, snap model.Snapshot, th model.Thresholds) error {
	var b bytes.Buffer
	p := snap.Participant
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	row := func(k, v string) { fmt.Fprintf(tw, "%s\t%s\n", k, Dash(v)) }
	row(kindTitle(snap.Kind), tableMeeting(snap.MeetingID, snap.Type))
	row("Participant", tableName(p))
	row("User ID", Text(p.UserID))
	row("Device", tableJoin(", ", Text(p.Device), Text(p.Client), tablePrefixed("version ", Text(p.Version))))
	row("Network", Text(p.NetworkType))
	row("Location", Text(p.Location))
	row("Data center", Text(p.DataCenter))
	row("Health", tableHealth(p))
	row("Joined", tableTime(p.JoinTime, true))
	left := tableTime(p.LeaveTime, true)
	if left == "" && snap.Type == model.Live {
		left = "still in the meeting"
	}
	row("Left", left)
	if err := tw.Flush(); err != nil {
		return err
	}

	if len(snap.Samples) == 0 {
		b.WriteString("\nNo QoS samples.\n")
		writeUnparsed(&b, p.UnparsedValues)
		return writeTableText(w, b.Bytes())
	}
	newest := snap.Samples[len(snap.Samples)-1]
	fmt.Fprintf(&b, "\nNewest sample, %s:\n\n", tableTime(newest.Time, false))
	if err := writeStreamTable(&b, newest, th); err != nil {
		return err
	}
	b.WriteByte('\n')
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "CPU\t%s\n", tableCPU(newest.CPU, th))
	fmt.Fprintf(tw, "Wi-Fi\t%s\n", tableWiFi(newest.WiFi, th))
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(&b, "\n%s\n%s\n", tableSpan(snap.Samples), tableLegend)
	writeUnparsed(&b, p.UnparsedValues)
	return writeTableText(w, b.Bytes())
}

// WriteMeetingTable writes a meeting's snapshot, one row per participant:
// their user ID (the PARTICIPANT that snapshot and watch take), the worst
// level of each medium's streams in their newest sample, then each
// way's latency and average loss (the highest among that way's streams),
// marked with g's send and receive arrows as the overview marks them.
func WriteMeetingTable(w io.Writer, snap model.MeetingSnapshot, th model.Thresholds, g theme.Glyphs) error {
	var b bytes.Buffer
	gone, unparsed := 0, 0
	for _, p := range snap.Participants {
		if p.LeaveTime != "" {
			gone++
		}
		unparsed += p.UnparsedValues
	}
	fmt.Fprintf(&b, "%s %s, %s", kindTitle(snap.Kind), tableMeeting(snap.MeetingID, snap.Type), tablePlural(len(snap.Participants), "participant"))
	if gone > 0 {
		fmt.Fprintf(&b, " (%d left)", gone)
	}
	b.WriteString("\n")
	if len(snap.Participants) == 0 {
		return writeTableText(w, b.Bytes())
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "name\tuser id\tdevice\tnetwork\taudio\tvideo\tscreen share\thealth")
	for _, p := range snap.Participants {
		name := tableName(p.SnapshotParticipant)
		if p.LeaveTime != "" {
			name += " (left)"
		}
		cells := []string{name, Dash(Text(p.UserID)), Dash(Text(p.Device)),
			Dash(Text(p.NetworkType))}
		var newest model.SnapshotSample
		if n := len(p.Samples); n > 0 {
			newest = p.Samples[n-1]
		}
		for _, m := range model.Medias {
			cells = append(cells, tableMediaCell(newest, m, th, g))
		}
		cells = append(cells, Dash(tableHealth(p.SnapshotParticipant)))
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(&b, "\nEach medium: its worst level in the participant's newest sample, then latency and average\n"+
		"loss %s sent and %s received by the participant's client.\n%s\n", g.Up, g.Down, tableLegend)
	writeUnparsed(&b, unparsed)
	return writeTableText(w, b.Bytes())
}

const tableLegend = "! = critical, * = warn"

// writeUnparsed footnotes values Zoom sent that could not be read, so a
// "-" is not taken for a reading Zoom never sent.
func writeUnparsed(b *bytes.Buffer, n int) {
	switch {
	case n == 1:
		b.WriteString("1 value Zoom sent could not be read and is shown as missing.\n")
	case n > 1:
		fmt.Fprintf(b, "%d values Zoom sent could not be read and are shown as missing.\n", n)
	}
}

// writeStreamTable writes the table of one sample's streams in display order;
// streams with names qostop does not know go last, under Zoom's name.
func writeStreamTable(b *bytes.Buffer, s model.SnapshotSample, th model.Thresholds) error {
	if len(s.Streams) == 0 {
		b.WriteString("No stream data.\n")
		return nil
	}
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "stream\tlatency\tjitter\tavg loss\tmax loss\tbitrate\tfps\tresolution")
	for _, name := range tableStreamOrder(s.Streams) {
		st := s.Streams[name]
		label, video := Text(name), true
		if k, ok := model.StreamKeyByWireName(name); ok {
			label, video = k.String(), k.HasVideoFields()
		}
		cells := []string{
			label,
			tableJudged(th, model.Latency, snapValue(st.LatencyMS), " ms"),
			tableJudged(th, model.Jitter, snapValue(st.JitterMS), " ms"),
			tableJudged(th, model.AvgLoss, snapValue(st.AvgLossPct), "%"),
			tableJudged(th, model.MaxLoss, snapValue(st.MaxLossPct), "%"),
			tableValue(snapValue(st.BitrateKbps), " kbps"),
			"", "", // audio has no frames: blank, not missing
		}
		if video {
			cells[6] = tableValue(snapValue(st.FrameRateFPS), "")
			cells[7] = tableResolution(st.Width, st.Height)
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// tableStreamOrder lists the stream names in model.StreamKeys order, then any
// unknown names sorted.
func tableStreamOrder(streams map[string]model.SnapshotStream) []string {
	names := make([]string, 0, len(streams))
	for _, k := range model.StreamKeys {
		if _, ok := streams[k.WireName()]; ok {
			names = append(names, k.WireName())
		}
	}
	var unknown []string
	for name := range streams {
		if _, ok := model.StreamKeyByWireName(name); !ok {
			unknown = append(unknown, name)
		}
	}
	slices.Sort(unknown)
	return append(names, unknown...)
}

// tableMediaCell is one meeting-table cell: the worst level among medium
// m's streams, then for each way the highest latency and average loss of
// its streams (a room connector's beside the client's), each with its
// marker, e.g. "warn* ↑210ms 0.3% ↓40ms 1.2%*"; "↑-" for a way without
// a reading of either, "-" when the sample has no such stream at all. Which way is
// bad is the question a bridge asks ("my audio keeps cutting out").
func tableMediaCell(s model.SnapshotSample, m model.Media, th model.Thresholds, g theme.Glyphs) string {
	worst, found := model.Unknown, false
	var lat, loss [2]model.Value
	var has [2]bool
	for name, st := range s.Streams {
		k, ok := model.StreamKeyByWireName(name)
		if !ok || k.Media != m {
			continue
		}
		found, has[k.Dir] = true, true
		stats := model.StreamStats{
			LatencyMS: snapValue(st.LatencyMS), JitterMS: snapValue(st.JitterMS),
			AvgLossPct: snapValue(st.AvgLossPct), MaxLossPct: snapValue(st.MaxLossPct),
		}
		worst = max(worst, th.StreamLevel(stats))
		lat[k.Dir], loss[k.Dir] = tableMax(lat[k.Dir], stats.LatencyMS), tableMax(loss[k.Dir], stats.AvgLossPct)
	}
	if !found {
		return "-"
	}
	cell := worst.String() + strings.TrimSpace(theme.Marker(worst))
	for d, arrow := range [2]string{model.Send: g.Up, model.Receive: g.Down} {
		if !has[d] || !lat[d].OK && !loss[d].OK {
			cell += " " + arrow + "-"
			continue
		}
		cell += " " + arrow + tableJudgedInline(th, model.Latency, lat[d], "ms") + " " + tableJudgedInline(th, model.AvgLoss, loss[d], "%")
	}
	return cell
}

func tableMax(a, b model.Value) model.Value {
	if !b.OK || (a.OK && a.V >= b.V) {
		return a
	}
	return b
}

func tableCPU(c *model.SnapshotCPU, th model.Thresholds) string {
	if c == nil {
		return "-"
	}
	return fmt.Sprintf("Zoom min %s, avg %s, max %s; system max %s",
		tableValue(snapValue(c.ZoomMinPct), "%"), tableValue(snapValue(c.ZoomAvgPct), "%"),
		tableValue(snapValue(c.ZoomMaxPct), "%"), tableJudgedInline(th, model.SystemCPU, snapValue(c.SystemMaxPct), "%"))
}

func tableWiFi(wf *model.SnapshotWiFi, th model.Thresholds) string {
	if wf == nil {
		return "-"
	}
	rssi := func(p *float64) string { return tableJudgedInline(th, model.WiFiRSSI, snapValue(p), " dBm") }
	return fmt.Sprintf("min %s, avg %s, max %s", rssi(wf.MinRSSIdBm), rssi(wf.AvgRSSIdBm), rssi(wf.MaxRSSIdBm))
}

// tableJudged is a value with its unit and its level's marker ("!", "*" or a
// space, so that marked and unmarked values line up); "-" when absent.
func tableJudged(th model.Thresholds, m model.Metric, v model.Value, unit string) string {
	return tableValue(v, unit) + theme.Marker(th.Level(m, v))
}

// tableJudgedInline is tableJudged for running text, where a space marker would
// stand before a comma.
func tableJudgedInline(th model.Thresholds, m model.Metric, v model.Value, unit string) string {
	return strings.TrimRight(tableJudged(th, m, v, unit), " ")
}

func tableValue(v model.Value, unit string) string {
	if !v.OK {
		return "-"
	}
	return v.String() + unit
}

func tableResolution(w, h *int64) string {
	if w == nil && h == nil {
		return "-"
	}
	side := func(p *int64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	return side(w) + "x" + side(h)
}

// snapValue turns an exported reading back into a model.Value to judge it.
func snapValue(p *float64) model.Value {
	if p == nil {
		return model.None
	}
	return model.Some(*p)
}

// tableSpan is "N samples from HH:MM to HH:MM UTC", with dates when the
// span crosses midnight.
func tableSpan(samples []model.SnapshotSample) string {
	first, last := samples[0].Time, samples[len(samples)-1].Time
	if len(samples) == 1 {
		return "1 sample at " + tableTime(last, false) + "."
	}
	withDate := false
	if a, errA := time.Parse(time.RFC3339Nano, first); errA == nil {
		if z, errZ := time.Parse(time.RFC3339Nano, last); errZ == nil {
			withDate = a.UTC().Format(time.DateOnly) != z.UTC().Format(time.DateOnly)
		}
	}
	from := strings.TrimSuffix(tableTime(first, withDate), " UTC")
	return fmt.Sprintf("%d samples from %s to %s.", len(samples), from, tableTime(last, withDate))
}

// tableTime shows an exported RFC 3339 time as "HH:MM UTC", or with the
// date first; a time that does not parse is shown as it came, "" as "".
func tableTime(s string, withDate bool) string {
	if s == "" {
		return ""
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return Text(s)
	}
	layout := "15:04 UTC"
	if withDate {
		layout = "2006-01-02 15:04 UTC"
	}
	return t.UTC().Format(layout)
}

func tableMeeting(id string, typ model.MeetingType) string {
	s := Dash(Text(id))
	if t := Text(string(typ)); t != "" {
		s += " (" + t + ")"
	}
	return s
}

func tableName(p model.SnapshotParticipant) string {
	if name := Text(p.UserName); name != "" {
		return name
	}
	return "(hidden)" // as on screen: Zoom hides names of external users and without a BAA
}

// tableHealth is Zoom's health word and issue list, e.g.
// "Warning; issues: audio, network".
func tableHealth(p model.SnapshotParticipant) string {
	var issues []string
	for _, s := range p.IssueList {
		if s = Text(s); s != "" {
			issues = append(issues, s)
		}
	}
	return tableJoin("; ", Text(p.Health), tablePrefixed("issues: ", strings.Join(issues, ", ")))
}

// Text makes text from Zoom safe for a terminal and a tab-separated row.
func Text(s string) string { return strings.TrimSpace(model.Sanitize(s)) }

// Dash stands in "-" for an empty field, so a column never looks shifted.
func Dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func tablePrefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

func tableJoin(sep string, parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), sep)
}

func tablePlural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// writeTableText writes text without the trailing spaces tabwriter pads
// short last cells with.
func writeTableText(w io.Writer, text []byte) error {
	lines := bytes.Split(text, []byte("\n"))
	for i, l := range lines {
		lines[i] = bytes.TrimRight(l, " ")
	}
	_, err := w.Write(bytes.Join(lines, []byte("\n")))
	return err
}

// kindTitle is "Meeting" or "Webinar", as a row or a line starts.
func kindTitle(k model.Kind) string {
	if k == model.KindWebinar {
		return "Webinar"
	}
	return "Meeting"
}
