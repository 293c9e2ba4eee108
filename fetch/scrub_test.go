package fetch

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"unicode"

	"github.com/qostop/qostop/model"
	"golang.org/x/text/unicode/norm"
)

// skeleton is text as a reader sees it: look-alike forms folded (NFKC),
// no spaces, line breaks, invisible or combining characters, case
// ignored. It is written from the Unicode properties, apart from the
// code's own skeleton, so a rune the code forgets shows here.
func skeleton(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u2800' || unicode.In(r, unicode.Cf, unicode.Mn,
			unicode.Me, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point) {
			return -1
		}
		return unicode.ToLower(r)
	}, norm.NFKC.String(s))
}

// disguises are the ways a server echoes a secret that an exact match
// misses: a line break or zero-width space in it, another case, base64.
func disguises(s string) map[string]string {
	half := len(s) / 2
	return map[string]string{
		"newline":    s[:half] + "\n" + s[half:],
		"crlf":       s[:half] + "\r\n  " + s[half:],
		"zero-width": s[:half] + "\u200b" + s[half:],
		"word-join":  s[:3] + "\u2060" + s[3:half] + "\ufeff" + s[half:],
		"lower":      strings.ToLower(s),
		"upper":      strings.ToUpper(s),
		"base64":     base64.StdEncoding.EncodeToString([]byte(s)),
		"base64url":  base64.RawURLEncoding.EncodeToString([]byte(s)),
		"escape":     s[:half] + "\x1b[0m" + s[half:],
		// Invisible or look-alike runes that a reader skips over (issue 16).
		"grapheme-joiner":    s[:half] + "\u034f" + s[half:],
		"variation-selector": s[:half] + "\ufe0f" + s[half:],
		"mongolian-fvs":      s[:half] + "\u180b" + s[half:],
		"hangul-filler":      s[:half] + "\u3164" + s[half:],
		"braille-blank":      s[:half] + "\u2800" + s[half:],
		"combining-low-line": strings.Join(strings.Split(s, ""), "\u0332") + "\u0332",
		"fullwidth":          fullwidth(s),
	}
}

// fullwidth is s with its ASCII letters, digits and signs in their
// fullwidth forms (U+FF01-U+FF5E), which read as the same text.
func fullwidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7f {
			return r + 0xfee0
		}
		return r
	}, s)
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func wantNoSecret(t *testing.T, text string, secrets ...string) {
	t.Helper()
	sk := skeleton(text)
	for _, s := range secrets {
		for _, form := range []string{s, base64.StdEncoding.EncodeToString([]byte(s)), base64.RawURLEncoding.EncodeToString([]byte(s))} {
			if f := skeleton(form); strings.Contains(sk, f) || strings.Contains(sk, f[:len(f)*2/3]) {
				t.Errorf("%q shows through in: %s", s, text)
			}
		}
	}
}

// The token endpoint echoes the secret, the API echoes the token, each
// disguised; the error text quotes [redacted] instead.
func TestDisguisedSecretsRedacted(t *testing.T) {
	basic := base64.StdEncoding.EncodeToString([]byte(testClient + ":" + testSecret))
	for name, echo := range disguises(testSecret) {
		for _, shape := range []string{"json", "text"} {
			t.Run("token endpoint "+shape+" "+name, func(t *testing.T) {
				f := newFake(t, okParticipant)
				f.tokenFunc = func(w http.ResponseWriter, r *http.Request) {
					if shape == "json" {
						writeJSON(w, 401, `{"error":"invalid_client","reason":`+jsonString("bad secret "+echo)+`}`)
						return
					}
					w.WriteHeader(400)
					fmt.Fprintf(w, "bad secret %s", echo)
				}
				_, err := f.client().ParticipantQoS(bg, "1", "7", model.Live)
				if err == nil {
					t.Fatal("no error")
				}
				wantNoSecret(t, err.Error(), testSecret, basic)
				wantText(t, err, "[redacted]")
			})
		}
	}
	for name, echo := range disguises(tokenPrefix + "1") {
		t.Run("API "+name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
				writeJSON(w, 400, `{"code":300,"message":`+jsonString("you sent "+echo)+`}`)
			})
			_, err := f.client().ParticipantQoS(bg, "1", "7", model.Live)
			wantNoSecret(t, err.Error(), tokenPrefix+"1")
			wantText(t, err, "[redacted]")
		})
	}
	t.Run("Basic value, lower case", func(t *testing.T) {
		f := newFake(t, okParticipant)
		f.tokenFunc = func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 401, `{"error":"invalid_client","reason":"`+strings.ToLower(r.Header.Get("Authorization"))+`"}`)
		}
		_, err := f.client().ParticipantQoS(bg, "1", "7", model.Live)
		wantNoSecret(t, err.Error(), basic)
	})
	t.Run("cut at the quote's end", func(t *testing.T) {
		f := newFake(t, okParticipant)
		f.tokenFunc = func(w http.ResponseWriter, r *http.Request) {
			pad := strings.Repeat("x", maxMessage-len("invalid_client: ")-6)
			writeJSON(w, 401, `{"error":"invalid_client","reason":"`+pad+strings.ToUpper(testSecret)+`"}`)
		}
		_, err := f.client().ParticipantQoS(bg, "1", "7", model.Live)
		if sk := skeleton(err.Error()); strings.Contains(sk, skeleton(testSecret[:6])) {
			t.Errorf("the cut-off start of the secret shows: %v", err)
		}
	})
}
