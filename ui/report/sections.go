package report

import (
	"strconv"
	"strings"
	"time"

	"github.com/qostop/qostop/model"
)

// The report's sections as rows of plain text, written once here and
// escaped by each writer (Markdown, HTML) in its own way.

// when is a time in UTC and in the reader's zone: "2026-03-02 14:03:00
// UTC (15:03:00 CET)"; "-" when unknown.
func (a *analysis) when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	u := t.UTC().Format("2006-01-02 15:04:05 UTC")
	l := t.In(a.inc.Local)
	if l.Format("2006-01-02") != t.UTC().Format("2006-01-02") {
		return u + " (" + l.Format("2006-01-02 15:04:05 MST") + ")"
	}
	return u + " (" + l.Format("15:04:05 MST") + ")"
}

// title names the meeting: its topic when known, else its ID.
func (a *analysis) title() string {
	if t := Text(a.inc.Meeting.Topic); t != "" {
		return "QoS report: " + t
	}
	return "QoS report: meeting " + Text(a.inc.Meeting.ID)
}

// meetingRows are the meeting's facts.
func (a *analysis) meetingRows() [][2]string {
	m := a.inc.Meeting
	rows := [][2]string{
		{"Meeting ID", Dash(Text(m.ID))},
		{"Topic", Dash(Text(m.Topic))},
		{"Host", Dash(Text(m.Host))},
		{"Type", string(a.inc.Type)},
		{"Started", a.when(m.StartTime)},
		{"Samples from", a.when(a.from)},
		{"Samples to", a.when(a.to)},
		{"Participants", strconv.Itoa(len(a.people))},
		{"Data from", Dash(Text(a.inc.Source))},
		{"Report written", a.when(a.inc.Generated)},
	}
	if a.inc.Redacted {
		rows = append(rows, [2]string{"Redacted", "yes: names, emails, addresses, locations, topic and host are hidden"})
	}
	if a.inc.Incomplete {
		rows = append(rows, [2]string{"Incomplete", "the recording was cut (its last line is lost): what follows is what it held"})
	}
	return rows
}

// summary is the diagnosis and when trouble started, as sentences.
func (a *analysis) summary() []string {
	var out []string
	if a.worstAt.IsZero() {
		out = append(out, "No participant had a reading at warn or worse: "+a.diagnosis.String()+".")
	} else {
		out = append(out, "At the worst minute, "+a.when(a.worstAt)+": "+a.diagnosis.String()+".")
	}
	out = append(out, "Rule applied: "+model.DiagnosisRules()[a.diagnosis.Rule])
	if !a.started.IsZero() {
		out = append(out, "Trouble started (Zoom's sample time): "+a.when(a.started)+".")
		if !a.firstSeen.IsZero() {
			out = append(out, "First seen by qostop: "+a.when(a.firstSeen)+" ("+a.firstSeen.Sub(a.started).Round(time.Second).String()+" later).")
		} else {
			out = append(out, "First seen by qostop: not recorded (the data came from Zoom when this report was written).")
		}
	}
	out = append(out, "Estimated MOS is the simplified ITU-T G.107 E-model from Zoom's latency, jitter and loss: "+
		"an estimate, since Zoom's latency is an application round trip, not one-way network delay.")
	return out
}

// thresholdRows are the limits the report judged by, in --thresholds' order.
func (a *analysis) thresholdRows() [][]string {
	rec := model.ThresholdsRecord(a.inc.Thresholds)
	rows := [][]string{{"metric", "warn", "critical"}}
	for _, m := range []struct{ name, unit string }{{"latency", "ms"}, {"jitter", "ms"}, {"loss", "%"},
		{"maxloss", "%"}, {"cpu", "%"}, {"rssi", "dBm"}} {
		b := rec[m.name]
		rows = append(rows, []string{m.name + " (" + m.unit + ")", model.FormatNum(b.Warn), model.FormatNum(b.Critical)})
	}
	return rows
}

// participantRows rank everyone worst first.
func (a *analysis) participantRows() [][]string {
	rows := [][]string{{"#", "participant", "device", "network", "data center", "worst reading", "time degraded",
		"trouble started", "lowest est. MOS send / receive"}}
	for i, ps := range a.people {
		worst := "no readings"
		if ps.hasWorst {
			worst = ps.worst.Stream.String() + " " + ps.worst.Metric.String() + " " + model.FormatNum(ps.worst.Value.V) +
				unitOf(ps.worst.Metric) + " (" + ps.worst.Level.String() + ")"
		}
		started := "-"
		if ps.degraded {
			started = ps.started.UTC().Format("15:04:05 UTC")
		}
		rows = append(rows, []string{strconv.Itoa(i + 1), ps.name, Dash(Text(ps.p.Device)), Dash(Text(ps.p.NetworkType)),
			Dash(Text(ps.p.DataCenter)), worst, pct(ps.share), started,
			mosText(ps.lowMOS[model.Send]) + " / " + mosText(ps.lowMOS[model.Receive])})
	}
	return rows
}

// timelineRows are the timeline's lines, oldest first.
func (a *analysis) timelineRows() [][]string {
	rows := [][]string{{"UTC", "local", "who", "what"}}
	for _, e := range a.timeline {
		rows = append(rows, []string{e.At.UTC().Format("2006-01-02 15:04:05"), e.At.In(a.inc.Local).Format("15:04:05 MST"),
			Dash(Text(e.Who)), Text(e.What)})
	}
	return rows
}

// pct is a share (0..1) as a whole percentage.
func pct(share float64) string { return strconv.Itoa(int(share*100+0.5)) + "%" }

func unitOf(m model.Metric) string {
	if m == model.AvgLoss || m == model.MaxLoss {
		return "%"
	}
	return " ms"
}

func mosText(v model.Value) string {
	if !v.OK {
		return "-"
	}
	return strconv.FormatFloat(v.V, 'f', 1, 64)
}

// degraded are the participants who were at warn or worse at some time.
func (a *analysis) degraded() []person {
	var out []person
	for _, ps := range a.people {
		if ps.degraded {
			out = append(out, ps)
		}
	}
	return out
}

// charts are a degraded participant's latency, jitter and loss charts,
// per stream with traffic, with the thresholds and markers.
func (a *analysis) charts(ps person) [][]chart {
	th := a.inc.Thresholds
	var out [][]chart
	for _, k := range ps.streams {
		var row []chart
		for _, f := range []struct {
			field  model.Field
			metric model.Metric
			title  string
		}{{model.LatencyField, model.Latency, "latency (ms)"}, {model.JitterField, model.Jitter, "jitter (ms)"},
			{model.AvgLossField, model.AvgLoss, "loss (%)"}} {
			row = append(row, chart{title: k.String() + " " + f.title, pts: model.Series(ps.p.Samples, k, f.field.Of),
				from: a.from, to: a.to, step: ps.step, warn: th[f.metric].Warn, crit: th[f.metric].Critical, markers: a.markers})
		}
		out = append(out, row)
	}
	return out
}

// mdEscape makes text literal in Markdown: the marks that can start
// emphasis, code, a link, HTML, a heading or a table cell are
// backslash-escaped, and a bare URL or www. name, which GitHub would turn
// into a link, is broken. Newlines, which could end a table row, Text
// has turned into spaces already.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|#!~&", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return strings.NewReplacer("://", `:\/\/`, "www.", `www\.`, "WWW.", `WWW\.`).Replace(b.String())
}

// peakRows are a degraded participant's worst reading per stream: the
// Markdown's stand-in for the charts, and their summary in the HTML.
func (a *analysis) peakRows(ps person) [][]string {
	th := a.inc.Thresholds
	rows := [][]string{{"stream", "peak latency", "peak jitter", "peak loss", "peak max loss", "lowest est. MOS"}}
	for _, k := range ps.streams {
		var lat, jit, loss, maxLoss, mos model.Value
		for _, s := range ps.p.Samples {
			st, ok := s.Streams[k]
			if !ok {
				continue
			}
			lat, jit, loss = higher(lat, st.LatencyMS), higher(jit, st.JitterMS), higher(loss, st.AvgLossPct)
			maxLoss = higher(maxLoss, st.MaxLossPct)
			if m := k.MOSEstimate(st); m.OK && (!mos.OK || m.V < mos.V) {
				mos = m
			}
		}
		rows = append(rows, []string{k.String(), judgedText(th, model.Latency, lat, " ms"),
			judgedText(th, model.Jitter, jit, " ms"), judgedText(th, model.AvgLoss, loss, "%"),
			judgedText(th, model.MaxLoss, maxLoss, "%"), mosText(mos)})
	}
	return rows
}

func higher(a, b model.Value) model.Value {
	if b.OK && (!a.OK || b.V > a.V) {
		return b
	}
	return a
}

// judgedText is a reading with its unit and level: "400 ms (critical)".
func judgedText(th model.Thresholds, m model.Metric, v model.Value, unit string) string {
	if !v.OK {
		return "-"
	}
	return model.FormatNum(v.V) + unit + " (" + th.Level(m, v).String() + ")"
}
