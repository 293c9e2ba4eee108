package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/theme"
)

// The table output is checked against golden files in testdata/, named
// after the test; run `go test ./ui/report -update` to rewrite them
// and read the diff before committing.

var reportT0 = time.Date(2026, 11, 25, 19, 20, 0, 0, time.UTC)

func reportKey(m model.Media, d model.Direction, p model.Path) model.StreamKey {
	return model.StreamKey{Media: m, Dir: d, Path: p}
}

// reportParticipant has a stream at every level, missing readings beside
// real zeros, an escape sequence in the name, and three samples of which
// only the newest is tabled.
func reportParticipant() model.Participant {
	some := model.Some
	old := model.Sample{Time: reportT0, Streams: map[model.StreamKey]model.StreamStats{
		reportKey(model.Audio, model.Send, model.Client): {LatencyMS: some(999)}, // not newest: not shown
	}}
	return model.Participant{
		ID: "_f08HhPJS82MIVLuuFaJPg", UserID: "16778240", UserName: "José\t\x1b]0;pwned\x07Müller",
		Device: "Mac", Client: "Zoom", Version: "6.2.5", NetworkType: "Wifi", Location: "Boston (US)",
		DataCenter: "US (Virginia)", Health: "Warning", IssueList: []string{"audio", "network"},
		JoinTime: time.Date(2026, 11, 25, 19, 5, 30, 0, time.UTC), Unparsed: 2,
		Samples: []model.Sample{old, {Time: reportT0.Add(time.Minute)}, {
			Time: reportT0.Add(2 * time.Minute),
			Streams: map[model.StreamKey]model.StreamStats{
				reportKey(model.Audio, model.Send, model.Client): {
					BitrateKbps: some(23), LatencyMS: some(126), JitterMS: some(6), AvgLossPct: some(0.3), MaxLossPct: some(1.9)},
				reportKey(model.Audio, model.Receive, model.Client): { // warn jitter, real zero loss, no latency
					BitrateKbps: some(63), JitterMS: some(31), AvgLossPct: some(0), MaxLossPct: some(0)},
				reportKey(model.Video, model.Send, model.Client): { // critical latency and loss
					BitrateKbps: some(1200), LatencyMS: some(320), JitterMS: some(30), AvgLossPct: some(5.5), MaxLossPct: some(12),
					FrameRateFPS: some(12), Width: some(1280), Height: some(720)},
				reportKey(model.Video, model.Receive, model.Client): { // everything but bitrate and fps missing
					BitrateKbps: some(27.15), FrameRateFPS: some(0)},
				reportKey(model.Share, model.Receive, model.Client): {
					BitrateKbps: some(70), LatencyMS: some(135), JitterMS: some(8), AvgLossPct: some(0), MaxLossPct: some(0)},
				reportKey(model.Audio, model.Send, model.CRC): {
					BitrateKbps: some(64), LatencyMS: some(150), JitterMS: some(2), AvgLossPct: some(1), MaxLossPct: some(5)},
			},
			CPU:  model.CPU{ZoomMinPct: some(0), ZoomMaxPct: some(14), SystemMaxPct: some(96)},
			WiFi: model.WiFi{MinRSSIdBm: some(-76), AvgRSSIdBm: some(-70), MaxRSSIdBm: some(-60)},
		}},
	}
}

func TestReportParticipant(t *testing.T) {
	var b bytes.Buffer
	snap := model.NewSnapshot("85746065432", model.Live, reportParticipant())
	if err := WriteTable(&b, snap, model.DefaultThresholds()); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, b.String())
	requirePlain(t, b.String())
}

func TestReportParticipantNoSamples(t *testing.T) {
	var b bytes.Buffer
	p := model.Participant{UserID: "42", LeaveTime: reportT0, Unparsed: 1} // its one sample had no time
	if err := WriteTable(&b, model.NewSnapshot("1", model.Past, p), model.DefaultThresholds()); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, b.String())
}

func TestReportMeeting(t *testing.T) {
	room := model.Participant{
		UserID: "2", UserName: "Room 4B", Device: "H.323/SIP", NetworkType: "Wired",
		LeaveTime: reportT0.Add(3 * time.Minute), Unparsed: 1,
		Samples: []model.Sample{{Time: reportT0, Streams: map[model.StreamKey]model.StreamStats{
			reportKey(model.Audio, model.Send, model.CRC):    {LatencyMS: model.Some(40), AvgLossPct: model.Some(0)},
			reportKey(model.Audio, model.Receive, model.CRC): {LatencyMS: model.Some(60), AvgLossPct: model.Some(1.2)},
		}}},
	}
	silent := model.Participant{UserID: "3", Device: "iOS", NetworkType: "Cellular"} // no name, no samples
	snap := model.NewMeetingSnapshot("85746065432", model.Live, []model.Participant{reportParticipant(), room, silent})
	var b bytes.Buffer
	if err := WriteMeetingTable(&b, snap, model.DefaultThresholds(), theme.UnicodeGlyphs()); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, b.String())
	requirePlain(t, b.String())
}

// The footnote on unreadable values appears only when there were some.
func TestReportUnparsedFootnote(t *testing.T) {
	const note = "could not be read"
	th := model.DefaultThresholds()
	for _, n := range []int{0, 1, 5} {
		p := model.Participant{UserID: "7", Unparsed: n}
		var one, all bytes.Buffer
		if err := WriteTable(&one, model.NewSnapshot("1", model.Live, p), th); err != nil {
			t.Fatal(err)
		}
		if err := WriteMeetingTable(&all, model.NewMeetingSnapshot("1", model.Live, []model.Participant{p, p}), th, theme.UnicodeGlyphs()); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(one.String(), note); got != (n > 0) {
			t.Errorf("Unparsed %d: participant table footnote %v:\n%s", n, got, one.String())
		}
		if got := strings.Contains(all.String(), note); got != (n > 0) {
			t.Errorf("Unparsed %d: meeting table footnote %v:\n%s", n, got, all.String())
		}
		if n == 5 && !strings.Contains(all.String(), "10 values Zoom sent could not be read and are shown as missing.") {
			t.Errorf("meeting table does not add up the participants' counts:\n%s", all.String())
		}
	}
}

func TestReportMeetingEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMeetingTable(&b, model.NewMeetingSnapshot("1", model.Past, nil), model.DefaultThresholds(), theme.UnicodeGlyphs()); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "Meeting 1 (past), 0 participants\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// A webinar's table says it is one: the ID alone would read as a meeting's.
func TestReportWebinarSaysSo(t *testing.T) {
	key := model.Ref{Kind: model.KindWebinar, ID: "91234567890"}.Key()
	var b bytes.Buffer
	if err := WriteMeetingTable(&b, model.NewMeetingSnapshot(key, model.Live, nil), model.DefaultThresholds(), theme.UnicodeGlyphs()); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "Webinar 91234567890 (live), 0 participants\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	b.Reset()
	if err := WriteTable(&b, model.NewSnapshot(key, model.Live, model.Participant{UserID: "7"}), model.DefaultThresholds()); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "Webinar      91234567890 (live)") {
		t.Errorf("participant table starts %q", strings.SplitN(b.String(), "\n", 2)[0])
	}
}

func TestReportSampleSpan(t *testing.T) {
	at := func(s string) model.SnapshotSample { return model.SnapshotSample{Time: s} }
	for _, tc := range []struct {
		name    string
		samples []model.SnapshotSample
		want    string
	}{
		{"one", []model.SnapshotSample{at("2026-11-25T19:22:00Z")}, "1 sample at 19:22 UTC."},
		{"same day", []model.SnapshotSample{at("2026-11-25T19:20:00Z"), at("2026-11-25T19:21:00Z"), at("2026-11-25T19:22:00Z")},
			"3 samples from 19:20 to 19:22 UTC."},
		{"across midnight", []model.SnapshotSample{at("2026-11-25T23:59:00Z"), at("2026-11-26T00:01:00Z")},
			"2 samples from 2026-11-25 23:59 to 2026-11-26 00:01 UTC."},
		{"offset shown in UTC", []model.SnapshotSample{at("2026-11-25T14:20:00-05:00"), at("2026-11-25T19:21:00Z")},
			"2 samples from 19:20 to 19:21 UTC."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tableSpan(tc.samples); got != tc.want {
				t.Fatalf("tableSpan = %q, want %q", got, tc.want)
			}
		})
	}
}

// A failed write is reported, not swallowed.
func TestReportWriteError(t *testing.T) {
	snap := model.NewSnapshot("1", model.Live, reportParticipant())
	if err := WriteTable(failWriter{}, snap, model.DefaultThresholds()); !errors.Is(err, errWrite) {
		t.Fatalf("WriteTable error = %v, want %v", err, errWrite)
	}
	msnap := model.NewMeetingSnapshot("1", model.Live, []model.Participant{reportParticipant()})
	if err := WriteMeetingTable(failWriter{}, msnap, model.DefaultThresholds(), theme.UnicodeGlyphs()); !errors.Is(err, errWrite) {
		t.Fatalf("WriteMeetingTable error = %v, want %v", err, errWrite)
	}
}

var errWrite = errors.New("disk full")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

// requirePlain fails if the table holds anything but printable text and
// newlines, or trailing spaces.
func requirePlain(t *testing.T, s string) {
	t.Helper()
	for _, r := range s {
		if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) {
			t.Fatalf("output holds control %U", r)
		}
	}
	for i, l := range strings.Split(s, "\n") {
		if strings.HasSuffix(l, " ") {
			t.Fatalf("line %d has trailing spaces: %q", i+1, l)
		}
	}
}

// A meeting row says which way each reading goes, send or receive, as
// the overview does, and in ASCII when asked: "audio good 48 ms 0.1%"
// read as one figure when it was the worse of two.
func TestReportMeetingSaysWhichWay(t *testing.T) {
	p := model.Participant{UserID: "9", UserName: "Ann", Samples: []model.Sample{{Time: reportT0,
		Streams: map[model.StreamKey]model.StreamStats{
			reportKey(model.Audio, model.Send, model.Client):    {LatencyMS: model.Some(48), AvgLossPct: model.Some(0.1)},
			reportKey(model.Audio, model.Receive, model.Client): {LatencyMS: model.Some(52), AvgLossPct: model.Some(6)},
			reportKey(model.Share, model.Receive, model.Client): {LatencyMS: model.Some(30), AvgLossPct: model.Some(0)},
		}}}}
	snap := model.NewMeetingSnapshot("1", model.Live, []model.Participant{p})
	for _, tc := range []struct {
		g    theme.Glyphs
		want []string
	}{
		{theme.UnicodeGlyphs(), []string{"critical! ↑48ms 0.1% ↓52ms 6%!", "good ↑- ↓30ms 0%", "loss ↑ sent and ↓ received"}},
		{theme.ASCIIGlyphs(), []string{"critical! ^48ms 0.1% v52ms 6%!", "good ^- v30ms 0%", "loss ^ sent and v received"}},
	} {
		var b bytes.Buffer
		if err := WriteMeetingTable(&b, snap, model.DefaultThresholds(), tc.g); err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("the table lacks %q:\n%s", w, b.String())
			}
		}
		if tc.g.Up == "^" && strings.ContainsFunc(b.String(), func(r rune) bool { return r > 0x7e }) {
			t.Errorf("the ASCII table holds more than ASCII:\n%s", b.String())
		}
	}
}
