package chrome

import "testing"

func TestWithProfileTag(t *testing.T) {
	for _, c := range []struct {
		view  string
		width int
		want  string
	}{
		{"Meetings  LIVE\nrest", 30, "Meetings  LIVE          [acme]\nrest"},
		{"A very long first line that fills it", 20, "A very long … [acme]"},
		{"narrow", 7, "narrow"},
		{"", 10, "    [acme]"},
	} {
		if got := WithProfileTag(c.view, "[acme]", c.width); got != c.want {
			t.Errorf("%q at %d: %q, want %q", c.view, c.width, got, c.want)
		}
	}
}
