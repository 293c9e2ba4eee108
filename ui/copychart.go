package ui

import (
	"bytes"
	"fmt"
	"text/tabwriter"

	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/report"
)

// copyText is the series the chart screen shows, as text: one line per
// sample in the window, the time and each panel's reading each way ("-"
// where Zoom sent none), under who, what and when. y said "nothing to
// copy" here, and a chart is what an incident channel cannot paste.
func (s *chartScreen) copyText() string {
	start, end := s.win.Range(s.newest)
	var samples []model.Sample
	for _, smp := range s.f.History().Since(start) {
		if !smp.Time.After(end) {
			samples = append(samples, smp)
		}
	}
	if len(samples) == 0 {
		return ""
	}
	loc := s.loc
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s · %s · %s to %s\n\n", report.Text(model.DisplayName(shownAs(s.c, s.f.Who(), s.alias))), s.media,
		start.In(loc).Format("2006-01-02 15:04:05"), end.In(loc).Format("15:04:05 MST"))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "time")
	for _, f := range s.fields {
		for d, k := range s.streams {
			if s.has[d] {
				fmt.Fprintf(tw, "\t%s %s (%s)", k.Dir, f, f.Unit())
			}
		}
	}
	fmt.Fprintln(tw)
	for _, smp := range samples {
		fmt.Fprint(tw, smp.Time.In(loc).Format("15:04:05"))
		for _, f := range s.fields {
			for d, k := range s.streams {
				if !s.has[d] {
					continue
				}
				cell := "-"
				if v := f.Of(smp.Streams[k]); v.OK {
					cell = model.FormatNum(v.V)
				}
				fmt.Fprint(tw, "\t"+cell)
			}
		}
		fmt.Fprintln(tw)
	}
	if tw.Flush() != nil {
		return ""
	}
	return b.String()
}
