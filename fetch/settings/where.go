package settings

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// keyLines maps every key of a TOML document that parsed to the line it
// is on, so a value that decodes but makes no sense (an unknown theme, a
// threshold out of order) is reported where the user wrote it. The
// decoder gives positions only for what it refuses itself.
func keyLines(data []byte) map[string]int {
	var p unstable.Parser
	p.Reset(data)
	lines := map[string]int{}
	line := func(n *unstable.Node) int { return p.Shape(n.Raw).Start.Line }
	var add func(prefix []string, kv *unstable.Node)
	add = func(prefix []string, kv *unstable.Node) {
		k, at := keyOf(kv.Key(), line)
		k = append(slices.Clone(prefix), k...)
		lines[pathKey(k)] = at
		if v := kv.Value(); v.Kind == unstable.InlineTable {
			for it := v.Children(); it.Next(); {
				add(k, it.Node())
			}
		}
	}
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			var at int
			table, at = keyOf(e.Key(), line)
			lines[pathKey(table)] = at
		case unstable.KeyValue:
			add(table, e)
		}
	}
	return lines
}

func keyOf(it unstable.Iterator, line func(*unstable.Node) int) ([]string, int) {
	var parts []string
	at := 0
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
		if at == 0 {
			at = line(it.Node())
		}
	}
	return parts, at
}

// pathKey joins a key path unambiguously: a profile's name may hold a dot.
func pathKey(path []string) string { return strings.Join(path, "\x00") }

// at is "file:line: key" for a key path, the line of its nearest written
// ancestor when it has none of its own.
func (f *File) at(path ...string) string {
	for n := len(path); n > 0; n-- {
		if l, ok := f.lines[pathKey(path[:n])]; ok {
			return fmt.Sprintf("%s:%d: %s", f.Path, l, dotted(path))
		}
	}
	return f.Path + ": " + dotted(path)
}

func dotted(path []string) string { return strings.Join(path, ".") }

// decodeError names the file, line and key of what the decoder refused:
// an unknown key (with the known one it is closest to), a value of the
// wrong type, or a line that is not TOML.
func decodeError(path string, err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		var errs []error
		for _, e := range strict.Errors {
			row, _ := e.Position()
			msg := fmt.Sprintf("%s:%d: %s: unknown key", path, row, dotted(e.Key()))
			if s := suggest(e.Key()); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else if len(e.Key()) == 1 && fieldAt([]string{"profiles", "", e.Key()[0]}) != nil {
				msg += "; an account's setting belongs in a profile, under [profiles.NAME]"
			}
			errs = append(errs, errors.New(msg))
		}
		return errors.Join(errs...)
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		if key := de.Key(); len(key) > 0 {
			return fmt.Errorf("%s:%d: %s: want %s", path, row, dotted(key), want(key))
		}
		return fmt.Errorf("%s:%d: %s", path, row, strings.TrimPrefix(de.Error(), "toml: "))
	}
	return fmt.Errorf("%s: %w", path, err)
}

// fieldAt is the type a key path decodes into, nil if it names none.
func fieldAt(path []string) reflect.Type {
	t := reflect.TypeFor[document]()
	for _, k := range path {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Map:
			t = t.Elem()
		case reflect.Struct:
			f, ok := fieldNamed(t, k)
			if !ok {
				return nil
			}
			t = f.Type
		default:
			return nil
		}
	}
	return t
}

// fieldNamed finds a struct field by its toml tag, in embedded structs too.
func fieldNamed(t reflect.Type, key string) (reflect.StructField, bool) {
	for _, f := range reflect.VisibleFields(t) {
		if name, _, _ := strings.Cut(f.Tag.Get("toml"), ","); name == key && !f.Anonymous {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// want says what a key takes, for a value of the wrong type.
func want(path []string) string {
	t := fieldAt(path)
	if t == nil {
		return "another kind of value"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch k := path[len(path)-1]; {
	case k == "interval" || k == "timeout" || k == "client_secret_timeout":
		return `a duration in quotes, e.g. "10s"`
	case len(path) >= 2 && path[len(path)-2] == "thresholds":
		return `"warn:critical" in quotes, e.g. "150:300"`
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() == reflect.Int64:
		return "a whole number"
	case t.Kind() == reflect.String:
		return "a string in quotes"
	}
	return "a table, e.g. [" + dotted(path) + "]"
}

// suggest is the known key closest to an unknown one's last part, if any
// is close enough to be a misspelling.
func suggest(path []string) string {
	parent := fieldAt(path[:len(path)-1])
	if parent == nil {
		return ""
	}
	for parent.Kind() == reflect.Pointer || parent.Kind() == reflect.Map {
		parent = parent.Elem()
	}
	if parent.Kind() != reflect.Struct {
		return ""
	}
	var known []string
	for _, f := range reflect.VisibleFields(parent) {
		if name, _, _ := strings.Cut(f.Tag.Get("toml"), ","); name != "" && !f.Anonymous {
			known = append(known, name)
		}
	}
	return closest(path[len(path)-1], known)
}

// closest is the candidate within a third of the word's length in edits
// (at least 1, at most 3), or "".
func closest(word string, candidates []string) string {
	best, bestD := "", min(max(len(word)/3, 1), 3)+1
	for _, c := range candidates {
		if d := distance(strings.ToLower(word), c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the optimal string alignment distance between a and b:
// Levenshtein's, with a swap of two neighbours one edit ("drak", "dark").
func distance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
