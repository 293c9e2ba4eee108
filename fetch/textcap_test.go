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
