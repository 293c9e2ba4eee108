package model

import (
	"encoding/json"
	"testing"
	"time"
)

func TestChoicesValid(t *testing.T) {
	for _, c := range []struct {
		name     string
		in, want Choices
	}{
		{"kept", Choices{Theme: "light", Window: time.Hour, Sort: Sort{Column: SortName, Reverse: true, Shown: NumShown - 1}},
			Choices{Theme: "light", Window: time.Hour, Sort: Sort{Column: SortName, Reverse: true, Shown: NumShown - 1}}},
		{"window not a step", Choices{Window: 7 * time.Minute, Sort: Sort{Column: SortJoin}}, Choices{Sort: Sort{Column: SortJoin}}},
		{"column out of range", Choices{Window: time.Hour, Sort: Sort{Column: NumSortColumns, Reverse: true}}, Choices{Window: time.Hour}},
		{"negative reading", Choices{Sort: Sort{Shown: -1}}, Choices{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.in.Valid(); got != c.want {
				t.Errorf("Valid() = %+v, want %+v", got, c.want)
			}
		})
	}
}

// Choices round-trip through JSON, the state file's format.
func TestChoicesJSON(t *testing.T) {
	in := Choices{Theme: "dark", Window: 30 * time.Minute, Sort: Sort{Column: SortVideo, Shown: ShowBitrate}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out Choices
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Errorf("%s -> %+v, %v", b, out, err)
	}
}
