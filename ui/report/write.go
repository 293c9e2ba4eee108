package report

import (
	"bytes"
	"html"
	"io"
	"strings"
)

// WriteIncidentMarkdown writes the report on inc as Markdown: for a
// ticket or a chat, every text escaped so a name cannot add markup or a
// link. The charts are in the HTML page only.
func WriteIncidentMarkdown(w io.Writer, inc Incident) error {
	a := analyze(inc)
	var b bytes.Buffer
	b.WriteString("# " + mdEscape(a.title()) + "\n\n")
	for _, s := range a.summary() {
		b.WriteString(mdEscape(s) + "\n\n")
	}
	b.WriteString("## Meeting\n\n")
	rows := [][]string{{"field", "value"}}
	for _, r := range a.meetingRows() {
		rows = append(rows, []string{r[0], r[1]})
	}
	mdTable(&b, rows)
	b.WriteString("\n## Participants, worst first\n\n")
	mdTable(&b, a.participantRows())
	b.WriteString("\n## Timeline\n\nThreshold crossings, gaps, joins and leaves, and what the recording held (events, markers).\n\n")
	mdTable(&b, a.timelineRows())
	for _, ps := range a.degraded() {
		b.WriteString("\n## " + mdEscape(ps.name) + "\n\n")
		b.WriteString(mdEscape(personSummary(a, ps)) + " Charts of each stream are in the HTML report.\n\n")
		mdTable(&b, a.peakRows(ps))
	}
	b.WriteString("\n## Thresholds used\n\n")
	mdTable(&b, a.thresholdRows())
	_, err := w.Write(b.Bytes())
	return err
}

func mdTable(b *bytes.Buffer, rows [][]string) {
	for i, r := range rows {
		cells := make([]string, len(r))
		for j, c := range r {
			cells[j] = mdEscape(c)
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		if i == 0 {
			b.WriteString(strings.Repeat("|---", len(r)) + "|\n")
		}
	}
}

// personSummary is one degraded participant's paragraph.
func personSummary(a analysis, ps person) string {
	s := "Degraded in " + pct(ps.share) + " of their samples; trouble started " + a.when(ps.started)
	if !ps.seen.IsZero() {
		s += ", first seen by qostop " + a.when(ps.seen)
	}
	return s + ". Device " + Dash(Text(ps.p.Device)) + ", network " + Dash(Text(ps.p.NetworkType)) +
		", location " + Dash(Text(ps.p.Location)) + ", data center " + Dash(Text(ps.p.DataCenter)) + "."
}

// pageCSP lets the page load nothing: no script, no image, no font, no
// connection; only its own inline style. A browser that honours it
// cannot fetch anything the page (or a name in it) points at.
const pageCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"

const pageStyle = `body{font:14px/1.45 system-ui,sans-serif;color:#1a202c;margin:24px auto;max-width:1120px;padding:0 16px}
table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #e2e8f0;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#edf2f7}.charts{display:flex;flex-wrap:wrap;gap:8px}.muted{color:#718096}h2{margin-top:28px}`

// WriteIncidentHTML writes the report on inc as one self-contained HTML
// page: inline style and inline SVG charts, no script, no external
// asset, and a Content-Security-Policy that forbids loading any.
func WriteIncidentHTML(w io.Writer, inc Incident) error {
	a := analyze(inc)
	var b strings.Builder
	e := htmlText
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
	b.WriteString(`<meta http-equiv="Content-Security-Policy" content="` + pageCSP + "\">\n")
	b.WriteString("<title>" + e(a.title()) + "</title><style>" + pageStyle + "</style></head><body>\n")
	b.WriteString("<h1>" + e(a.title()) + "</h1>\n")
	for _, s := range a.summary() {
		b.WriteString("<p>" + e(s) + "</p>\n")
	}
	b.WriteString("<h2>Meeting</h2><table>")
	for _, r := range a.meetingRows() {
		b.WriteString("<tr><th>" + e(r[0]) + "</th><td>" + e(r[1]) + "</td></tr>")
	}
	b.WriteString("</table>\n<h2>Participants, worst first</h2>")
	htmlTable(&b, a.participantRows())
	b.WriteString("<h2>Timeline</h2><p class=\"muted\">Threshold crossings, gaps, joins and leaves, and what the recording held (events, markers).</p>")
	htmlTable(&b, a.timelineRows())
	for _, ps := range a.degraded() {
		b.WriteString("<h2>" + e(ps.name) + "</h2><p>" + e(personSummary(a, ps)) + "</p>\n")
		htmlTable(&b, a.peakRows(ps))
		for _, row := range a.charts(ps) {
			b.WriteString(`<div class="charts">`)
			for _, c := range row {
				c.svg(&b)
			}
			b.WriteString("</div>\n")
		}
	}
	b.WriteString("<h2>Thresholds used</h2>")
	htmlTable(&b, a.thresholdRows())
	b.WriteString("<p class=\"muted\">Charts: dashed lines are the warn (amber) and critical (red) thresholds, " +
		"purple lines are markers; a break in a line is a missing reading, never a 0.</p>\n</body></html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func htmlTable(b *strings.Builder, rows [][]string) {
	b.WriteString("<table>")
	for i, r := range rows {
		b.WriteString("<tr>")
		for _, c := range r {
			if i == 0 {
				b.WriteString("<th>" + htmlText(c) + "</th>")
			} else {
				b.WriteString("<td>" + htmlText(c) + "</td>")
			}
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</table>\n")
}

// htmlText escapes text for the page, and also spells "://" and "=" as
// character references: they read the same, but the page's source then
// holds no URL a mail client would turn into a link, and nothing that
// looks like an attribute, whatever a name says.
func htmlText(s string) string {
	return textRefs.Replace(html.EscapeString(s))
}

var textRefs = strings.NewReplacer("://", ":&#47;&#47;", "=", "&#61;")
