package chrome

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/qostop/qostop/model"
)

func fullHeader() HeaderInfo {
	return HeaderInfo{
		Participant: model.Participant{
			UserID: "1670000000", UserName: "Alice Example", Device: "Mac", Client: "Zoom", Version: "5.17.0",
			OS: "macOS", NetworkType: "Wifi", Location: "San Jose (US)", DataCenter: "United States (SC Top)",
			Health: "Warning", IssueList: []string{"audio", "video"},
		},
		MeetingID: "81234567890", Topic: "Weekly sync", Badge: Badge{"LIVE", model.Good},
	}
}

func TestRenderHeader(t *testing.T) {
	st := testStyles(colorprofile.Ascii, false)
	got := strings.Split(Header(fullHeader(), st, 200), "\n")
	want := []string{
		"Alice Example  LIVE  zoom health Warning  issues audio, video",
		"Mac · Zoom 5.17.0 · macOS · Wifi · San Jose (US) · data center United States (SC Top)",
		"Weekly sync · meeting 81234567890",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("header:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRenderHeaderCases(t *testing.T) {
	st := testStyles(colorprofile.Ascii, false)
	hidden := HeaderInfo{Participant: model.Participant{UserID: "1670000000"}, Badge: Badge{"PAST", model.Unknown}}
	left := fullHeader()
	left.Participant.LeaveTime = time.Date(2024, 5, 1, 11, 42, 0, 0, time.UTC)
	left.Badge = Badge{"PAST", model.Unknown}
	leftLive := fullHeader()
	leftLive.Participant.LeaveTime = left.Participant.LeaveTime
	evil := HeaderInfo{Participant: model.Participant{UserName: "\x1b]52;c;ZXZpbA==\x07Eve\x1b[2J\u202e", Location: "\x1b]0;pwned\x07Here"}}
	tests := []struct {
		name      string
		h         HeaderInfo
		width     int
		lines     int
		has, hasn []string
	}{
		{"hidden name shows the user id", hidden, 80, 1, []string{"(hidden) 1670000000", "PAST"}, []string{"LIVE"}},
		{"nobody at all", HeaderInfo{}, 80, 1, []string{"(hidden)"}, nil},
		{"left and past", left, 80, 3, []string{"PAST", "left 11:42"}, []string{"LIVE"}},
		{"left a live meeting", leftLive, 80, 3, []string{"Alice Example  left 11:42"}, []string{"LIVE"}},
		{"escape sequences are removed", evil, 80, 2, []string{"Eve", "Here"}, []string{"\x1b", "\a", "\u202e", "pwned"}},
		{"healthy", HeaderInfo{Participant: model.Participant{UserName: "Bo", Health: "Normal"}}, 80, 1, []string{"zoom health Normal"}, []string{"Normal*", "Normal!"}},
		{"cut to width", fullHeader(), 24, 3, []string{"Alice Example  LIVE  zo…", "Mac · Zoom 5.17.0 · mac…"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := Header(tt.h, st, tt.width)
			lines := strings.Split(out, "\n")
			if len(lines) != tt.lines {
				t.Errorf("%d lines, want %d:\n%s", len(lines), tt.lines, out)
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > tt.width {
					t.Errorf("line %q is %d cells, wider than %d", l, w, tt.width)
				}
			}
			for _, s := range tt.has {
				if !strings.Contains(out, s) {
					t.Errorf("header lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tt.hasn {
				if strings.Contains(out, s) {
					t.Errorf("header has %q:\n%q", s, out)
				}
			}
		})
	}
}

func TestRenderHeaderASCII(t *testing.T) {
	st := testStyles(colorprofile.Ascii, true)
	out := Header(fullHeader(), st, 30)
	for i := 0; i < len(out); i++ {
		if out[i] >= 0x80 {
			t.Fatalf("non-ASCII byte %#x in ASCII header:\n%s", out[i], out)
		}
	}
	if !strings.Contains(out, "Mac | Zoom") || !strings.HasSuffix(strings.Split(out, "\n")[0], "~") {
		t.Errorf("ASCII header should use | between parts and ~ where cut:\n%s", out)
	}
	if Header(fullHeader(), st, 0) != "" {
		t.Error("a zero-width header should be empty")
	}
}
