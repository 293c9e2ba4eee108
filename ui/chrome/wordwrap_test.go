package chrome

import (
	"strings"
	"testing"
)

func TestWordwrapKeepsFlagsWhole(t *testing.T) {
	got := Wordwrap("For a meeting that has ended use --type past; see https://status.zoom.us/x-y", 38)
	want := "For a meeting that has ended use\n--type past; see\nhttps://status.zoom.us/x-y"
	if got != want {
		t.Fatalf("wordwrap =\n%s\nwant\n%s", got, want)
	}
	if strings.Contains(got, nbHyphen) {
		t.Fatal("a stand-in hyphen reached the screen")
	}
}
