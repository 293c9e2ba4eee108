package fetch

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/qostop/qostop/model"
)

// FuzzDecodeParticipant: no input may panic a decoder, and what decodes
// must hold the invariants the UI relies on.
func FuzzDecodeParticipant(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"user_qos":{"date_time":1}}`))
	f.Add([]byte(`{"user_qos":[null,{"audio_input":null}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if p, err := decodeParticipant(b); err == nil {
			checkInvariants(t, p.Unparsed, p.Samples)
		}
		if ps, _, err := decodeParticipantPage(b, 0); err == nil {
			for _, p := range ps {
				checkInvariants(t, p.Unparsed, p.Samples)
			}
		}
		_, _, _ = decodeMeetingPage(b)
		_ = httpError("op", 400, http.Header{}, b).Error()
		_ = decodeError("op", b, nil).Error()
	})
}

func checkInvariants(t *testing.T, unparsed int, samples []model.Sample) {
	t.Helper()
	if unparsed < 0 {
		t.Fatalf("Unparsed %d", unparsed)
	}
	if len(samples) > model.DefaultHistoryCap {
		t.Fatalf("%d samples kept, more than a history holds", len(samples))
	}
	for i, s := range samples {
		if s.Time.IsZero() {
			t.Fatalf("sample %d has no time", i)
		}
		if i > 0 && !s.Time.After(samples[i-1].Time) {
			t.Fatalf("samples not oldest first, one per time, at %d", i)
		}
	}
	for _, s := range samples {
		for k, st := range s.Streams {
			if st.Empty() {
				t.Fatalf("empty stream %s kept", k)
			}
		}
	}
}

// FuzzScrubText: whatever surrounds a secret, and however it is split by
// ignorable runes, the scrubbed text never shows it, and text without a
// secret is left as it was.
func FuzzScrubText(f *testing.F) {
	f.Add("bad secret ", " from you", uint8(3), "\n")
	f.Add("", "", uint8(0), "\u200b")
	f.Add("x…", "…", uint8(20), "\ufeff\r\n")
	f.Add("İİ", "K", uint8(7), "\x1b")
	forms := secretForms([]string{testSecret, tokenPrefix + "1"})
	f.Fuzz(func(t *testing.T, before, after string, at uint8, split string) {
		if !utf8.ValidString(before+after+split) || skeletonOf(split) != "" {
			t.Skip() // only splits a reader does not see
		}
		i := int(at) % (len(testSecret) + 1)
		in := before + testSecret[:i] + split + testSecret[i:] + after
		out := scrubText(in, forms)
		if strings.Contains(skeletonOf(out), skeletonOf(testSecret)) {
			t.Fatalf("scrubText(%q) = %q shows the secret", in, out)
		}
		if plain := before + after; !strings.Contains(skeletonOf(plain), skeletonOf(testSecret)[:minSecret]) &&
			!strings.HasSuffix(plain, "…") && scrubText(plain, forms) != plain {
			t.Fatalf("scrubText(%q) = %q changed text with no secret in it", plain, scrubText(plain, forms))
		}
	})
}

// invisibles are the code points a reader does not see, by the Unicode
// tables (the test's skeleton drops them): built once, for the fuzz
// target, which picks from them.
var invisibles = sync.OnceValue(func() []rune {
	var out []rune
	for r := rune(1); r <= unicode.MaxRune; r++ {
		if utf8.ValidRune(r) && skeleton(string(r)) == "" {
			out = append(out, r)
		}
	}
	return out
})

// FuzzScrubInvisible: any invisible code point, inserted anywhere in the
// secret, plain or in fullwidth letters, does not let it through.
func FuzzScrubInvisible(f *testing.F) {
	f.Add("bad secret ", " here", uint8(5), uint32(0), false)
	f.Add("", "…", uint8(0), uint32(7), true)
	f.Add("%", "%0a", uint8(24), uint32(300), true)
	forms := secretForms([]string{testSecret})
	f.Fuzz(func(t *testing.T, before, after string, at uint8, pick uint32, wide bool) {
		if !utf8.ValidString(before + after) {
			t.Skip()
		}
		secret := []rune(testSecret)
		if wide {
			secret = []rune(fullwidth(testSecret))
		}
		inv := invisibles()
		i := int(at) % (len(secret) + 1)
		in := before + string(secret[:i]) + string(inv[int(pick%uint32(len(inv)))]) + string(secret[i:]) + after
		if out := scrubText(in, forms); strings.Contains(skeleton(out), skeleton(testSecret)) {
			t.Fatalf("scrubText(%q) = %q shows the secret", in, out)
		}
	})
}
