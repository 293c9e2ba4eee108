package theme

import (
	"reflect"
	"testing"
)

// Every character ASCIIGlyphs hands out, the help's arrow-key names
// included, is printable ASCII: --ascii is for fonts that have nothing
// else, and a glyph added to the Unicode set must get an ASCII twin.
func TestASCIIGlyphsArePlainASCII(t *testing.T) {
	g := reflect.ValueOf(ASCIIGlyphs())
	for i := range g.NumField() {
		f, name := g.Field(i), g.Type().Field(i).Name
		var texts []string
		switch f.Kind() {
		case reflect.String:
			texts = []string{f.String()}
		case reflect.Slice:
			texts = f.Interface().([]string)
		default:
			continue // the border: TestLevelsReadWithoutColour draws it
		}
		for _, s := range texts {
			if s == "" {
				t.Errorf("%s is empty in ASCII", name)
			}
			for _, r := range s {
				if r < ' ' || r > '~' {
					t.Errorf("%s = %q: %q is not printable ASCII", name, s, r)
				}
			}
		}
	}
}
