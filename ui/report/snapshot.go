package report

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// Source is what a snapshot is fetched from: *fetch.Client.
type Source interface {
	ParticipantQoS(ctx context.Context, meetingID, participantID string, typ model.MeetingType) (model.Participant, error)
	MeetingQoS(ctx context.Context, meetingID string, typ model.MeetingType) ([]model.Participant, error)
}

// Options are the settings of a snapshot; zero values pick the defaults
// (a live meeting, model.DefaultThresholds, Unicode markers, names shown).
type Options struct {
	Type       model.MeetingType
	Thresholds model.Thresholds
	Redact     bool // names, emails, addresses and locations hidden
	ASCII      bool // the meeting table's glyphs in ASCII
	// Sort is the order of a meeting's participants (--sort), as the
	// overview's s key orders its rows; the zero value is worst first.
	Sort model.SortColumn
}

// PrintSnapshot is `qostop snapshot`: it fetches one meeting (ids:
// MEETING) or one participant (MEETING PARTICIPANT) once and writes it to
// w in format ("table", "json", or "" for a table on a terminal and
// JSON otherwise), with cfg's type, thresholds and redaction. A
// meeting cut short at the client's caps (*fetch.TruncatedError) is still
// written, and the cut is said on notice, so nothing fetched is lost.
func PrintSnapshot(ctx context.Context, w, notice io.Writer, src Source, ids []string, cfg Options, format string) error {
	if cfg.Type == "" {
		cfg.Type = model.Live
	}
	if cfg.Thresholds == (model.Thresholds{}) {
		cfg.Thresholds = model.DefaultThresholds()
	}
	table := format == "table" || (format == "" && isTerminal(w))
	if len(ids) == 1 {
		ps, err := src.MeetingQoS(ctx, ids[0], cfg.Type)
		if te := (*fetch.TruncatedError)(nil); errors.As(err, &te) {
			fmt.Fprintln(notice, "qostop: notice:", model.Sanitize(te.Error()))
		} else if err != nil {
			return err
		}
		ps = model.SortParticipants(ps, cfg.Thresholds, cfg.Sort, cfg.Type == model.Past)
		for i := range ps {
			if cfg.Redact {
				ps[i] = model.Redact(ps[i])
			}
		}
		if !table { // streamed, one participant at a time: a meeting's document is the large one
			return model.WriteMeetingJSON(w, ids[0], cfg.Type, ps)
		}
		g := theme.UnicodeGlyphs()
		if cfg.ASCII {
			g = theme.ASCIIGlyphs()
		}
		return WriteMeetingTable(w, model.NewMeetingSnapshot(ids[0], cfg.Type, ps), cfg.Thresholds, g)
	}
	p, err := src.ParticipantQoS(ctx, ids[0], ids[1], cfg.Type)
	if err != nil {
		return err
	}
	if cfg.Redact {
		p = model.Redact(p)
	}
	s := model.NewSnapshot(ids[0], cfg.Type, p)
	if table {
		return WriteTable(w, s, cfg.Thresholds)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}

// isTerminal reports whether w is a character device, the cue for
// human-readable output.
func isTerminal(w io.Writer) bool {
	if f, ok := w.(*os.File); ok {
		st, err := f.Stat()
		return err == nil && st.Mode()&os.ModeCharDevice != 0
	}
	return false
}
