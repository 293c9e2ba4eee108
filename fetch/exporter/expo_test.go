package exporter_test

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// series is one line of a text exposition.
type series struct {
	name   string
	labels map[string]string
	value  float64
}

// parseExposition reads the text format as Prometheus would, for the
// lines a test looks at: name{label="value",…} value.
func parseExposition(t *testing.T, body string) []series {
	t.Helper()
	var out []series
	for _, line := range strings.Split(body, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		s := series{labels: map[string]string{}}
		rest := line
		if i := strings.IndexAny(line, "{ "); i >= 0 && line[i] == '{' {
			s.name = line[:i]
			rest = line[i+1:]
			for !strings.HasPrefix(rest, "}") {
				eq := strings.Index(rest, "=\"")
				key := rest[:eq]
				rest = rest[eq+2:]
				var val strings.Builder
				for i := 0; ; i++ {
					if rest[i] == '\\' {
						val.WriteByte(map[byte]byte{'n': '\n', '\\': '\\', '"': '"'}[rest[i+1]])
						i++
						continue
					}
					if rest[i] == '"' {
						rest = strings.TrimPrefix(rest[i+1:], ",")
						break
					}
					val.WriteByte(rest[i])
				}
				s.labels[key] = val.String()
			}
			rest = strings.TrimSpace(rest[1:])
		} else {
			s.name, rest, _ = strings.Cut(line, " ")
		}
		v, err := strconv.ParseFloat(strings.Fields(rest)[0], 64)
		if err != nil {
			t.Fatalf("unreadable line %q: %v", line, err)
		}
		s.value = v
		out = append(out, s)
	}
	return out
}

// find returns the series of name whose labels include want.
func find(all []series, name string, want map[string]string) []series {
	var out []series
next:
	for _, s := range all {
		if s.name != name {
			continue
		}
		for k, v := range want {
			if s.labels[k] != v {
				continue next
			}
		}
		out = append(out, s)
	}
	return out
}

// waitFor scrapes r until ok holds for the parsed exposition.
func waitFor(t *testing.T, r *running, what string, ok func([]series) bool) []series {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, body := r.get(t, "/metrics")
		all := parseExposition(t, body)
		if ok(all) {
			return all
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 30s, still not %s; logs:\n%s", what, r.logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// streamOf maps Zoom's stream keys to the exporter's labels.
var streamOf = map[string][3]string{}

func init() {
	for prefix, media := range map[string]string{"audio": "audio", "video": "video", "as": "share"} {
		streamOf[prefix+"_input"] = [3]string{media, "send", "client"}
		streamOf[prefix+"_output"] = [3]string{media, "receive", "client"}
		for _, path := range []string{"crc", "rwg"} {
			streamOf[prefix+"_device_from_"+path] = [3]string{media, "send", path}
			streamOf[prefix+"_device_to_"+path] = [3]string{media, "receive", path}
		}
	}
}

// number reads a Zoom value string such as "126 ms" or "0.3%"; ok is
// false for "" (no data).
func number(t *testing.T, v any, unit string) (float64, bool) {
	t.Helper()
	s, _ := v.(string)
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), unit))
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("sim value %q with unit %q: %v", v, unit, err)
	}
	return f, true
}
