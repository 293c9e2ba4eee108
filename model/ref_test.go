package model_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/qostop/qostop/model"
)

func TestParseRef(t *testing.T) {
	meeting := func(id string) model.Ref { return model.Ref{Kind: model.KindMeeting, ID: id} }
	webinar := func(id string) model.Ref { return model.Ref{Kind: model.KindWebinar, ID: id} }
	for _, tc := range []struct {
		name, in string
		kind     model.Kind
		want     model.Ref
	}{
		{"plain ID", "85012345678", "", meeting("85012345678")},
		{"spaced as Zoom prints it", "850 1234 5678", "", meeting("85012345678")},
		{"dashed", "850-1234-5678", "", meeting("85012345678")},
		{"padded and non-breaking spaces", "  850\u00a01234\u00a05678 ", "", meeting("85012345678")},
		{"nine digits", "123456789", "", meeting("123456789")},
		{"join link with password", "https://us02web.zoom.us/j/85012345678?pwd=c2VjcmV0", "", meeting("85012345678")},
		{"join link without scheme", "us02web.zoom.us/j/85012345678", "", meeting("85012345678")},
		{"join link, trailing slash and fragment", "https://zoom.us/j/85012345678/#success", "", meeting("85012345678")},
		{"start link", "https://zoom.us/s/85012345678?zak=abc", "", meeting("85012345678")},
		{"web client join", "https://app.zoom.us/wc/join/85012345678?pwd=x", "", meeting("85012345678")},
		{"web client, ID first", "https://zoom.us/wc/85012345678/join?pwd=x", "", meeting("85012345678")},
		{"ZoomGov link", "https://agency.zoomgov.com/j/1601234567?pwd=x", "", meeting("1601234567")},
		{"desktop protocol", "zoommtg://zoom.us/join?action=join&confno=85012345678&pwd=x", "", meeting("85012345678")},
		{"webinar link", "https://us06web.zoom.us/w/91234567890?tk=abc&pwd=x", "", webinar("91234567890")},
		{"webinar link even without --webinar", "zoom.us/w/91234567890", model.KindMeeting, webinar("91234567890")},
		{"ID with --webinar", "912 3456 7890", model.KindWebinar, webinar("91234567890")},
		{"/j/ link with --webinar", "https://zoom.us/j/91234567890", model.KindWebinar, webinar("91234567890")},
		{"UUID", "qT7vXq2bR0eJx4mZs9LkPw==", "", meeting("qT7vXq2bR0eJx4mZs9LkPw==")},
		{"UUID with // kept as is", "Zp3a//Kx7QeW1nV2sT5yBg==", "", meeting("Zp3a//Kx7QeW1nV2sT5yBg==")},
		{"UUID starting with /", "/Gm5hQ2wT8eKp1xR7vYzNw==", "", meeting("/Gm5hQ2wT8eKp1xR7vYzNw==")},
		{"UUID URL-encoded twice", "%252FGm5hQ2wT8eKp1xR7vYzNw%253D%253D", "", meeting("/Gm5hQ2wT8eKp1xR7vYzNw==")},
		{"UUID unpadded", "qT7vXq2bR0eJx4mZs9LkPw", "", meeting("qT7vXq2bR0eJx4mZs9LkPw")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := model.ParseRef(tc.in, tc.kind)
			if err != nil || got != tc.want {
				t.Fatalf("ParseRef(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
			}
			if back := model.RefOf(got.Key()); back != got {
				t.Errorf("RefOf(%q) = %+v; want %+v", got.Key(), back, got)
			}
		})
	}
}

func TestParseRefRefuses(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "  ", "empty"},
		{"too short", "1234", "9 to 11 digits, this has 4"},
		{"too long", "850 1234 5678 9", "9 to 11 digits, this has 12"},
		{"a name", "alice chen", "neither a meeting ID"},
		{"dot dot", "..", "neither a meeting ID"},
		{"not Zoom", "https://evil.example/j/85012345678?pwd=hunter2", "not to a Zoom or ZoomGov host"},
		{"look-alike host", "https://zoom.us.evil.example/j/85012345678", "not to a Zoom"},
		{"no ID in link", "https://zoom.us/j/?pwd=hunter2", "without a meeting ID"},
		{"letters in link ID", "https://zoom.us/j/8501abc5678?pwd=hunter2", "not 9 to 11 digits"},
		{"personal link", "https://zoom.us/my/alice?pwd=hunter2", "personal link"},
		{"registration page", "https://zoom.us/webinar/register/WN_abc", "without a meeting ID"},
		{"other scheme", "javascript://zoom.us/j/85012345678", "scheme javascript"},
		{"almost a UUID", "qT7vXq2bR0eJx4mZs9LkPw=", "neither"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := model.ParseRef(tc.in, model.KindMeeting)
			var re *model.RefError
			if !errors.As(err, &re) {
				t.Fatalf("ParseRef(%q) error = %v; want a *RefError", tc.in, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.want) || !strings.Contains(msg, "want a meeting ID") {
				t.Errorf("error %q; want it to say %q and what was expected", msg, tc.want)
			}
			if strings.Contains(msg, "hunter2") || strings.Contains(msg, "pwd") {
				t.Errorf("error %q quotes the link's password", msg)
			}
		})
	}
}

// FuzzParseRef: whatever is pasted, ParseRef never panics, never quotes
// a password after "?", and what it accepts reads back from its key.
func FuzzParseRef(f *testing.F) {
	for _, s := range []string{
		"85012345678", "850 1234 5678", "https://us02web.zoom.us/j/85012345678?pwd=SECRET",
		"zoom.us/w/91234567890", "https://zoom.us/wc/join/85012345678", "zoommtg://zoom.us/join?confno=85012345678&pwd=SECRET",
		"qT7vXq2bR0eJx4mZs9LkPw==", "%252FGm5hQ2wT8eKp1xR7vYzNw%253D%253D", "", "..", "/", "a/b?pwd=SECRET",
		"https://zoom.us/my/x?pwd=SECRET", "\x1b]0;x\x07", "webinar:85012345678",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// The same input with a password after it: whatever it is, the
		// password is not in the error.
		if _, err := model.ParseRef(s+"?pwd=Zx9SECRETqq", model.KindMeeting); err != nil && strings.Contains(err.Error(), "Zx9SECRETqq") {
			t.Fatalf("ParseRef(%q+?pwd=…): error %q quotes the password", s, err)
		}
		ref, err := model.ParseRef(s, model.KindMeeting)
		if err != nil {
			var re *model.RefError
			if !errors.As(err, &re) {
				t.Fatalf("ParseRef(%q): error %T, want *RefError", s, err)
			}
			if model.Sanitize(err.Error()) != err.Error() {
				t.Fatalf("ParseRef(%q): error %q is not sanitized", s, err)
			}
			return
		}
		if ref.ID == "" || ref.ID == "." || ref.ID == ".." || strings.ContainsAny(ref.ID, "?# \t") {
			t.Fatalf("ParseRef(%q) = %+v: not an ID", s, ref)
		}
		if model.RefOf(ref.Key()) != ref {
			t.Fatalf("ParseRef(%q) = %+v does not read back from its key", s, ref)
		}
	})
}

func TestHideQueries(t *testing.T) {
	for in, want := range map[string]string{
		`unknown command "https://zoom.us/j/85012345678?pwd=hunter2"`:      `unknown command "https://zoom.us/j/85012345678?…"`,
		`got 3: ["zoom.us/j/1?pwd=x&tk=y" "a" "b"]`:                        `got 3: ["zoom.us/j/1?…" "a" "b"]`,
		"what? nothing to hide? really?":                                   "what? nothing to hide? really?",
		"a link at the end https://x.zoom.us/w/9?tk=1 and another a.b?c=d": "a link at the end https://x.zoom.us/w/9?… and another a.b?…",
	} {
		if got := model.HideQueries(in); got != want {
			t.Errorf("HideQueries(%q) = %q; want %q", in, got, want)
		}
	}
}
