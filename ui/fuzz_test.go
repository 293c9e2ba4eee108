package ui

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/qostop/qostop/fetch"
	"github.com/qostop/qostop/model"
	"github.com/qostop/qostop/ui/report"
)

// FuzzScreenText: whatever text Zoom sends as a name, location, device or
// error message, and even if it skipped the client's own cleaning, the
// screen and the snapshot table carry none of it as a control: no escape
// sequence, C0 or C1 control, or bidi override reaches the terminal.
func FuzzScreenText(f *testing.F) {
	for _, s := range []string{
		"Alice Chen", "Mallory\x1b]0;pwned\x07\x1b[2J\x1b]52;c;cm0gLXJmIH4K\x07\u202eexe.txt\xff\xfe",
		"\x1b[31mNowhere\x1b[0m\r\u202e(RU)", "\x1bP1$r\x1b\\", "\u009b2J\u009d0;t\u009c", "a\tb\nc\u2066d",
		"\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\", "山田 太郎", "",
	} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, name, other string) {
		p := callParticipant(false)
		p.Samples = p.Samples[:3]
		p.UserName, p.Location, p.Device, p.Health = name, other, other, other
		p.IssueList = []string{name}
		src := &fakeSource{p: p}
		h := newHarness(t, src, 100, 30, func(c *Config) { c.Topic = other })
		next := h.start()
		screenIsText(t, "watch screen", h.a.content())
		src.set(model.Participant{}, &fetch.APIError{Op: "fetch participant QoS", Status: 400, Kind: fetch.BadRequest, Message: other})
		h.poll(next)
		screenIsText(t, "watch screen with an error", h.a.content())

		var b bytes.Buffer
		if err := report.WriteTable(&b, model.NewSnapshot(name, model.Live, p), model.DefaultThresholds()); err != nil {
			t.Fatal(err)
		}
		screenIsText(t, "snapshot table", b.String())
	})
}

// screenIsText fails if s holds anything a terminal would act on rather
// than print, newlines between rows aside.
func screenIsText(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("%s is not valid UTF-8:\n%q", what, s)
	}
	for _, r := range s {
		if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) || r == 0x061c || r == 0x200e || r == 0x200f ||
			(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Fatalf("%s holds control %U:\n%q", what, r, s)
		}
	}
}
