package fetch

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// A long string is cut between runes and escapes, never inside one; the
// body stays valid JSON of the same length, and short strings, keys and
// everything around them are kept as they were.
func TestCutLongStrings(t *testing.T) {
	for name, long := range map[string]string{
		"ascii":        strings.Repeat("a", 5000),
		"two-byte":     strings.Repeat("é", 3000),
		"four-byte":    "x" + strings.Repeat("😀", 1000),
		"escapes":      strings.Repeat(`\n`, 1000) + "x" + strings.Repeat(`\u00e9`, 500),
		"escape at 1k": strings.Repeat("a", maxString-len(ellipsis)-1) + strings.Repeat(`\"`, 600),
	} {
		t.Run(name, func(t *testing.T) {
			body := `{"short":"é\"\\","long":"` + long + `","n":[1,"` + long + `"]}`
			b := []byte(body)
			cutLongStrings(b)
			if len(b) != len(body) || !json.Valid(b) {
				t.Fatalf("cut body invalid or resized:\n%s", b)
			}
			var v struct {
				Short, Long string
				N           []any
			}
			if err := json.Unmarshal(b, &v); err != nil {
				t.Fatal(err)
			}
			if v.Short != `é"\` || v.N[0] != 1.0 {
				t.Errorf("short values changed: %+v", v)
			}
			for _, s := range []string{v.Long, v.N[1].(string)} {
				if !strings.HasSuffix(s, ellipsis) || len(s) > maxString || !utf8.ValidString(s) || strings.Contains(s, "\uFFFD") {
					t.Errorf("cut to %d bytes %q, want at most %d ending in …, whole runes", len(s), s[max(0, len(s)-20):], maxString)
				}
			}
		})
	}
}

// FuzzCutLongStrings: whatever a long string holds, the cut body is valid
// JSON of the same length, and the string comes back at most maxString
// bytes, cut with "…" only when it was longer.
func FuzzCutLongStrings(f *testing.F) {
	f.Add("é\\n", uint16(900))
	f.Add(`\u00e9"`, uint16(200))
	f.Add("😀", uint16(300))
	f.Fuzz(func(t *testing.T, piece string, n uint16) {
		long, err := json.Marshal(strings.Repeat(piece, int(n%1500)))
		if err != nil {
			t.Skip()
		}
		body := []byte(`{"k":` + string(long) + `,"z":1}`)
		want := len(body)
		cutLongStrings(body)
		var v struct {
			K string
			Z int
		}
		if len(body) != want || json.Unmarshal(body, &v) != nil || v.Z != 1 {
			t.Fatalf("cut body invalid or resized: %q", body)
		}
		if cut := len(long)-2 > maxString; len(v.K) > maxString || (cut && !strings.HasSuffix(v.K, ellipsis)) {
			t.Fatalf("a %d-byte string came back as %d bytes %q", len(long)-2, len(v.K), v.K[max(0, len(v.K)-12):])
		}
	})
}
