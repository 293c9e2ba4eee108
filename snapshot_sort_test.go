package main

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/qostop/qostop/fetch/sim"
	"github.com/qostop/qostop/fetch/sim/simtest"
)

// tableRows are the participant rows of a meeting's snapshot table.
func tableRows(t *testing.T, args ...string) []string {
	t.Helper()
	var out, errb bytes.Buffer
	if err := run(t.Context(), append([]string{"snapshot", "--format", "table"}, args...), &out, &errb); err != nil {
		t.Fatalf("snapshot %v: %v\n%s", args, err, errb.String())
	}
	lines := strings.Split(out.String(), "\n")
	var rows []string
	for _, l := range lines[3:] { // the title, a blank, the column titles
		if l == "" {
			break
		}
		rows = append(rows, l)
	}
	return rows
}

// rowLevel is the worst level a row's media cells name: 2 critical, 1 warn.
func rowLevel(row string) int {
	switch {
	case strings.Contains(row, "critical!"):
		return 2
	case strings.Contains(row, "warn*"):
		return 1
	}
	return 0
}

// `snapshot --format table MEETING` lists the worst first, as the
// overview does (issue 17: by name, the critical person was buried among
// 37 rows); --sort name and join give the overview's other orders.
func TestSnapshotTableSortsWorstFirst(t *testing.T) {
	zoom := simtest.Start(t, sim.Options{})
	for _, kv := range zoom.Env() {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	rows := tableRows(t, sim.AllHandsMeetingID)
	if len(rows) < 40 || rowLevel(rows[0]) == 0 {
		t.Fatalf("%d rows; the first is not the worst:\n%s", len(rows), strings.Join(rows, "\n"))
	}
	for i := 1; i < len(rows); i++ {
		if !strings.Contains(rows[i], "(left)") && rowLevel(rows[i]) > rowLevel(rows[i-1]) {
			t.Errorf("row %d is worse than the one above it:\n%s\n%s", i, rows[i-1], rows[i])
		}
	}
	byName := tableRows(t, "--sort", "name", sim.AllHandsMeetingID)
	var names []string
	for _, r := range byName {
		if !strings.HasPrefix(r, "(hidden)") { // no name to sort by: last, as on the overview
			names = append(names, strings.ToLower(strings.Join(strings.Fields(r)[:2], " ")))
		}
	}
	if !slices.IsSorted(names) {
		t.Errorf("--sort name is not by name: %q", names)
	}
	var out, errb bytes.Buffer
	if err := run(t.Context(), []string{"snapshot", "--sort", "loudest", sim.AllHandsMeetingID}, &out, &errb); err == nil ||
		!strings.Contains(err.Error(), "worst, name, join") {
		t.Errorf("--sort loudest: %v", err)
	}
}
