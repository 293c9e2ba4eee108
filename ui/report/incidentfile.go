package report

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/fetch/record"
	"github.com/qostop/qostop/model"
)

// MeetingSource is where `qostop report` asks Zoom: *fetch.Client.
type MeetingSource interface {
	MeetingQoS(ctx context.Context, meetingID string, typ model.MeetingType) ([]model.Participant, error)
	Meeting(ctx context.Context, meetingID string, typ model.MeetingType) (model.Meeting, error)
}

// ReportOptions are `qostop report`'s settings: the meeting type,
// thresholds and redaction as the snapshot's (Options), and its own.
type ReportOptions struct {
	Options
	MeetingID string // the meeting to ask Zoom about, when From is ""
	From      string // a recording to report on instead
	// Out is the path the report is written to without its extension:
	// Out+".md" and Out+".html"; "" is qostop-report-MEETING (or -FILE)
	// in the working directory.
	Out string
	// ThresholdsGiven says --thresholds was given: it then overrides
	// the thresholds a recording holds.
	ThresholdsGiven bool
	Now             func() time.Time // nil: time.Now
	Local           *time.Location   // the zone of "local" times; nil: time.Local
}

// WriteReport is `qostop report`: it gathers one meeting from Zoom (its
// details and every participant's QoS: two kinds of request) or from a
// recording, and writes the Markdown and HTML reports, saying on w the
// path of each. A meeting cut at the client's caps is still reported.
func WriteReport(ctx context.Context, w io.Writer, src MeetingSource, o ReportOptions) error {
	cfg := o.Options
	if cfg.Type == "" {
		cfg.Type = model.Live
	}
	if cfg.Thresholds == (model.Thresholds{}) {
		cfg.Thresholds = model.DefaultThresholds()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Local == nil {
		o.Local = time.Local
	}
	inc := Incident{Thresholds: cfg.Thresholds, Generated: o.Now(), Local: o.Local, Redacted: cfg.Redact}
	if err := gather(ctx, src, o, cfg.Type, &inc); err != nil {
		return err
	}
	if inc.Redacted {
		redactIncident(&inc)
	}
	if o.Out == "" {
		name := strings.Trim(strings.Map(fileChar, o.MeetingID+strings.TrimSuffix(filepath.Base(o.From), ".jsonl")), "_.")
		o.Out = "qostop-report-" + cmp.Or(name, "meeting")
	}
	for _, f := range []struct {
		ext   string
		write func(*os.File, Incident) error
	}{
		{".md", func(w *os.File, inc Incident) error { return WriteIncidentMarkdown(w, inc) }},
		{".html", func(w *os.File, inc Incident) error { return WriteIncidentHTML(w, inc) }},
	} {
		path := o.Out + f.ext
		if err := replaceFile(path, func(w *os.File) error { return f.write(w, inc) }); err != nil {
			return fmt.Errorf("cannot write the report %s: %w", path, err)
		}
		fmt.Fprintln(w, "wrote", path)
	}
	return nil
}

// gather fills inc with the meeting, from the recording o.From or, with
// none, from Zoom (a meeting of type typ): kept apart from WriteReport,
// which settles the defaults and writes the files.
func gather(ctx context.Context, src MeetingSource, o ReportOptions, typ model.MeetingType, inc *Incident) error {
	if o.From != "" {
		rec, err := record.Load(o.From)
		if err != nil {
			return err
		}
		inc.Meeting, inc.Type, inc.Participants, inc.Timeline, inc.Seen = rec.Meeting, rec.Type, rec.Participants, rec.Timeline, rec.Seen
		inc.Source, inc.Incomplete = "recording "+filepath.Base(o.From), rec.Incomplete
		inc.Redacted = inc.Redacted || rec.Redacted
		if !o.ThresholdsGiven {
			inc.Thresholds = rec.Thresholds // judged as the screens judged it then
		}
		return nil
	}
	ps, err := src.MeetingQoS(ctx, o.MeetingID, typ)
	if te := (*fetch.TruncatedError)(nil); err != nil && !errors.As(err, &te) {
		return err
	}
	m, err := src.Meeting(ctx, o.MeetingID, typ)
	if err != nil {
		m = model.Meeting{ID: o.MeetingID} // the QoS is what matters; the topic is a nicety
	}
	inc.Meeting, inc.Type, inc.Participants = m, typ, ps
	inc.Source = "Zoom's Dashboard API (" + string(typ) + " meeting)"
	return nil
}

// fileChar keeps letters, digits and '-' of a name for a file name:
// a meeting UUID holds '/', '+' and '='.
func fileChar(r rune) rune {
	if r == '-' || (r >= '0' && r <= '9') || (r|0x20 >= 'a' && r|0x20 <= 'z') {
		return r
	}
	return '_'
}

// redactIncident hides what names a person, and the meeting's topic and
// host, as --redact does everywhere. Everyone gets a pseudonym,
// "participant 3", as on the screens, so the report still tells people
// apart (a recording written redacted has only "[redacted]" for names).
func redactIncident(inc *Incident) {
	alias := map[string]string{}
	for i, p := range inc.Participants {
		alias[model.MemberKey(p)] = "participant " + strconv.Itoa(i+1)
		p = model.Redact(p)
		p.UserName = alias[model.MemberKey(p)]
		inc.Participants[i] = p
	}
	inc.Meeting = model.RedactMeeting(inc.Meeting)
	if inc.Meeting.Topic != "" {
		inc.Meeting.Topic = model.Redacted
	}
	for i, e := range inc.Timeline {
		if e.Name != "" || e.Key != "" {
			inc.Timeline[i].Name = cmp.Or(alias[e.Key], model.Redacted)
		}
	}
}

// replaceFile writes a new file beside path and renames it over path:
// whatever was there, a link included, is replaced, never written
// through, and a reader never sees half a report. The file is 0600, as
// it names people.
func replaceFile(path string, write func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing to remove
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
